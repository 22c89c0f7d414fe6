#!/usr/bin/env node
// `npm run db:new-migration -- <name>`: after editing BOTH prisma/*/schema.prisma, writes the
// migration that takes each provider's committed migrations to its schema. SQLite diffs
// against a scratch file; PostgreSQL needs a server (TEST_POSTGRES_URL, or the URL printed
// by scripts/start-test-postgres.sh) for the engine's shadow database.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <snake_case_name>");
  process.exit(2);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-migration-"));
const pgUrl =
  process.env.TEST_POSTGRES_URL?.trim() ||
  execFileSync("bash", [path.join(root, "scripts/start-test-postgres.sh")], { encoding: "utf8" }).trim().split("\n").pop();
const urls = { sqlite: `file:${scratch}/diff.db`, postgres: pgUrl };
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

try {
  for (const provider of ["sqlite", "postgres"]) {
    const dir = path.join(root, "prisma", provider);
    const sql = execFileSync(
      process.execPath,
      [prismaCli, "migrate", "diff", "--from-migrations", path.join(dir, "migrations"), "--to-schema", path.join(dir, "schema.prisma"), "--script"],
      { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: urls[provider], CHECKPOINT_DISABLE: "1" } },
    );
    if (!/^\s*(CREATE|ALTER|DROP|INSERT|UPDATE|PRAGMA|DELETE)/m.test(sql)) {
      console.log(`${provider}: schema matches the migrations; nothing to write`);
      continue;
    }
    const target = path.join(dir, "migrations", `${stamp}_${name}`);
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(path.join(target, "migration.sql"), sql);
    console.log(`${provider}: wrote ${path.relative(root, target)}/migration.sql`);
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
