import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ContactSheetInput } from "@/lib/explore/contact-sheet";
import { cellJson } from "@/lib/explore/cell";
import { generationInputSchema } from "@/lib/generation/schema";
import { newOwnerId, signOwnerToken } from "@/lib/owner/token";
import { databaseLanes, migrateDeploy, type TestDatabase } from "../support/test-database";

// Public (and owner) contact sheets are drawn once per sweep state and size, stored, and served
// from the store after that; renders run at most MAX_CONCURRENT_RENDERS at once, and a burst
// beyond the queue gets a 503 with Retry-After. The renderer is wrapped to count its calls.

const renders = vi.hoisted(() => ({ calls: 0, active: 0, peak: 0, delayMs: 0 }));
vi.mock("@/lib/explore/contact-sheet", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/explore/contact-sheet")>();
  return {
    ...real,
    renderContactSheet: async (input: ContactSheetInput) => {
      renders.calls++;
      renders.active++;
      renders.peak = Math.max(renders.peak, renders.active);
      try {
        if (renders.delayMs) await new Promise((r) => setTimeout(r, renders.delayMs));
        return await real.renderContactSheet(input);
      } finally {
        renders.active--;
      }
    },
  };
});

const cookie = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "lorascope_owner" && cookie.value ? { name, value: cookie.value } : undefined),
    set: () => undefined,
  }),
  headers: async () => new Headers({ host: "lorascope.test" }),
}));

const APP_SECRET = "contact-sheet-store-test-secret-0123456789";
const A = newOwnerId();
const AXES = { x: { name: "LoRA 1 scale", values: [0.3, 0.9] } };
const TAROT = "https://huggingface.co/multimodalart/flux-tarot-v1";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-sheet-store-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function loadApp() {
  vi.resetModules();
  return {
    db: await import("@/lib/db/client"),
    generate: (await import("@/lib/generation/generate")).generate,
    provider: (await import("@/lib/together/client")).createTogetherProvider(),
    share: await import("@/lib/db/share-queries"),
    collections: await import("@/lib/db/collection-queries"),
    store: await import("@/lib/explore/contact-sheet-store"),
    ownerRoute: await import("@/app/api/collections/[id]/contact-sheet/route"),
    publicRoute: await import("@/app/c/[slug]/contact-sheet/route"),
  };
}
type App = Awaited<ReturnType<typeof loadApp>>;

const storedSheets = () => (fs.existsSync(path.join(dataDir, "contact-sheets")) ? fs.readdirSync(path.join(dataDir, "contact-sheets"), { recursive: true }).filter((f) => String(f).endsWith(".png")).length : 0);

