import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * scripts/prisma-schema-engine.mjs stands in for Prisma's native schema engine: it speaks the
 * Prisma CLI's internal engine protocol and runs the WebAssembly build of one exact engine
 * commit. A Prisma upgrade that forgets the shim fails here, saying what to change
 * (prisma/README.md, "Upgrading Prisma").
 */

const root = path.resolve(import.meta.dirname, "../..");
const SHIM = path.join(root, "scripts/prisma-schema-engine.mjs");
const HOW = "See prisma/README.md, \"Upgrading Prisma\".";

interface PackageJson {
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  prisma?: { enginesVersion?: string };
}

const readJson = (file: string): PackageJson => JSON.parse(fs.readFileSync(file, "utf8"));

/** The directory of `name` as Node would find it from `fromDir` (nearest node_modules up the tree). */
function packageDir(name: string, fromDir = root): string {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (fs.existsSync(path.join(candidate, "package.json"))) return candidate;
    if (dir === path.dirname(dir)) throw new Error(`${name} is not installed (from ${path.relative(root, fromDir) || "."}): run npm ci. ${HOW}`);
  }
}

const project = readJson(path.join(root, "package.json"));
const wanted = (name: string) => project.dependencies?.[name] ?? project.devDependencies?.[name];

const prismaDir = packageDir("prisma");
const prisma = readJson(path.join(prismaDir, "package.json"));
// The engine build this Prisma CLI was released with: prisma → @prisma/engines → @prisma/engines-version.
const enginesVersion = readJson(path.join(packageDir("@prisma/engines-version", packageDir("@prisma/engines", prismaDir)), "package.json"));
const engineCommit = enginesVersion.prisma?.enginesVersion ?? "";
const wasmDir = packageDir("@prisma/schema-engine-wasm");
const wasm = readJson(path.join(wasmDir, "package.json"));

describe("Prisma and its schema-engine shim agree", () => {
  it("pins Prisma, its client, adapters and the wasm engine exactly", () => {
    // A range would let npm move Prisma while the shim stays on the engine build it was written for.
    for (const name of ["prisma", "@prisma/client", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "@prisma/schema-engine-wasm"]) {
      expect(wanted(name), `package.json must pin ${name} to an exact version (no ^ or ~): the schema-engine shim depends on one exact build. ${HOW}`).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
    }
  });

  it("has the Prisma packages package.json asks for installed, all of one version", () => {
    expect(prisma.version, `package.json asks for prisma ${wanted("prisma")} but node_modules has ${prisma.version}: run npm ci. ${HOW}`).toBe(wanted("prisma"));
    for (const name of ["@prisma/client", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"]) {
      const installed = readJson(path.join(packageDir(name), "package.json")).version;
      expect(wanted(name), `package.json asks for ${name} ${wanted(name)} but prisma ${wanted("prisma")}: Prisma's packages move together. ${HOW}`).toBe(wanted("prisma"));
      expect(installed, `node_modules has ${name} ${installed}, package.json asks for ${wanted(name)}: run npm ci. ${HOW}`).toBe(wanted(name));
    }
  });

  it("gives the shim the engine build this Prisma CLI was released with", () => {
    expect(engineCommit, "@prisma/engines-version names no engine commit (prisma.enginesVersion): Prisma changed how it records its engine build; check the shim by hand.").toMatch(/^[0-9a-f]{40}$/);
    const message =
      `prisma ${prisma.version} runs schema engine ${enginesVersion.version}, but the shim (scripts/prisma-schema-engine.mjs) loads ` +
      `@prisma/schema-engine-wasm ${wasm.version} (package.json asks for ${wanted("@prisma/schema-engine-wasm")}). ` +
      `Set "@prisma/schema-engine-wasm": "${enginesVersion.version}" in package.json and run npm install. ${HOW}`;
    expect(wanted("@prisma/schema-engine-wasm"), message).toBe(enginesVersion.version);
    expect(wasm.version, message).toBe(enginesVersion.version);
  });

  it("runs that engine build: the shim's --version names the same commit", () => {
    const out = execFileSync(process.execPath, [SHIM, "--version"], { cwd: root, encoding: "utf8", timeout: 20_000 });
    expect(out.trim(), `the shim's wasm engine reports "${out.trim()}", not Prisma's engine commit ${engineCommit}. ${HOW}`).toBe(`schema-engine-cli ${engineCommit} (wasm)`);
  });
});

describe("the Prisma CLI still talks to the engine the way the shim answers", () => {
  // The CLI's bundled code (build/cli.js today); read all of build/ so a renamed bundle still counts.
  const build = path.join(prismaDir, "build");
  const cli = fs.readdirSync(build).filter((f) => f.endsWith(".js")).map((f) => fs.readFileSync(path.join(build, f), "utf8")).join("\n");

  it("starts the engine the shim's way", () => {
    // prisma.config.ts hands the shim to the CLI through this variable; the shim parses these arguments.
    for (const token of ["PRISMA_SCHEMA_ENGINE_BINARY", '"--datamodels"', '"--datasource"', "can-connect-to-database", "create-database"]) {
      expect(cli.includes(token), `prisma ${prisma.version}'s CLI no longer mentions ${token}: its engine protocol changed, and scripts/prisma-schema-engine.mjs must follow it. ${HOW}`).toBe(true);
    }
  });

  it("calls only JSON-RPC methods the shim or the wasm engine answers", async () => {
    const called = [...new Set([...cli.matchAll(/getRPCPayload\("(\w+)"/g)].map((m) => m[1]))];
    expect(called.length, "found no getRPCPayload(\"…\") calls in the Prisma CLI: it changed how it calls the engine; check the shim by hand.").toBeGreaterThan(5);
    const engine = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as { SchemaEngine: { prototype: object } };
    const answered = new Set(Object.getOwnPropertyNames(engine.SchemaEngine.prototype));
    // The shim's own handlers (its `handlers` object) cover methods the wasm engine names differently or lacks.
    const shim = fs.readFileSync(SHIM, "utf8");
    const handlers = /const handlers = \{([\s\S]*?)\n\};/.exec(shim)?.[1] ?? "";
    for (const m of handlers.matchAll(/^ {2}(?:async )?(\w+)[(:]/gm)) answered.add(m[1]);
    // Known and accepted: no command this project runs sends these (the shim answers them with a clear error).
    const unsupported = new Set(["createDatabase", "getDatabaseDescription"]);
    const missing = called.filter((m) => !answered.has(m) && !unsupported.has(m));
    expect(missing, `prisma ${prisma.version}'s CLI calls engine methods neither the shim nor the wasm engine answers: ${missing.join(", ")}. ${HOW}`).toEqual([]);
  });
});
