import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { newOwnerId, signOwnerToken } from "@/lib/owner/token";
import { databaseLanes, migrateDeploy, type TestDatabase } from "../support/test-database";

// The server side of an Explore sweep: the start check (limits, budget, one seed) that creates
// the sweep collection, the JSON generation route each cell goes through (filed at its cell),
// and dropping a sweep that saved nothing. Simulator provider; every database lane.

const cookie = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "lorascope_owner" && cookie.value ? { name, value: cookie.value } : undefined),
    set: () => undefined,
  }),
  headers: async () => new Headers(),
}));

const APP_SECRET = "sweep-test-secret-0123456789abcdef";
const owner = newOwnerId();
const stranger = newOwnerId();
const as = (who: string) => (cookie.value = signOwnerToken(who, APP_SECRET));

async function loadApp() {
  vi.resetModules();
  return {
    route: await import("@/app/api/generations/route"),
    actions: await import("@/components/explore/actions"),
    collections: await import("@/lib/db/collection-queries"),
    db: await import("@/lib/db/client"),
  };
}
type App = Awaited<ReturnType<typeof loadApp>>;

const input = (scale: number, seed = 5) => ({
  clientRequestId: randomUUID(),
  prompt: "a tin robot",
  model: "black-forest-labs/FLUX.1-dev-lora",
  width: 1024,
  height: 768,
  steps: 28,
  n: 1,
  seed,
  loras: [{ path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale, triggers: [] }],
  customTriggers: [],
  triggerPlacement: "before" as const,
});
const axes = { x: { name: "LoRA 1 scale" as const, values: [0.3, 0.6, 0.9] } };

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-sweep-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe.each(databaseLanes)("sweeps on $provider", (lane) => {
  let database: TestDatabase;
  let app: App;
  const saved = { ...process.env };

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.route.POST(
      new Request("http://127.0.0.1:3000/api/generations", {
        method: "POST",
        headers: { "content-type": "application/json", host: "127.0.0.1:3000", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    );

  beforeAll(async () => {
    database = await lane.create();
    migrateDeploy(database.url);
    process.env = { ...saved, DATABASE_URL: database.url, DATA_DIR: dataDir, TOGETHER_API_KEY: "", APP_SECRET, RATE_LIMIT_PER_HOUR: "12", S3_BUCKET: "" };
    app = await loadApp();
  }, 60_000);
  afterAll(async () => {
    await app.db.disconnectDb();
    await database.drop();
    process.env = saved;
  });

  it("starts a sweep: a sweep collection with its axes, after checking the whole sweep fits", async () => {
    as(owner);
    const started = await app.actions.startSweepAction({ name: "Tarot 0.3–0.9 · a tin robot", axes, inputs: [0.3, 0.6, 0.9].map((s) => input(s)) });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const collection = await app.collections.getCollectionForOwner(started.collectionId, owner);
    expect(collection).toMatchObject({ name: "Tarot 0.3–0.9 · a tin robot", kind: "sweep" });
    expect(JSON.parse(collection!.axes!)).toEqual(axes);
  });

  it("refuses a sweep with more cells than the hour has left, and one that mixes seeds", async () => {
    as(newOwnerId());
    const tooMany = await app.actions.startSweepAction({
      name: "big",
      axes: { x: { name: "LoRA 1 scale", values: [0.2, 0.4, 0.6, 0.8, 1] }, y: { name: "LoRA 2 scale", values: [0.5, 1, 1.5] } },
      inputs: Array.from({ length: 15 }, (_, i) => input(0.1 * (i + 1))),
    });
    expect(tooMany).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    expect(tooMany.ok || tooMany.error.message).toContain("needs 15 generations, and 12 of this hour's 12 are left");
    const mixed = await app.actions.startSweepAction({ name: "mixed", axes, inputs: [input(0.3, 1), input(0.6, 2)] });
    expect(mixed).toMatchObject({ ok: false, error: { code: "invalid_input" } });
  });

  it("each cell goes through the JSON route and lands in the sweep at its cell; the baseline too", async () => {
    as(owner);
    const started = await app.actions.startSweepAction({ name: "cells", axes, inputs: [input(0.3), input(0.6)] });
    if (!started.ok) throw new Error(started.error.message);
    const cell = await post({ input: input(0.6), sweep: { collectionId: started.collectionId, cell: { x: 1, y: 0 } } });
    expect(cell.status).toBe(200);
    const body = await cell.json();
    expect(body).toMatchObject({ ok: true, generation: { status: "succeeded", seed: 5, loras: [{ scale: 0.6 }] } });
    const baseline = await post({ input: { ...input(1), loras: [] }, sweep: { collectionId: started.collectionId, cell: { baseline: true } } });
    expect((await baseline.json()).ok).toBe(true);

    const collection = await app.collections.getCollectionForOwner(started.collectionId, owner);
    const cells = collection!.items.map((i) => JSON.parse(i.cell!));
    expect(cells).toEqual([{ x: 1, y: 0 }, { baseline: true }]);
    expect(collection!.items[0].generation.id).toBe(body.generation.id);
  });

  it("a failure is an answer, not a throw; bad requests and other sites are refused", async () => {
    as(owner);
    const invalid = await post({ input: { ...input(0.5), prompt: "   " } });
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: "invalid_input", message: "Write a prompt first" } });
    expect((await post("not json")).status).toBe(400);
    expect((await post({ input: input(0.5), sweep: { collectionId: "x", cell: { x: -1, y: 0 } } })).status).toBe(400);
    expect((await post({ input: input(0.5) }, { origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ input: input(0.5) }, { "content-type": "text/plain" })).status).toBe(415);
  });

  it("a cell cannot be filed into someone else's sweep (the image stays the maker's own)", async () => {
    as(owner);
    const started = await app.actions.startSweepAction({ name: "mine", axes, inputs: [input(0.3)] });
    if (!started.ok) throw new Error(started.error.message);
    as(stranger);
    const res = await (await post({ input: input(0.3), sweep: { collectionId: started.collectionId, cell: { x: 0, y: 0 } } })).json();
    expect(res.ok).toBe(true);
    const collection = await app.collections.getCollectionForOwner(started.collectionId, owner);
    expect(collection!.items).toHaveLength(0);
  });

  it("a sweep that saved nothing is dropped; one with results, or someone else's, is not", async () => {
    as(owner);
    const empty = await app.actions.startSweepAction({ name: "empty", axes, inputs: [input(0.3)] });
    const full = await app.actions.startSweepAction({ name: "full", axes, inputs: [input(0.3)] });
    if (!empty.ok || !full.ok) throw new Error("start failed");
    await post({ input: input(0.3), sweep: { collectionId: full.collectionId, cell: { x: 0, y: 0 } } });
    as(stranger);
    expect(await app.actions.discardEmptySweepAction(empty.collectionId)).toEqual({ deleted: false });
    as(owner);
    expect(await app.actions.discardEmptySweepAction(full.collectionId)).toEqual({ deleted: false });
    expect(await app.actions.discardEmptySweepAction(empty.collectionId)).toEqual({ deleted: true });
    expect(await app.collections.getCollectionForOwner(empty.collectionId, owner)).toBeNull();
  });
});

