import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { generate } from "@/lib/generation/generate";
import { generationInputSchema } from "@/lib/generation/schema";
import { enforceResolveLimit } from "@/lib/limits/resolve-limit";
import { createTogetherProvider } from "@/lib/together/client";
import { freshSqlite, migrateDeploy, type TestDatabase } from "../support/test-database";

// Requests without the owner cookie get a fresh owner each time, so the per-owner hourly limit
// alone never stops them: they are also held to the limit for everything made from their
// address. Link resolving (server-side fetches) is limited per browser and per address.

let database: TestDatabase;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-address-"));

beforeAll(async () => {
  database = await freshSqlite();
  migrateDeploy(database.url);
  Object.assign(process.env, { DATABASE_URL: database.url, DATA_DIR: dataDir, TOGETHER_API_KEY: "", RATE_LIMIT_PER_HOUR: "2" });
  await disconnectDb();
}, 60_000);

afterAll(async () => {
  await disconnectDb();
  await database.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const input = () =>
  generationInputSchema.parse({ clientRequestId: randomUUID(), prompt: "a test", model: "black-forest-labs/FLUX.1-dev-lora", width: 512, height: 512, steps: 4, n: 1, seed: 1, loras: [] });

describe("the hourly limit per address for requests without an owner cookie", () => {
  it("after the owner used up the hour, cookie-less requests from the same address get none", async () => {
    const provider = createTogetherProvider();
    const home = { key: "address-home", anonymous: false };
    await generate({ ownerId: "owner-home", input: input(), provider, address: home });
    await generate({ ownerId: "owner-home", input: input(), provider, address: home });
    await expect(generate({ ownerId: "owner-home", input: input(), provider, address: home })).rejects.toMatchObject({ code: "rate_limited" });

    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) {
      // What a client dropping its cookie looks like: a new owner every time.
      outcomes.push(await generate({ ownerId: `fresh-${i}`, input: input(), provider, address: { key: "address-home", anonymous: true } }).then(() => "ok", (e) => e.code));
    }
    expect(outcomes).toEqual(Array(10).fill("rate_limited"));

    // Another address is not affected, and a browser with its cookie is held to its own count only.
    await expect(generate({ ownerId: "fresh-elsewhere", input: input(), provider, address: { key: "address-cafe", anonymous: true } })).resolves.toMatchObject({ status: "succeeded" });
    await expect(generate({ ownerId: "owner-neighbour", input: input(), provider, address: { key: "address-home", anonymous: false } })).resolves.toMatchObject({ status: "succeeded" });
  });
});

describe("link resolving limits", () => {
  const limits = { perBrowser: { limit: 3, windowMs: 60_000 }, perAddress: { limit: 5, windowMs: 60_000 } };

  it("stops one browser after its share, and an address after its share, whatever the cookie", async () => {
    const now = new Date();
    for (let i = 0; i < 3; i++) await enforceResolveLimit({ ownerId: "browser-1", addressKey: "address-x" }, limits, now);
    await expect(enforceResolveLimit({ ownerId: "browser-1", addressKey: "address-x" }, limits, now)).rejects.toMatchObject({ code: "rate_limited", field: "lora" });
    // Four counted from address-x so far (the refused one too): one more fits for another browser.
    await enforceResolveLimit({ ownerId: "browser-2", addressKey: "address-x" }, limits, now);
    await expect(enforceResolveLimit({ ownerId: "browser-3", addressKey: "address-x" }, limits, now)).rejects.toMatchObject({ code: "rate_limited" });
    await expect(enforceResolveLimit({ ownerId: null, addressKey: "address-x" }, limits, now)).rejects.toMatchObject({ code: "rate_limited" });
    // Elsewhere, and a minute later, there is room again.
    await enforceResolveLimit({ ownerId: null, addressKey: "address-y" }, limits, now);
    await enforceResolveLimit({ ownerId: "browser-1", addressKey: "address-x" }, limits, new Date(now.getTime() + 61_000));
  });
});
