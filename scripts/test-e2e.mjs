#!/usr/bin/env node
// Browser tests: a fresh data dir, an up-to-date production build, then Playwright.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { buildIfStale, root } from "./build-if-stale.mjs";
import { ensureChromium } from "./find-chromium.mjs";

// playwright.config.ts reads CHROMIUM_PATH: hand it the one found (or just installed).
process.env.CHROMIUM_PATH = ensureChromium();
rmSync(path.join(root, "test-results", "e2e-data"), { recursive: true, force: true });
buildIfStale();
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
process.exit(result.status ?? 1);
