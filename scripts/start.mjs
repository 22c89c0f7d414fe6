#!/usr/bin/env node
// `npm start`: everything a fresh checkout needs before serving on embedded defaults —
// DATA_DIR, migrations, a production build when the sources are newer than the last one —
// then `next start` on 127.0.0.1:$PORT (3000).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { buildIfStale, nextBin, root } from "./build-if-stale.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";

const dataDir = path.resolve(root, process.env.DATA_DIR ?? "data");
mkdirSync(dataDir, { recursive: true });
env.DATA_DIR = dataDir;

const migrate = spawnSync(process.execPath, [path.join(root, "scripts", "db-migrate.mjs")], { cwd: root, env, stdio: "inherit" });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

if (!process.argv.includes("--no-build")) buildIfStale(env);
else if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("No production build found; run `npm run build` first.");
  process.exit(1);
}

console.log(`Lorascope on http://${host}:${port} (data in ${dataDir})`);
// Same process group as this script, so stopping the group (Ctrl+C, a test runner) stops the server too.
const server = spawn(process.execPath, [nextBin, "start", "--hostname", host, "--port", port], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
