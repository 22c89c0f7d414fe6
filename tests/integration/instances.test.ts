import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startInstance, type Instance } from "../support/instances";
import { databaseLanes, migrateDeploy, type TestDatabase } from "../support/test-database";
import { startTogetherServer, type TogetherServer } from "../support/together-server";

// Two app instances (child processes, each with its own Prisma client and connection pool) on
// one database behave like one: a cancel landing on the other instance stops the generation,
// and the hourly limit and the daily budget admit exactly what fits under concurrency.
// SQLite always; PostgreSQL when TEST_POSTGRES_URL is set (CI's PostgreSQL lane).

const input = (patch: Record<string, unknown> = {}) => ({
  clientRequestId: randomUUID(),
  prompt: "two instances",
  model: "black-forest-labs/FLUX.1-dev-lora",
  width: 1024,
  height: 768,
  steps: 28,
  n: 1,
  seed: 3,
  loras: [],
  ...patch,
});

let together: TogetherServer;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-instances-"));
beforeAll(async () => {
  together = await startTogetherServer();
});
afterAll(async () => {
  await together.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
const generationRequests = () => together.requests.filter((r) => r.path.endsWith("/images/generations")).length;

describe.each(databaseLanes)("two instances on $provider", ({ create }) => {
  const started: Instance[] = [];
  const databases: TestDatabase[] = [];

  /** Two instances on a fresh database with these limits. */
  async function pair(limits: Record<string, string>): Promise<[Instance, Instance]> {
    const database = await create();
    databases.push(database);
    migrateDeploy(database.url);
    const env = {
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      APP_SECRET: "instances-test-secret",
      TOGETHER_API_KEY: "deployment-key",
      TOGETHER_BASE_URL: together.baseURL,
      TOGETHER_MAX_RETRIES: "0",
      LORASCOPE_SIMULATOR: "false",
      DAILY_BUDGET_USD: "",
      ...limits,
    };
    const both = await Promise.all([startInstance(env), startInstance(env)]);
    started.push(...both);
    return both;
  }

  afterEach(async () => {
    together.clearFaults();
    together.clearRequests();
    while (started.length) await started.pop()!.stop();
  });
  afterAll(async () => {
    for (const d of databases) await d.drop();
  }, 60_000);

  it("a cancel that lands on the other instance stops the generation within a second", async () => {
    const [a, b] = await pair({ RATE_LIMIT_PER_HOUR: "60" });
    together.inject({ kind: "delay", ms: 15_000, times: 1 });
    const req = input();
    const running = a.post("/generate", { ownerId: "owner-cancel", input: req });
    while (generationRequests() === 0) await new Promise((r) => setTimeout(r, 20));
    const cancelledAt = Date.now();
    expect(await b.post("/cancel", { ownerId: "owner-cancel", clientRequestId: req.clientRequestId })).toEqual({ cancelled: true });
    expect(await running).toMatchObject({ ok: false, error: { code: "cancelled", mayBeCharged: true } });
    expect(Date.now() - cancelledAt).toBeLessThan(1_500);
    // Another owner's cancel finds nothing to stop.
    expect(await b.post("/cancel", { ownerId: "someone-else", clientRequestId: req.clientRequestId })).toEqual({ cancelled: false });
  }, 90_000);

  it("with a 3/h limit, 20 concurrent requests of one owner across both instances admit exactly 3", async () => {
    const [a, b] = await pair({ RATE_LIMIT_PER_HOUR: "3" });
    together.inject({ kind: "delay", ms: 300 });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).post("/generate", { ownerId: "owner-burst", input: input({ seed: i }) })));
    const codes = results.map((r) => (r.ok ? "ok" : r.error.code));
    expect(codes.filter((c) => c === "ok")).toHaveLength(3);
    expect(codes.filter((c) => c === "rate_limited")).toHaveLength(17);
    expect(generationRequests()).toBe(3);
  }, 120_000);

  it("with room for one image in the budget, 10 concurrent requests across both instances admit exactly 1", async () => {
    const [a, b] = await pair({ RATE_LIMIT_PER_HOUR: "60", DAILY_BUDGET_USD: "0.035" });
    together.inject({ kind: "delay", ms: 300 });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).post("/generate", { ownerId: `owner-${i}`, input: input({ seed: i }) })));
    const codes = results.map((r) => (r.ok ? "ok" : r.error.code));
    expect(codes.filter((c) => c === "ok")).toHaveLength(1);
    expect(codes.filter((c) => c === "budget_exceeded")).toHaveLength(9);
  }, 120_000);
});
