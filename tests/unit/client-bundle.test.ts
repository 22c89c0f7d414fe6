import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fieldErrors, generationInputSchema } from "@/lib/generation/schema";

// A deterministic byte budget for the browser: what "use client" modules reach by static imports
// (dynamic `import()` and next/dynamic chunks load on demand, "use server" files are not bundled).
// Classic `zod` costs ≈30 KB gz in the studio's first load; client-reachable schemas use zod/mini
// (lib/validation/mini.ts).

const root = path.resolve(import.meta.dirname, "../..");
const SKIP = new Set(["node_modules", ".next", "generated"]);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(entry.name)) out.push(p);
  }
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Static value imports and re-exports (type-only ones are erased; `import()` is on demand). */
function staticImports(source: string): string[] {
  const out: string[] = [];
  const re = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']/gm;
  for (let m = re.exec(source); m; m = re.exec(source)) if (!m[1]) out.push(m[2]);
  return out;
}

const directive = (source: string, name: string) => new RegExp(`^\\s*["']use ${name}["']`).test(source);

/** Every package each client-reachable module imports, with the chain that reaches it. */
function clientPackages(): Map<string, string[]> {
  const files = ["app", "components", "lib"].flatMap((d) => sourceFiles(path.join(root, d)));
  const parent = new Map<string, string | null>();
  const queue = files.filter((f) => directive(fs.readFileSync(f, "utf8"), "client"));
  for (const f of queue) parent.set(f, null);
  const packages = new Map<string, string[]>();
  while (queue.length) {
    const file = queue.shift()!;
    for (const spec of staticImports(fs.readFileSync(file, "utf8"))) {
      const local = resolveLocal(file, spec);
      if (!local) {
        if (!spec.startsWith(".") && !spec.startsWith("@/")) {
          const chain: string[] = [];
          for (let at: string | null | undefined = file; at; at = parent.get(at)) chain.push(path.relative(root, at));
          if (!packages.has(spec)) packages.set(spec, chain);
        }
        continue;
      }
      if (parent.has(local) || directive(fs.readFileSync(local, "utf8"), "server")) continue;
      parent.set(local, file);
      queue.push(local);
    }
  }
  return packages;
}

describe("what the browser loads up front", () => {
  const packages = clientPackages();

  it("finds the client graph (the walk itself works)", () => {
    expect(packages.has("react")).toBe(true);
    expect(packages.has("zod/mini")).toBe(true);
  });

  it("has no classic zod: client-reachable schemas use zod/mini", () => {
    expect(packages.get("zod") ?? null).toBeNull();
  });
});

describe("zod/mini speaks English", () => {
  it("keeps classic zod's default messages for fields without a custom one", () => {
    const parsed = generationInputSchema.safeParse({
      clientRequestId: "00000000-0000-4000-8000-000000000000",
      prompt: "a fox",
      model: "black-forest-labs/FLUX.1-dev-lora",
      width: 1024,
      height: 768,
      steps: 28,
      n: 1,
      seed: -1,
      guidance: 21,
      loras: [],
    });
    expect(parsed.success).toBe(false);
    expect(fieldErrors(parsed.error!)).toEqual({ seed: "Too small: expected number to be >=0", guidance: "Too big: expected number to be <=20" });
  });
});
