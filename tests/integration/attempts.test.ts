import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db/client";
import { generate } from "@/lib/generation/generate";
import { cancelGeneration } from "@/lib/generation/in-flight";
import { generationInputSchema } from "@/lib/generation/schema";
import { getLimits } from "@/lib/limits/limits";
import { createTogetherProvider } from "@/lib/together/client";
import { freshSqlite, migrateDeploy, type TestDatabase } from "../support/test-database";
import { startTogetherServer, type TogetherServer } from "../support/together-server";

// A request that reached Together counts as an attempt against the hourly limit and as "may
// have been charged" against the daily budget, however it ended — cancelled, timed out, a 5xx —
// unless Together's answer proves it was not billed (a 4xx refusal before any work).
// Each case uses a new owner; the budget ($1.00) is the deployment's, shared by all.

let database: TestDatabase;
let together: TogetherServer;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-attempts-"));

beforeAll(async () => {
  database = await freshSqlite();
  migrateDeploy(database.url);
  together = await startTogetherServer();
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    TOGETHER_API_KEY: "deployment-key",
    TOGETHER_BASE_URL: together.baseURL,
    TOGETHER_TIMEOUT_MS: "1000",
    TOGETHER_MAX_RETRIES: "0",
    RATE_LIMIT_PER_HOUR: "3",
    DAILY_BUDGET_USD: "1.00",
  });
  await disconnectDb();
}, 60_000);

afterAll(async () => {
  await disconnectDb();
  await database.drop();
  await together.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const input = () =>
  generationInputSchema.parse({ clientRequestId: randomUUID(), prompt: "a test", model: "black-forest-labs/FLUX.1-dev-lora", width: 1024, height: 768, steps: 28, n: 1, seed: 1, loras: [] });
const generationRequests = () => together.requests.filter((r) => r.path.endsWith("/images/generations")).length;
const spent = async () => (await getLimits(null, { ownKey: false })).budget!.spentMicroUsd;
const used = async (ownerId: string) => (await getLimits(ownerId, { ownKey: false })).rate!.used;

describe("attempts that reached Together", () => {
  it("a cancel after sending counts against the hour and the budget, and says it may have been charged", async () => {
    together.inject({ kind: "delay", ms: 800, times: 1 });
    const req = input();
    const before = await spent();
    const running = generate({ ownerId: "owner-cancel", input: req, provider: createTogetherProvider() });
    while (generationRequests() === 0) await new Promise((r) => setTimeout(r, 20));
    expect(await cancelGeneration("owner-cancel", req.clientRequestId)).toBe(true);
    const err = await running.catch((e) => e);
    expect(err).toMatchObject({ code: "cancelled", mayBeCharged: true });
    expect(err.message).toContain("may have been charged");
    expect(err.message).not.toMatch(/nothing was charged/i);
    expect(await used("owner-cancel")).toBe(1);
    expect((await spent()) - before).toBe(35_000);
  });

  it("a timeout counts the same", async () => {
    together.clearRequests();
    together.inject({ kind: "delay", ms: 3_000, times: 1 });
    const before = await spent();
    const err = await generate({ ownerId: "owner-timeout", input: input(), provider: createTogetherProvider() }).catch((e) => e);
    expect(err).toMatchObject({ code: "timeout", mayBeCharged: true });
    expect(err.message).not.toMatch(/nothing was charged/i);
    expect(await getDb().generation.findFirstOrThrow({ where: { ownerId: "owner-timeout" } })).toMatchObject({ status: "failed", mayBeCharged: true, costMicroUsd: 0 });
    expect(await used("owner-timeout")).toBe(1);
    expect((await spent()) - before).toBe(35_000);
  });

  it("so does a 5xx; a 4xx refusal does not", async () => {
    together.inject({ status: 500, times: 1 });
    const before = await spent();
    await expect(generate({ ownerId: "owner-errors", input: input(), provider: createTogetherProvider() })).rejects.toMatchObject({ code: "upstream_unavailable", mayBeCharged: true });
    expect((await spent()) - before).toBe(35_000);
    together.inject({ status: 402, times: 1 });
    await expect(generate({ ownerId: "owner-errors", input: input(), provider: createTogetherProvider() })).rejects.toMatchObject({ code: "out_of_credits", mayBeCharged: false });
    expect((await spent()) - before).toBe(35_000);
    expect(await used("owner-errors")).toBe(1);
  });

  it("five start-then-cancel cycles use up a 3/h limit instead of getting around it", async () => {
    const results: string[] = [];
    for (let i = 0; i < 5; i++) {
      together.clearRequests();
      together.inject({ kind: "delay", ms: 800, times: 1 });
      const req = input();
      const running = generate({ ownerId: "owner-cycles", input: req, provider: createTogetherProvider() }).catch((e) => e);
      // Cancel as soon as Together has it, or when the request was refused before that.
      const settled = Promise.race([running.then(() => "settled"), new Promise((r) => setTimeout(r, 2_000))]);
      while (generationRequests() === 0 && (await Promise.race([settled, Promise.resolve("pending")])) === "pending") await new Promise((r) => setTimeout(r, 20));
      await cancelGeneration("owner-cycles", req.clientRequestId);
      results.push((await running).code);
    }
    expect(results).toEqual(["cancelled", "cancelled", "cancelled", "rate_limited", "rate_limited"]);
    expect(await used("owner-cycles")).toBe(3);
  });
});
