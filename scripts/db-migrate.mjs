#!/usr/bin/env node
// Applies the committed migrations (`prisma migrate deploy`) to the configured database:
// DATABASE_URL, or SQLite at $DATA_DIR/lorascope.db by default (see lib/db/provider.ts and
// prisma.config.ts, which pick the schema and migrations folder for the provider).
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

// The app keeps its files under DATA_DIR (same default as lib/db/provider.ts and lib/env.ts);
// a fresh clone has none yet.
fs.mkdirSync(path.resolve(root, process.env.DATA_DIR?.trim() || "data"), { recursive: true });

const { status } = spawnSync(process.execPath, [prismaCli, "migrate", "deploy"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, CHECKPOINT_DISABLE: "1" },
});
process.exit(status ?? 1);
