import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { generate } from "@/lib/generation/generate";
import { cancelGeneration } from "@/lib/generation/in-flight";
import { generationInputSchema } from "@/lib/generation/schema";
import { createLocalImageStore } from "@/lib/storage/local";
import { createTogetherProvider, type ImageProvider } from "@/lib/together/client";
import { databaseLanes, migrateDeploy, type TestDatabase } from "../support/test-database";

// The generate use case end to end on each database lane: the real SDK against the
// in-process simulator, image bytes in a temp DATA_DIR, rows in a fresh migrated database.

const owner = "owner-aaaaaaaaaaaaaaaaaaaa";
const input = (patch: Record<string, unknown> = {}) =>
  generationInputSchema.parse({
    clientRequestId: randomUUID(),
    prompt: "a lighthouse at dusk",
    model: "black-forest-labs/FLUX.1-dev-lora",
    width: 1024,
    height: 768,
    steps: 28,
    n: 2,
    seed: 99,
    loras: [{ path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.8, triggers: ["in the style of TOK a trtcrd tarot style"] }],
    ...patch,
  });

/** Counts calls, optionally slowed down or failing, around the real simulator provider. */
function countingProvider(options: { delayMs?: number; fail?: AppError } = {}) {
  const inner = createTogetherProvider();
  const provider: ImageProvider & { calls: number } = {
    ...inner,
    calls: 0,
    async generate(request, opts) {
      provider.calls++;
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (options.fail) throw options.fail;
      return inner.generate(request, opts);
    },
  };
  return provider;
}

// One DATA_DIR for the file: configuration is read once per process.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-data-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe.each(databaseLanes)("generate on $provider", ({ create }) => {
  let database: TestDatabase;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR, TOGETHER_API_KEY: process.env.TOGETHER_API_KEY };

  beforeAll(async () => {
    database = await create();
    migrateDeploy(database.url);
    Object.assign(process.env, { DATABASE_URL: database.url, DATA_DIR: dataDir, TOGETHER_API_KEY: "" });
    await disconnectDb();
  }, 120_000);

  afterAll(async () => {
    await disconnectDb();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await database?.drop();
  });

  it("stores the images' bytes and a row with every parameter and the cost", async () => {
    const provider = countingProvider();
    const row = await generate({ ownerId: owner, input: input(), provider });
    expect(provider.calls).toBe(1);
    expect(row).toMatchObject({
      status: "succeeded",
      provider: "simulator",
      userPrompt: "a lighthouse at dusk",
      prompt: "in the style of TOK a trtcrd tarot style, a lighthouse at dusk",
      width: 1024,
      height: 768,
      n: 2,
      seed: 99,
      billedMegapixels: 2,
      costMicroUsd: 70_000,
    });
    expect(row.loras).toMatchObject([{ position: 1, path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.8, triggers: '["in the style of TOK a trtcrd tarot style"]' }]);
    // The rest of the recipe, so a re-run rebuilds the same prompt.
    expect(row).toMatchObject({ customTriggers: "[]", triggerPlacement: "before" });
    expect(row.images).toHaveLength(2);
    const store = createLocalImageStore(dataDir);
    for (const image of row.images) {
      const bytes = await store.get(image.storageKey);
      expect(bytes, image.storageKey).not.toBeNull();
      expect(bytes!.length).toBe(image.byteSize);
      const meta = await sharp(bytes!).metadata();
      expect([meta.width, meta.height, image.mimeType]).toEqual([1024, 768, "image/jpeg"]);
    }
    expect(row.images[0].contentHash).not.toBe(row.images[1].contentHash);
  });

  it("a double-click (same request id, concurrently) pays once and returns the same result", async () => {
    const provider = countingProvider({ delayMs: 300 });
    const same = input();
    const [a, b] = await Promise.all([
      generate({ ownerId: owner, input: same, provider }),
      generate({ ownerId: owner, input: same, provider }),
    ]);
    expect(provider.calls).toBe(1);
    expect(a.id).toBe(b.id);
    const again = await generate({ ownerId: owner, input: same, provider });
    expect(again.id).toBe(a.id);
    expect(provider.calls).toBe(1);
    expect(await getDb().generation.count({ where: { clientRequestId: same.clientRequestId } })).toBe(1);
  });

  it("a failure records no charge, keeps the error and is not retried by a duplicate", async () => {
    const fail = new AppError({ code: "out_of_credits", message: "Your Together account is out of credits." });
    const provider = countingProvider({ fail });
    const failing = input();
    await expect(generate({ ownerId: owner, input: failing, provider })).rejects.toMatchObject({ code: "out_of_credits" });
    const row = await getDb().generation.findFirstOrThrow({ where: { clientRequestId: failing.clientRequestId } });
    expect(row).toMatchObject({ status: "failed", errorCode: "out_of_credits", costMicroUsd: 0, billedMegapixels: 0 });
    await expect(generate({ ownerId: owner, input: failing, provider })).rejects.toMatchObject({ code: "out_of_credits" });
    expect(provider.calls).toBe(1);
  });

  it("the same request id from another owner is a separate request", async () => {
    const provider = countingProvider();
    const shared = input({ n: 1 });
    const mine = await generate({ ownerId: owner, input: shared, provider });
    const theirs = await generate({ ownerId: "owner-bbbbbbbbbbbbbbbbbbbb", input: shared, provider });
    expect(mine.id).not.toBe(theirs.id);
    expect(provider.calls).toBe(2);
  });
});

describe("cancelling", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await databaseLanes[0].create();
    migrateDeploy(database.url);
    Object.assign(process.env, { DATABASE_URL: database.url, DATA_DIR: dataDir, TOGETHER_API_KEY: "" });
    await disconnectDb();
  }, 60_000);
  afterAll(async () => {
    await disconnectDb();
    await database.drop();
  });

  it("aborts the provider call, records a cancelled failure with no charge", async () => {
    let sawAbort = false;
    const provider: ImageProvider = {
      id: "together",
      name: "simulator",
      simulated: true,
      generate: (_request, { signal } = {}) =>
        new Promise((_, reject) => {
          signal?.addEventListener("abort", () => {
            sawAbort = true;
            reject(new AppError({ code: "cancelled", message: "Generation cancelled." }));
          });
        }),
    };
    const running = input({ n: 1 });
    const result = generate({ ownerId: owner, input: running, provider });
    await new Promise((r) => setTimeout(r, 100));
    expect(await cancelGeneration(owner, running.clientRequestId)).toBe(true);
    await expect(result).rejects.toMatchObject({ code: "cancelled" });
    expect(sawAbort).toBe(true);
    const row = await getDb().generation.findFirstOrThrow({ where: { clientRequestId: running.clientRequestId } });
    // It had been sent: nothing proves it was not billed.
    expect(row).toMatchObject({ status: "failed", errorCode: "cancelled", costMicroUsd: 0, mayBeCharged: true });
    // Another owner cannot cancel it, and nothing is left running.
    expect(await cancelGeneration("someone-else", running.clientRequestId)).toBe(false);
    expect(await cancelGeneration(owner, running.clientRequestId)).toBe(false);
  });
});
