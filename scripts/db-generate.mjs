#!/usr/bin/env node
// Generates BOTH Prisma clients (lib/db/generated/sqlite and lib/db/generated/postgres), each
// from its own schema, so the app can switch database through DATABASE_URL alone, without
// regenerating. Runs on postinstall.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

for (const provider of ["sqlite", "postgres"]) {
  const { status } = spawnSync(
    process.execPath,
    [prismaCli, "generate", "--schema", `prisma/${provider}/schema.prisma`],
    // No update check: the machines running this reach only the npm registry.
    { cwd: root, stdio: "inherit", env: { ...process.env, CHECKPOINT_DISABLE: "1" } },
  );
  if (status !== 0) process.exit(status ?? 1);
}
