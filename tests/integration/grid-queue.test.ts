import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { GridView } from "@/lib/grid/view";
import { startInstance, type Instance } from "../support/instances";
import { databaseLanes, migrateDeploy, type TestDatabase } from "../support/test-database";
import { startTogetherServer, type TogetherServer } from "../support/together-server";

// The grid queue across app instances (child processes on one database): every cell runs
// exactly once however many instances claim, a cancel on another instance stops the grid at
// once, a 429's retry-after holds back every cell on that key, and a killed instance's running
// cells become interrupted while its queued ones run elsewhere. SQLite always; PostgreSQL with
// TEST_POSTGRES_URL (FOR UPDATE SKIP LOCKED).

const MODEL = "black-forest-labs/FLUX.1-dev-lora";
const base = {
  prompt: "a tin robot",
  model: MODEL,
  width: 512,
  height: 512,
  steps: 4,
  seed: 1,
  guidance: 3.5,
  loras: [
    { path: "", scale: 1, triggers: [] },
    { path: "", scale: 1, triggers: [] },
  ],
  customTriggers: [],
  placement: "before",
};
/** 6 prompts × 6 seeds = 36 cells. */
const spec36 = {
  name: "36 cells",
  base,
  x: { kind: "prompt-set", name: "Six", prompts: ["portrait", "landscape", "object", "typography", "animal", "interior"].map((label) => ({ label, prompt: `a ${label}` })) },
  y: { kind: "seed", text: "1, 2, 3, 4, 5, 6" },
};

