/**
 * `npm run bench:grid`: a 100-cell grid through the server queue against the Together stand-in
 * with 1 s latency and a limit of 20 requests a minute. Reports the wall time against the ideal
 * the limit allows, and the share of the run the queue sat idle while work was waiting (no
 * request in flight although the limit had room). Target: within 10 % of ideal.
 *
 *   npm run bench:grid                       # the real thing: about 4 minutes
 *   npm run bench:grid -- --scale 0.1        # same shape, 10× faster (6 s windows, 100 ms latency)
 *   npm run bench:grid -- --instances 2      # two app instances on one database
 *
 * The app runs as child processes (tests/support/generation-instance.ts: the real queue,
 * workers and generate path) on a fresh SQLite database.
 */
import "./support";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { GridView } from "@/lib/grid/view";
import { startInstance, type Instance } from "../tests/support/instances";
import { freshSqlite, migrateDeploy } from "../tests/support/test-database";
import { startTogetherServer } from "../tests/support/together-server";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const scale = arg("scale", 1);
const instances = arg("instances", 1);
const concurrency = arg("concurrency", 4);
const CELLS = 100;
const PER_WINDOW = 20;
const WINDOW_MS = 60_000 * scale;
const LATENCY_MS = 1_000 * scale;

/** 5 seeds × 5 steps values × 4 guidance values: 100 cells, each its own request. */
const spec = {
  name: "bench",
  base: {
    prompt: "a lighthouse at dusk",
    model: "black-forest-labs/FLUX.1-dev-lora",
    width: 256,
    height: 256,
    steps: 4,
    seed: 1,
    guidance: 3.5,
    loras: [
      { path: "", scale: 1, triggers: [] },
      { path: "", scale: 1, triggers: [] },
    ],
    customTriggers: [],
    placement: "before",
  },
  x: { kind: "seed", text: "1, 2, 3, 4, 5" },
  y: { kind: "steps", text: "2, 3, 4, 5, 6" },
  z: { kind: "guidance", text: "2, 3, 4, 5" },
};

/**
 * The best any client can do: a full window's worth at once, then the next batch as soon as
 * the window has room; the last batch still takes the latency.
 */
function idealMs(): number {
  return (Math.ceil(CELLS / PER_WINDOW) - 1) * WINDOW_MS + LATENCY_MS;
}

async function main() {
  const together = await startTogetherServer();
  together.setRateLimit({ perWindow: PER_WINDOW, windowMs: WINDOW_MS });
  together.inject({ kind: "delay", ms: LATENCY_MS });
  const database = await freshSqlite();
  migrateDeploy(database.url);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-bench-grid-"));
  const env = {
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    APP_SECRET: "bench-grid-secret",
    TOGETHER_API_KEY: "bench-key",
    TOGETHER_BASE_URL: together.baseURL,
    TOGETHER_MAX_RETRIES: "0",
    LORASCOPE_SIMULATOR: "false",
    RATE_LIMIT_PER_HOUR: "0",
    DAILY_BUDGET_USD: "",
    GRID_CONCURRENCY: String(concurrency),
  };
  const apps: Instance[] = [];
  try {
    for (let i = 0; i < instances; i++) apps.push(await startInstance(env));
    console.log(`${CELLS} cells, stand-in: ${PER_WINDOW} requests per ${WINDOW_MS / 1000} s, ${LATENCY_MS} ms latency; ${instances} instance(s) × ${concurrency} workers`);
    const t0 = Date.now();
    const started = await apps[0].post("/grid/start", { ownerId: "bench-owner", spec });
    if (!started.ok) throw new Error(JSON.stringify(started));
    let view: GridView;
    for (;;) {
      view = await apps[0].post("/grid/view", { ownerId: "bench-owner", gridId: started.gridId });
      if (view.finished) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const t1 = Math.max(...together.requests.map((r) => r.receivedAt)) + LATENCY_MS;
    const wall = Date.now() - t0;
    // Every request carries the latency "fault"; the limit's answers are the 429s.
    const is429 = (r: (typeof together.requests)[number]) => r.fault !== undefined && "status" in r.fault && r.fault.status === 429;
    const accepted = together.requests.filter((r) => r.path.endsWith("/images/generations") && !is429(r));
    const limited = together.requests.filter((r) => r.path.endsWith("/images/generations") && is429(r));

    // Idle while work waited: no request in flight, and the limit had room (sampled every 10 ms).
    const inFlight = accepted.map((r) => [r.receivedAt, r.receivedAt + LATENCY_MS] as const);
    const starts = accepted.map((r) => r.receivedAt).sort((a, b) => a - b);
    let idle = 0;
    const step = 10;
    for (let t = t0; t < t1; t += step) {
      const busy = inFlight.some(([a, b]) => t >= a && t < b);
      const full = starts.filter((s) => s <= t && s > t - WINDOW_MS).length >= PER_WINDOW;
      if (!busy && !full) idle += step;
    }
    const ideal = idealMs();
    const over = (wall - ideal) / ideal;
    console.log(`succeeded ${view.counts.succeeded}/${CELLS}, failed ${view.counts.failed}; requests sent ${accepted.length}, answered 429 ${limited.length}`);
    console.log(`wall ${(wall / 1000).toFixed(1)} s, ideal ${(ideal / 1000).toFixed(1)} s → ${over >= 0 ? "+" : ""}${(over * 100).toFixed(1)} % ${Math.abs(over) <= 0.1 ? "(within 10 %)" : "(NOT within 10 %)"}`);
    console.log(`idle while work waited: ${(idle / 1000).toFixed(1)} s = ${((idle / (t1 - t0)) * 100).toFixed(1)} % of the run`);
  } finally {
    for (const a of apps) await a.stop();
    await together.close();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
