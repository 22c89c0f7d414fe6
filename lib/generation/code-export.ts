import type { ImageRequest } from "@/lib/together/types";

/** The request body exactly as sent (keys in a stable order, undefined dropped). */
function body(request: ImageRequest): Record<string, unknown> {
  return JSON.parse(JSON.stringify(request));
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function toCurl(request: ImageRequest): string {
  return [
    `curl -X POST "https://api.together.ai/v1/images/generations" \\`,
    `  -H "Authorization: Bearer $TOGETHER_API_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d ${shellQuote(JSON.stringify(body(request), null, 2))}`,
  ].join("\n");
}

export function toTypeScript(request: ImageRequest): string {
  const args = JSON.stringify(body(request), null, 2).replace(/"([A-Za-z_][A-Za-z0-9_]*)":/g, "$1:");
  return [
    `import Together from "together-ai";`,
    ``,
    `const together = new Together(); // reads TOGETHER_API_KEY`,
    ``,
    `const response = await together.images.generate(${args});`,
    ``,
    `console.log(response.data[0]);`,
  ].join("\n");
}

/** A Python literal: JSON's strings and numbers are valid Python; true/false/null are not. */
export function pythonLiteral(value: unknown, indent: string): string {
  if (value === null) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "string" || typeof value === "number") return JSON.stringify(value);
  const inner = indent + "    ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => inner + pythonLiteral(v, inner)).join(",\n")},\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pythonLiteral(v, inner)}`).join(",\n")},\n${indent}}`;
}

export function toPython(request: ImageRequest): string {
  const kwargs = Object.entries(body(request))
    .map(([k, v]) => `    ${k}=${pythonLiteral(v, "    ")},`)
    .join("\n");
  return [
    `from together import Together`,
    ``,
    `client = Together()  # reads TOGETHER_API_KEY`,
    ``,
    `response = client.images.generate(`,
    kwargs,
    `)`,
    ``,
    `print(response.data[0])`,
  ].join("\n");
}