let together: TogetherServer;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-grid-"));
beforeAll(async () => {
  together = await startTogetherServer();
});
afterAll(async () => {
  await together.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
const generations = () => together.requests.filter((r) => r.path.endsWith("/images/generations"));
const bodyKey = (b: unknown) => {
  const body = b as { prompt: string; seed: number };
  return `${body.prompt}|${body.seed}`;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(instance: Instance, owner: string, gridId: string, done: (v: GridView) => boolean, timeoutMs = 60_000): Promise<GridView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = (await instance.post("/grid/view", { ownerId: owner, gridId })) as GridView;
    if (done(view)) return view;
    if (Date.now() > deadline) throw new Error(`grid did not get there: ${JSON.stringify(view.counts)}`);
    await sleep(150);
  }
}

describe.each(databaseLanes)("grid queue on $provider", ({ create }) => {
  const started: Instance[] = [];
  const databases: TestDatabase[] = [];

  async function instances(count: number, extra: Record<string, string> = {}): Promise<{ env: Record<string, string>; list: Instance[] }> {
    const database = await create();
    databases.push(database);
    migrateDeploy(database.url);
    const env = {
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      APP_SECRET: "grid-test-secret",
      TOGETHER_API_KEY: "deployment-key",
      TOGETHER_BASE_URL: together.baseURL,
      TOGETHER_MAX_RETRIES: "0",
      LORASCOPE_SIMULATOR: "false",
      RATE_LIMIT_PER_HOUR: "0",
      DAILY_BUDGET_USD: "",
      GRID_CONCURRENCY: "3",
      ...extra,
    };
    const list = await Promise.all(Array.from({ length: count }, () => startInstance(env)));
    started.push(...list);
    return { env, list };
  }

  afterEach(async () => {
    together.clearFaults();
    together.clearRequests();
    while (started.length) await started.pop()!.stop();
  });
  afterAll(async () => {
    for (const d of databases) await d.drop();
  }, 60_000);

  it("two instances run a 36-cell grid with every cell sent exactly once, filed and paid once", async () => {
    const { list: [a, b] } = await instances(2);
    together.inject({ kind: "delay", ms: 100 });
    const grid = await a.post("/grid/start", { ownerId: "owner-36", spec: spec36 });
    expect(grid).toMatchObject({ ok: true, cellCount: 36 });
    const view = await until(b, "owner-36", grid.gridId, (v) => v.finished, 120_000);
    expect(view.counts.succeeded).toBe(36);
    const sent = generations();
    expect(sent).toHaveLength(36);
    expect(new Set(sent.map((r) => bodyKey(r.body))).size).toBe(36);
    // Both instances took part (each has 3 workers; 36 cells of 100 ms keep all of them busy).
    expect(view.spentMicroUsd).toBe(view.priceMicroUsd);
    expect(new Set(view.cells.map((c) => c.generation?.id)).size).toBe(36);
  }, 180_000);

  it("owners take turns: a second person's small grid runs between the first one's cells, not after all of them", async () => {
    const { list: [a] } = await instances(1, { GRID_CONCURRENCY: "1" });
    // The first cell is slow, so the second grid is surely queued before the worker looks again.
    together.inject({ kind: "delay", ms: 1_500, times: 1 });
    together.inject({ kind: "delay", ms: 200 });
    const big = { ...spec36, x: { kind: "seed", text: "1, 2, 3, 4, 5, 6" }, y: { kind: "prompt-set", name: "Two", prompts: [{ label: "a", prompt: "a fox" }, { label: "b", prompt: "a cat" }] } };
    const small = { ...spec36, base: { ...base, prompt: "a second person's owl" }, x: { kind: "seed", text: "7, 8" }, y: undefined };
    const first = await a.post("/grid/start", { ownerId: "owner-big", spec: big });
    while (generations().length < 1) await sleep(20);
    const second = await a.post("/grid/start", { ownerId: "owner-small", spec: small });
    await until(a, "owner-small", second.gridId, (v) => v.finished);
    const order = generations().map((r) => ((r.body as { prompt: string }).prompt.includes("owl") ? "small" : "big"));
    // One worker: the small grid's cells alternate with the big one's instead of waiting for all 12.
    expect(order.indexOf("small")).toBeLessThanOrEqual(2);
    expect(order.lastIndexOf("small")).toBeLessThanOrEqual(4);
    const view = await until(a, "owner-big", first.gridId, (v) => v.finished);
    expect(view.counts.succeeded).toBe(12);
  }, 120_000);

  it("a grid started with an own key runs every cell on that key, only where the key can be unsealed, then forgets it", async () => {
    // The instance the person used runs no workers; the other one shares the database and the
    // endpoint but not the app secret the key was sealed with: it must not take a single cell.
    const { env, list: [a] } = await instances(1, { GRID_CONCURRENCY: "0" });
    const stranger = await startInstance({ ...env, APP_SECRET: "another-deployment", GRID_CONCURRENCY: "3" });
    started.push(stranger);
    const spec = { ...spec36, x: { kind: "seed", text: "1, 2, 3, 4, 5, 6" }, y: undefined };
    const grid = await a.post("/grid/start", { ownerId: "owner-own", spec, ownKey: "tgp_v1_own_key_for_grids_9999" });
    expect(grid).toMatchObject({ ok: true, cellCount: 6 });
    await sleep(2_000);
    expect(generations()).toHaveLength(0);
    // An instance that can unseal it runs the grid, every cell on the person's key.
    const b = await startInstance({ ...env, GRID_CONCURRENCY: "2" });
    started.push(b);
    const view = await until(b, "owner-own", grid.gridId, (v) => v.finished);
    expect(view.counts.succeeded).toBe(6);
    expect(generations().map((r) => r.keyHint)).toEqual(Array(6).fill("…9999"));
    // Done: the sealed key is erased from the grid.
    expect(await a.post("/grid/held-keys", { ownerId: "owner-own" })).toEqual({ grids: 0 });
  }, 120_000);

  it("removing the own key stops the grid's remaining cells unsent; a retry needs that key again", async () => {
    const { list: [a] } = await instances(1, { GRID_CONCURRENCY: "1" });
    // The first cell is slow, so the key is surely gone before the worker takes the next one.
    together.inject({ kind: "delay", ms: 3_000, times: 1 });
    const spec = { ...spec36, x: { kind: "seed", text: "1, 2, 3, 4" }, y: undefined };
    const key = "tgp_v1_own_key_removed_1234";
    const grid = await a.post("/grid/start", { ownerId: "owner-removed", spec, ownKey: key });
    while (generations().length < 1) await sleep(20);
    await a.post("/grid/forget-key", { ownerId: "owner-removed" });
    const view = await until(a, "owner-removed", grid.gridId, (v) => v.finished);
    // The cell already sent finishes; the rest are never sent, on no other key, and cost nothing.
    expect(view.counts).toMatchObject({ succeeded: 1, failed: 3 });
    expect(generations()).toHaveLength(1);
    const failed = view.cells.filter((c) => c.status === "failed");
    expect(failed.every((c) => c.error?.code === "invalid_key" && /removed/.test(c.error.message) && !c.mayBeCharged)).toBe(true);
    expect(view.spentMicroUsd).toBe(view.cells.find((c) => c.status === "succeeded")!.generation!.costMicroUsd);
    // Without the key (or with another one) the cell cannot be retried; with it, it runs on it.
    expect(await a.post("/grid/retry", { ownerId: "owner-removed", gridId: grid.gridId, cellId: failed[0].id })).toMatchObject({ ok: false, error: { code: "invalid_key" } });
    expect(await a.post("/grid/retry", { ownerId: "owner-removed", gridId: grid.gridId, cellId: failed[0].id, ownKey: "tgp_v1_some_other_key_0000" })).toMatchObject({ ok: false, error: { code: "invalid_key" } });
    expect(await a.post("/grid/retry", { ownerId: "owner-removed", gridId: grid.gridId, cellId: failed[0].id, ownKey: key })).toEqual({ retried: true });
    const again = await until(a, "owner-removed", grid.gridId, (v) => v.finished && v.counts.succeeded === 2);
    expect(again.counts).toMatchObject({ succeeded: 2, failed: 2 });
    expect(generations().map((r) => r.keyHint)).toEqual(["…1234", "…1234"]);
    expect(await a.post("/grid/held-keys", { ownerId: "owner-removed" })).toEqual({ grids: 0 });
  }, 120_000);

  it("a cancel on the other instance stops queued cells at once and aborts the running ones", async () => {
    const { list: [a, b] } = await instances(2, { GRID_CONCURRENCY: "2" });
    together.inject({ kind: "delay", ms: 10_000 });
    const grid = await a.post("/grid/start", { ownerId: "owner-cancel", spec: spec36 });
    while (generations().length < 2) await sleep(20);
    const cancelledAt = Date.now();
    expect(await b.post("/grid/cancel", { ownerId: "owner-cancel", gridId: grid.gridId })).toEqual({ cancelled: true });
    expect(await a.post("/grid/cancel", { ownerId: "someone-else", gridId: grid.gridId })).toEqual({ cancelled: false });
    const view = await until(a, "owner-cancel", grid.gridId, (v) => v.finished, 20_000);
    // Well before the running requests' 10 s would have ended: they were aborted, not waited for.
    if (Date.now() - cancelledAt >= 6_000) console.log("cancel took", Date.now() - cancelledAt, JSON.stringify(view.counts), generations().map((r) => r.receivedAt - cancelledAt));
    expect(Date.now() - cancelledAt).toBeLessThan(6_000);
    const sent = generations().length;
    expect(sent).toBeLessThanOrEqual(4);
    expect(view.counts.succeeded).toBe(0);
    expect(view.counts.cancelled).toBe(36);
    // Cells never sent cost nothing and say so; the aborted ones may have been charged. Every
    // request the stand-in saw is one of those, and a request aborted while still on its way
    // (handed to the provider, never seen by it) is one too — so at most the 4 that were running.
    const never = view.cells.filter((c) => !c.mayBeCharged);
    const maybe = 36 - never.length;
    expect(maybe).toBeGreaterThanOrEqual(sent);
    expect(maybe).toBeLessThanOrEqual(4);
    expect(never.every((c) => c.generation === null || c.generation.costMicroUsd === 0)).toBe(true);
    expect(view.spentMicroUsd).toBe(0);
    await sleep(1_500);
    expect(generations().length).toBe(sent);
  }, 180_000);

  it("a 429 with retry-after holds back every cell on the key, and the cell succeeds after it", async () => {
    const { list: [a] } = await instances(1, { GRID_CONCURRENCY: "3" });
    const spec = { ...spec36, x: { kind: "seed", text: "1, 2, 3, 4, 5, 6" }, y: { kind: "prompt-set", name: "Two", prompts: [{ label: "a", prompt: "a fox" }, { label: "b", prompt: "a cat" }] } };
    // The 429 comes once the workers are warm, so a request that passed the gate before it landed is rare.
    together.inject({ kind: "delay", ms: 0, times: 3 });
    together.inject({ status: 429, retryAfterSeconds: 3, times: 1 });
    const t0 = Date.now();
    const grid = await a.post("/grid/start", { ownerId: "owner-429", spec });
    const view = await until(a, "owner-429", grid.gridId, (v) => v.finished, 30_000);
    expect(view.counts.succeeded).toBe(12);
    const sent = generations();
    const limited = sent.find((r) => r.fault && "status" in r.fault);
    expect(limited).toBeDefined();
    // Requests already past the gate when the 429 came may still land; after that nothing is
    // sent until the retry-after has passed (three quick workers would otherwise send dozens).
    const at = limited!.receivedAt;
    expect(sent.filter((r) => r.receivedAt > at + 1_000 && r.receivedAt < at + 2_900)).toEqual([]);
    expect(sent.filter((r) => r.receivedAt >= at + 2_900).length).toBeGreaterThan(0);
    expect(sent.filter((r) => !r.fault || !("status" in r.fault))).toHaveLength(12);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(3_000);
  }, 180_000);

  it("a killed instance's running cells become interrupted, never re-run; its queued cells finish on another", async () => {
    const { env, list: [a] } = await instances(1, { GRID_CONCURRENCY: "2", GENERATION_LEASE_SECONDS: "6" });
    together.inject({ kind: "delay", ms: 3_000, times: 2 });
    const spec = { ...spec36, x: { kind: "seed", text: "1, 2, 3, 4, 5, 6" }, y: undefined };
    const grid = await a.post("/grid/start", { ownerId: "owner-crash", spec });
    while (generations().length < 2) await sleep(20);
    const cut = generations().map((r) => bodyKey(r.body));
    await a.kill();
    const b = await startInstance(env);
    started.push(b);
    const view = await until(b, "owner-crash", grid.gridId, (v) => v.finished, 40_000);
    // The two cells the killed instance had sent are interrupted (a slow machine may lose
    // another cell's lease too: it is interrupted as well, never sent twice).
    const interrupted = view.cells.filter((c) => c.status === "interrupted");
    expect(interrupted.length).toBeGreaterThanOrEqual(2);
    expect(view.counts.succeeded + interrupted.length).toBe(6);
    expect(interrupted.every((c) => c.mayBeCharged && /may have been charged/.test(c.error!.message))).toBe(true);
    expect(cut).toHaveLength(2);
    const sent = generations();
    expect(sent).toHaveLength(6);
    expect(new Set(sent.map((r) => bodyKey(r.body))).size).toBe(6);
  }, 180_000);
});
