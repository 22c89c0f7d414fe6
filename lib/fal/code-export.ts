/**
 * The exact fal request a generation sent, as code a person can run with their own key:
 * cURL against fal's queue, TypeScript with @fal-ai/client, Python with fal-client. Pure.
 */
import { FAL_QUEUE_ORIGIN, falAppPath } from "./endpoints";
import { pythonLiteral } from "@/lib/generation/code-export";
import type { FalInput } from "./request";

/** The body exactly as sent (keys in a stable order, undefined dropped). */
function body(input: FalInput): Record<string, unknown> {
  return JSON.parse(JSON.stringify(input));
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function toFalCurl(endpoint: string, input: FalInput): string {
  const requests = `${FAL_QUEUE_ORIGIN}/${falAppPath(endpoint)}/requests`;
  return [
    `# 1. Queue the request; fal answers with its request_id (read here with jq)`,
    `REQUEST_ID=$(curl -s -X POST "${FAL_QUEUE_ORIGIN}/${endpoint}" \\`,
    `  -H "Authorization: Key $FAL_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d ${shellQuote(JSON.stringify(body(input), null, 2))} | jq -r .request_id)`,
    ``,
    `# 2. Poll until "status" is "COMPLETED"`,
    `curl -s "${requests}/$REQUEST_ID/status" -H "Authorization: Key $FAL_KEY"`,
    ``,
    `# 3. Fetch the result: images[].url are the generated images`,
    `curl -s "${requests}/$REQUEST_ID" -H "Authorization: Key $FAL_KEY"`,
  ].join("\n");
}

export function toFalTypeScript(endpoint: string, input: FalInput): string {
  const args = JSON.stringify(body(input), null, 2)
    .replace(/"([A-Za-z_][A-Za-z0-9_]*)":/g, "$1:")
    .replace(/\n/g, "\n  ");
  return [
    `import { fal } from "@fal-ai/client";`,
    ``,
    `// The client reads FAL_KEY from the environment.`,
    `const result = await fal.subscribe(${JSON.stringify(endpoint)}, {`,
    `  input: ${args},`,
    `});`,
    ``,
    `console.log(result.data.images[0].url);`,
  ].join("\n");
}

export function toFalPython(endpoint: string, input: FalInput): string {
  return [
    `import fal_client`,
    ``,
    `# fal_client reads FAL_KEY from the environment.`,
    `result = fal_client.subscribe(`,
    `    ${JSON.stringify(endpoint)},`,
    `    arguments=${pythonLiteral(body(input), "    ")},`,
    `)`,
    ``,
    `print(result["images"][0]["url"])`,
  ].join("\n");
}
