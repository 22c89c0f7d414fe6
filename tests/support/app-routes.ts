import fs from "node:fs";
import path from "node:path";

/** Every route under app/ with a [param] segment, as its pattern ("/c/[slug]/images/[generationId]/[index]"). */
export function dynamicRoutes(dir = path.resolve("app"), prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const route = `${prefix}/${entry.name}`;
    const files = fs.readdirSync(path.join(dir, entry.name));
    if (route.includes("[") && files.some((f) => /^(page|route)\.tsx?$/.test(f))) out.push(route);
    out.push(...dynamicRoutes(path.join(dir, entry.name), route));
  }
  return out;
}

/** The route with `%ff` as `param` and harmless values for the others. */
export function withBrokenEscape(route: string, param: string): string {
  return route.replace(/\[\w+\]/g, (p) => (p === param ? "%ff" : p === "[index]" ? "0" : "abc"));
}
