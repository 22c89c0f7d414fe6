import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db/client";
import { generate } from "@/lib/generation/generate";
import { generationInputSchema } from "@/lib/generation/schema";
import { getLimits } from "@/lib/limits/limits";
import { createTogetherProvider, type ImageProvider } from "@/lib/together/client";
import { freshSqlite, migrateDeploy, type TestDatabase } from "../support/test-database";
import { startTogetherServer, type TogetherServer } from "../support/together-server";

// A shared deployment's limits, enforced on the server before Together is called:
// 2 generations per owner per hour, a $0.10 daily budget for the deployment's key.

let database: TestDatabase;
let together: TogetherServer;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-limits-"));
let calls = 0;
let provider: ImageProvider;

beforeAll(async () => {
  database = await freshSqlite();
  migrateDeploy(database.url);
  together = await startTogetherServer();
  // The deployment's own key, on a Together stand-in: this is what the budget protects.
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    TOGETHER_API_KEY: "deployment-key",
    TOGETHER_BASE_URL: together.baseURL,
    RATE_LIMIT_PER_HOUR: "2",
    DAILY_BUDGET_USD: "0.10",
  });
  const inner = createTogetherProvider();
  provider = { ...inner, generate: (...args) => (calls++, inner.generate(...args)) };
}, 60_000);

afterAll(async () => {
  await disconnectDb();
  await database.drop();
  await together.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const input = (n: number) =>
  generationInputSchema.parse({
    clientRequestId: randomUUID(),
    prompt: "a small test",
    model: "black-forest-labs/FLUX.1-dev-lora",
    width: 1024,
    height: 768,
    steps: 28,
    n,
    seed: 1,
    loras: [],
  });

describe("limits for a shared deployment", () => {
  it("refuses the third generation in an hour without calling Together or charging", async () => {
    await generate({ ownerId: "owner-rate", input: input(1), provider });
    await generate({ ownerId: "owner-rate", input: input(1), provider });
    expect(calls).toBe(2);
    const third = input(1);
    await expect(generate({ ownerId: "owner-rate", input: third, provider })).rejects.toMatchObject({ code: "rate_limited" });
    expect(calls).toBe(2);
    const row = await getDb().generation.findFirstOrThrow({ where: { clientRequestId: third.clientRequestId } });
    expect(row).toMatchObject({ status: "failed", errorCode: "rate_limited", costMicroUsd: 0 });
    const limits = await getLimits("owner-rate", { ownKey: false });
    expect(limits.rate).toMatchObject({ limit: 2, used: 2, remaining: 0 });
  });

  it("stops the deployment's key at the daily budget, but not a person's own key", async () => {
    // $0.070 spent so far by owner-rate; $0.070 more would make $0.140 > $0.100.
    expect((await getLimits("owner-b", { ownKey: false })).budget).toMatchObject({ capMicroUsd: 100_000, spentMicroUsd: 70_000, remainingMicroUsd: 30_000 });
    await expect(generate({ ownerId: "owner-b", input: input(2), provider })).rejects.toMatchObject({ code: "budget_exceeded" });
    const before = calls;
    await expect(generate({ ownerId: "owner-b", input: input(2), provider, ownKey: true })).resolves.toMatchObject({ status: "succeeded", ownKey: true });
    expect(calls).toBe(before + 1);
    expect((await getLimits("owner-b", { ownKey: true })).budget).toBeNull();
    expect(together.requests.filter((r) => r.path.endsWith("/images/generations"))).toHaveLength(3);
  });
});