describe.each(databaseLanes)("stored contact sheets on $provider", ({ create }) => {
  let database: TestDatabase;
  let app: App;
  const saved = { ...process.env };
  let collectionId: string;
  let slug: string;
  const cellIds: string[] = [];

  const publicSheet = (query = "") => app.publicRoute.GET(new Request(`http://127.0.0.1/c/${slug}/contact-sheet${query}`), { params: Promise.resolve({ slug }) } as never);
  const ownerSheet = (query = "") => {
    cookie.value = signOwnerToken(A, APP_SECRET);
    return app.ownerRoute.GET(new Request(`http://127.0.0.1/api/collections/${collectionId}/contact-sheet${query}`), { params: Promise.resolve({ id: collectionId }) } as never);
  };
  /** Byte-for-byte (toEqual walks a Buffer value by value: far too slow for a PNG). */
  const same = (a: Buffer, b: Buffer) => expect(a.equals(b), "same PNG bytes").toBe(true);
  const bytes = async (res: Response) => {
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  beforeAll(async () => {
    // Sheets are named by their content, which is the same in every lane: each lane starts with none stored.
    fs.rmSync(path.join(dataDir, "contact-sheets"), { recursive: true, force: true });
    database = await create();
    migrateDeploy(database.url);
    process.env = { ...saved, DATABASE_URL: database.url, DATA_DIR: dataDir, TOGETHER_API_KEY: "", APP_SECRET, S3_BUCKET: "" };
    app = await loadApp();
    const c = await app.collections.createCollection(A, { name: "Stored sheet", kind: "sweep", axes: JSON.stringify(AXES) });
    collectionId = c.id;
    for (const [x, scale] of AXES.x.values.entries()) {
      const g = await app.generate({
        ownerId: A,
        provider: app.provider,
        input: generationInputSchema.parse({ clientRequestId: randomUUID(), prompt: "a lighthouse", model: "black-forest-labs/FLUX.1-dev-lora", width: 512, height: 384, steps: 4, n: 1, seed: 3, loras: [{ path: TAROT, scale, triggers: [] }] }),
      });
      cellIds.push(g.id);
      expect(await app.collections.addGenerationToCollection(c.id, g.id, A, { cell: cellJson({ x, y: 0 }) })).toBe(true);
    }
    slug = (await app.share.shareCollection(c.id, A))!;
    expect(slug).toBeTruthy();
  }, 120_000);

  afterAll(async () => {
    await app?.db.disconnectDb();
    process.env = saved;
    await database?.drop();
  });

  it("the second request for the same sheet does not draw it again; a fresh process serves it from the store", async () => {
    renders.calls = 0;
    const first = await bytes(await publicSheet());
    expect(renders.calls).toBe(1);
    expect(storedSheets()).toBe(1);
    same(await bytes(await publicSheet()), first);
    expect(renders.calls).toBe(1);
    // The owner's download of the same state and size is the same stored sheet.
    same(await bytes(await ownerSheet()), first);
    expect(renders.calls).toBe(1);

    // A restart (no memory left): still no render, the stored file is served.
    await app.db.disconnectDb();
    app = await loadApp();
    same(await bytes(await publicSheet()), first);
    expect(renders.calls).toBe(1);
  });

  it("a new size or a changed sweep is drawn once more; renaming is not", async () => {
    renders.calls = 0;
    await bytes(await publicSheet("?size=128"));
    await bytes(await publicSheet("?size=128"));
    expect(renders.calls).toBe(1);
    expect(await app.collections.renameCollection(collectionId, A, "Renamed sweep")).toBeTruthy();
    await bytes(await publicSheet("?size=128"));
    expect(renders.calls).toBe(1);
    expect(await app.collections.removeGenerationFromCollection(collectionId, cellIds[1], A)).toBe(true);
    try {
      await bytes(await publicSheet("?size=128"));
      expect(renders.calls).toBe(2);
    } finally {
      expect(await app.collections.addGenerationToCollection(collectionId, cellIds[1], A, { cell: cellJson({ x: 1, y: 0 }) })).toBe(true);
    }
    // Back to the earlier state: its stored sheet again.
    await bytes(await publicSheet("?size=128"));
    expect(renders.calls).toBe(2);
  });

  it("twenty concurrent requests for one sheet draw it once", async () => {
    renders.calls = 0;
    renders.delayMs = 100;
    try {
      const all = await Promise.all(Array.from({ length: 20 }, () => publicSheet("?size=200").then(bytes)));
      expect(renders.calls).toBe(1);
      for (const b of all) same(b, all[0]);
    } finally {
      renders.delayMs = 0;
    }
  });

  it("concurrent renders of different sheets are bounded; past the queue the answer is 503 with Retry-After", async () => {
    renders.calls = 0;
    renders.peak = 0;
    renders.delayMs = 800;
    const { MAX_CONCURRENT_RENDERS, MAX_WAITING_RENDERS } = app.store;
    const count = MAX_CONCURRENT_RENDERS + MAX_WAITING_RENDERS + 3;
    try {
      // Distinct sizes are distinct sheets (300 px and up: not drawn by the tests above).
      const responses = await Promise.all(Array.from({ length: count }, (_, i) => publicSheet(`?size=${300 + i}`)));
      expect(renders.peak).toBe(MAX_CONCURRENT_RENDERS);
      const busy = responses.filter((r) => r.status === 503);
      expect(busy.length).toBe(3);
      expect(responses.filter((r) => r.status === 200).length).toBe(count - 3);
      for (const r of busy) {
        expect(r.headers.get("retry-after")).toBe("5");
        expect(r.headers.get("cache-control")).toBe("no-store");
        expect(await r.text()).toMatch(/try again/);
      }
    } finally {
      renders.delayMs = 0;
    }
  });
});
