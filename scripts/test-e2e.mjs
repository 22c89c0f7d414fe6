#!/usr/bin/env node
// Browser tests: a fresh data dir, an up-to-date production build, then Playwright.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { buildIfStale, root } from "./build-if-stale.mjs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}. Install Debian's: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}
rmSync(path.join(root, "test-results", "e2e-data"), { recursive: true, force: true });
buildIfStale();
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
process.exit(result.status ?? 1);
