import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { startInstance, type Instance } from "../support/instances";
import { freshSqlite, migrateDeploy, type TestDatabase } from "../support/test-database";
import { startTinyS3, type TinyS3 } from "../support/tiny-s3";
import { startTogetherServer, type TogetherServer } from "../support/together-server";

// kill -9 of an instance in the middle of a generation, then a restart on the same data:
// the rows, the limits, the budget and the stored files must tell the truth afterwards.
// Instances are child processes (tests/support/generation-instance.ts) with the deployment's
// key on a slow Together stand-in, images in a slow S3 stand-in, a 2 s lease.

let database: TestDatabase;
let db: Db;
let together: TogetherServer;
let s3: TinyS3;
let instanceEnv: Record<string, string>;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-crash-"));
const running: Instance[] = [];
const owner = "owner-crash-aaaaaaaaaaaaa";

const input = (patch: Record<string, unknown> = {}) => ({
  clientRequestId: randomUUID(),
  prompt: "a lighthouse at dusk",
  model: "black-forest-labs/FLUX.1-dev-lora",
  width: 1024,
  height: 768,
  steps: 28,
  n: 1,
  seed: 7,
  loras: [],
  ...patch,
});

async function start(): Promise<Instance> {
  const instance = await startInstance(instanceEnv);
  running.push(instance);
  return instance;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const generationRequests = () => together.requests.filter((r) => r.path.endsWith("/images/generations")).length;

beforeAll(async () => {
  database = await freshSqlite();
  migrateDeploy(database.url);
  db = createDb(database.url);
  together = await startTogetherServer();
  s3 = await startTinyS3();
  instanceEnv = {
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    APP_SECRET: "crash-test-secret",
    TOGETHER_API_KEY: "deployment-key",
    TOGETHER_BASE_URL: together.baseURL,
    TOGETHER_MAX_RETRIES: "0",
    LORASCOPE_SIMULATOR: "false",
    RATE_LIMIT_PER_HOUR: "3",
    DAILY_BUDGET_USD: "0.10",
    GENERATION_LEASE_SECONDS: "2",
    S3_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_FORCE_PATH_STYLE: "true",
    S3_ACCESS_KEY_ID: "test",
    S3_SECRET_ACCESS_KEY: "test-secret",
  };
}, 60_000);

afterAll(async () => {
  for (const i of running) await i.kill().catch(() => {});
  await db?.$disconnect();
  await together?.close();
  await s3?.close();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("an instance killed mid-generation", () => {
  const first = input();
  const second = input({ seed: 8 });

  it("leaves a row that becomes interrupted, counts as may-have-been-charged, and answers a retry at once", async () => {
    together.inject({ kind: "delay", ms: 10_000, times: 1 });
    const a = await start();
    const call = a.post("/generate", { ownerId: owner, input: first }).catch(() => null);
    await until("Together to receive the request", () => generationRequests() === 1);
    await a.kill();
    expect(await call).toBeNull();
    expect(await db.generation.findFirstOrThrow({ where: { clientRequestId: first.clientRequestId } })).toMatchObject({ status: "pending" });

    // The restarted instance sweeps at start and every half lease.
    const b = await start();
    const row = await until("the row to be interrupted", async () => {
      const r = await db.generation.findFirstOrThrow({ where: { clientRequestId: first.clientRequestId } });
      return r.status === "interrupted" ? r : null;
    });
    expect(row).toMatchObject({ errorCode: "interrupted", mayBeCharged: true, costMicroUsd: 0 });
    expect(row.errorMessage).toContain("may have been charged");
    expect(row.errorMessage).not.toMatch(/nothing was charged/i);

    // A retry of the same request id answers now, without calling Together again.
    const startedAt = Date.now();
    const retry = await b.post("/generate", { ownerId: owner, input: first });
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    expect(retry).toMatchObject({ ok: false, error: { code: "interrupted", mayBeCharged: true } });
    expect(generationRequests()).toBe(1);

    // One attempt against the hour; its estimate ($0.035) against the day's $0.10.
    const limits = await b.post("/limits", { ownerId: owner });
    expect(limits.rate).toMatchObject({ limit: 3, used: 1, remaining: 2 });
    expect(limits.budget).toMatchObject({ spentMicroUsd: 35_000, remainingMicroUsd: 65_000 });
  }, 60_000);

  it("collects an image stored before the kill, whose row was never written", async () => {
    // Together answers at once; the thumbnail's upload hangs after the image's went through.
    s3.hold(/\.webp$/);
    const b = await start();
    const call = b.post("/generate", { ownerId: owner, input: second }).catch(() => null);
    await until("the thumbnail upload to hang", () => s3.held.length === 1);
    const orphan = [...s3.objects.keys()].find((k) => k.endsWith(".jpg"));
    expect(orphan).toBeDefined();
    await b.kill();
    await call;
    s3.hold(null);

    const c = await start();
    await until("the row to be interrupted", async () => (await db.generation.findFirstOrThrow({ where: { clientRequestId: second.clientRequestId } })).status === "interrupted");
    await until("the stored image to be collected", () => !s3.objects.has(orphan!));
    expect(await db.generationImage.count()).toBe(0);

    // Two attempts, $0.070 may have been charged: $0.030 is left, and the next image ($0.035) does not fit.
    const limits = await c.post("/limits", { ownerId: owner });
    expect(limits.rate).toMatchObject({ used: 2, remaining: 1 });
    expect(limits.budget).toMatchObject({ spentMicroUsd: 70_000, remainingMicroUsd: 30_000 });
    const refused = await c.post("/generate", { ownerId: owner, input: input({ seed: 9 }) });
    expect(refused).toMatchObject({ ok: false, error: { code: "budget_exceeded" } });
    expect(refused.error.message).toContain("$0.030 left today");
  }, 60_000);
});