describe("a sweep counts against the deployment's daily budget", () => {
  let database: TestDatabase;
  let app: App;
  const saved = { ...process.env };
  beforeAll(async () => {
    database = await databaseLanes[0].create();
    migrateDeploy(database.url);
    // The deployment's own key (never called here: the check happens before any request).
    process.env = { ...saved, DATABASE_URL: database.url, DATA_DIR: dataDir, TOGETHER_API_KEY: "deployment-key", APP_SECRET, DAILY_BUDGET_USD: "0.10", RATE_LIMIT_PER_HOUR: "0", S3_BUCKET: "" };
    app = await loadApp();
  }, 60_000);
  afterAll(async () => {
    await app.db.disconnectDb();
    await database.drop();
    process.env = saved;
  });

  it("refuses a $0.105 sweep against a $0.10 budget before any cell runs, and allows a $0.070 one", async () => {
    as(newOwnerId());
    const over = await app.actions.startSweepAction({ name: "over", axes, inputs: [0.3, 0.6, 0.9].map((s) => input(s)) });
    expect(over).toMatchObject({ ok: false, error: { code: "budget_exceeded" } });
    expect(over.ok || over.error.message).toContain("This sweep costs $0.105, more than the $0.100 left");
    const fits = await app.actions.startSweepAction({ name: "fits", axes, inputs: [0.3, 0.6].map((s) => input(s)) });
    expect(fits.ok).toBe(true);
  });
});
