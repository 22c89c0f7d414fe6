import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generationInputSchema } from "@/lib/generation/schema";
import { newOwnerId, signOwnerToken } from "@/lib/owner/token";
import { databaseLanes, migrateDeploy, type TestDatabase } from "../support/test-database";

// Sharing and collections on every database lane, as two owners (A and a stranger B):
// the query layer called with both owner ids, the server actions with the owner cookie
// mocked (next/headers), the public image routes and pages called directly.

const cookie = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "lorascope_owner" && cookie.value ? { name, value: cookie.value } : undefined),
    set: () => undefined,
  }),
  headers: async () => new Headers({ host: "lorascope.test:8080", "x-forwarded-proto": "https" }),
}));

const APP_SECRET = "sharing-test-secret-0123456789abcdef";
const A = newOwnerId();
const B = newOwnerId();
const PUBLIC = "public, max-age=60, must-revalidate";
const NOT_FOUND_DIGEST = "NEXT_HTTP_ERROR_FALLBACK;404";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-sharing-data-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function loadApp() {
  vi.resetModules();
  return {
    db: await import("@/lib/db/client"),
    generate: (await import("@/lib/generation/generate")).generate,
    provider: (await import("@/lib/together/client")).createTogetherProvider(),
    share: await import("@/lib/db/share-queries"),
    collections: await import("@/lib/db/collection-queries"),
    actions: await import("@/components/collections/actions"),
    galleryActions: await import("@/components/gallery/actions"),
    load: await import("@/lib/sharing/load"),
    sRoute: await import("@/app/s/[slug]/images/[index]/route"),
    cRoute: await import("@/app/c/[slug]/images/[generationId]/[index]/route"),
    sPage: await import("@/app/s/[slug]/page"),
    cPage: await import("@/app/c/[slug]/page"),
    ownerPage: await import("@/app/collections/[id]/page"),
  };
}
type App = Awaited<ReturnType<typeof loadApp>>;

const as = (owner: string | null) => {
  cookie.value = owner ? signOwnerToken(owner, APP_SECRET) : undefined;
};

async function expectNotFound(promise: Promise<unknown>) {
  await expect(promise).rejects.toMatchObject({ digest: expect.stringContaining(NOT_FOUND_DIGEST) });
}

describe.each(databaseLanes)("sharing and collections on $provider", ({ create }) => {
  let database: TestDatabase;
  let app: App;
  const saved = { ...process.env };

  const make = async (ownerId: string, patch: Record<string, unknown> = {}) =>
    app.generate({
      ownerId,
      provider: app.provider,
      input: generationInputSchema.parse({
        clientRequestId: randomUUID(),
        prompt: "a lighthouse at dusk",
        model: "black-forest-labs/FLUX.1-dev-lora",
        width: 512,
        height: 384,
        steps: 4,
        n: 1,
        seed: 1234,
        loras: [{ path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.8, triggers: [] }],
        ...patch,
      }),
    });
  const softDelete = (id: string) => app.db.getDb().generation.update({ where: { id }, data: { deletedAt: new Date() } });
  const restore = (id: string) => app.db.getDb().generation.update({ where: { id }, data: { deletedAt: null } });
  const sImage = (slug: string, index = 0, query = "") =>
    app.sRoute.GET(new Request(`http://127.0.0.1/s/${slug}/images/${index}${query}`), { params: Promise.resolve({ slug, index: String(index) }) });
  const cImage = (slug: string, generationId: string, index = 0, query = "") =>
    app.cRoute.GET(new Request(`http://127.0.0.1/c/${slug}/images/${generationId}/${index}${query}`), {
      params: Promise.resolve({ slug, generationId, index: String(index) }),
    });
  const slugOf = (p: string | null) => p!.split("/").pop()!;

  beforeAll(async () => {
    database = await create();
    migrateDeploy(database.url);
    process.env = { ...saved, DATABASE_URL: database.url, DATA_DIR: dataDir, TOGETHER_API_KEY: "", APP_SECRET, S3_BUCKET: "", APP_URL: "", PUBLIC_BASE_URL: "", TRUST_PROXY: "true" };
    app = await loadApp();
    await app.db.disconnectDb();
  }, 120_000);

  afterAll(async () => {
    await app?.db.disconnectDb();
    process.env = saved;
    await database?.drop();
  });

  describe("results", () => {
    it("share → the slug resolves to public fields only; sharing again keeps the slug", async () => {
      const g = await make(A, { n: 2 });
      const slug = await app.share.shareGeneration(g.id, A);
      expect(slug).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(await app.share.shareGeneration(g.id, A)).toBe(slug);
      expect(await app.share.getGenerationShareSlug(g.id, A)).toBe(slug);

      const row = await app.share.getSharedGeneration(slug!);
      expect(row).toMatchObject({ userPrompt: "a lighthouse at dusk", seed: 1234, width: 512, height: 384 });
      expect(row).not.toHaveProperty("ownerId");
      expect(row).not.toHaveProperty("shareSlug");
      expect(row!.images[0]).not.toHaveProperty("storageKey");

      const view = await app.load.loadSharedResult(slug!);
      const json = JSON.stringify(view);
      expect(json).not.toContain(A);
      expect(json).not.toContain(g.id);
      for (const img of g.images) expect(json).not.toContain(img.storageKey);
      expect(view!.images.map((i) => i.url)).toEqual(g.images.map((i) => `/s/${slug}/images/${i.index}?v=${i.contentHash.slice(0, 16)}`));

      const full = await sImage(slug!, 1);
      expect(full.status).toBe(200);
      expect(full.headers.get("cache-control")).toBe(PUBLIC);
      expect(full.headers.get("content-type")).toBe("image/jpeg");
      expect(Buffer.from(await full.arrayBuffer()).length).toBe(g.images[1].byteSize);
      const thumb = await sImage(slug!, 0, "?size=thumb");
      expect(thumb.status).toBe(200);
      expect(thumb.headers.get("content-type")).toBe("image/webp");
      expect((await sImage(slug!, 2)).status).toBe(404);
      expect((await sImage(slug!, 0, "?size=huge")).status).toBe(400);
    });

    it("revoke → null and 404 at once; re-share → a new slug, the old one stays dead", async () => {
      const g = await make(A);
      const first = (await app.share.shareGeneration(g.id, A))!;
      expect(await app.share.unshareGeneration(g.id, A)).toBe(true);
      expect(await app.share.getSharedGeneration(first)).toBeNull();
      const gone = await sImage(first);
      expect(gone.status).toBe(404);
      expect(gone.headers.get("cache-control")).toBe("no-store");
      await expectNotFound(app.sPage.default({ params: Promise.resolve({ slug: first }) } as never));

      const second = (await app.share.shareGeneration(g.id, A))!;
      expect(second).not.toBe(first);
      expect(await app.share.getSharedGeneration(first)).toBeNull();
      expect((await sImage(first)).status).toBe(404);
      expect(await app.share.getSharedGeneration(second)).not.toBeNull();
      expect((await sImage(second)).status).toBe(200);
    });

    it("revoked-share caching: caches may keep a shared image a minute, revalidate it, and get a 404 once revoked", async () => {
      const g = await make(A);
      const slug = (await app.share.shareGeneration(g.id, A))!;
      const shared = await sImage(slug);
      const cc = shared.headers.get("cache-control")!;
      expect(cc).not.toMatch(/immutable/);
      expect(Number(/max-age=(\d+)/.exec(cc)?.[1])).toBeLessThanOrEqual(60);
      expect(cc).toMatch(/must-revalidate/);
      const etag = shared.headers.get("etag")!;
      // While shared, a cache's revalidation is a cheap 304 (same short lifetime)…
      const fresh = await app.sRoute.GET(new Request(`http://127.0.0.1/s/${slug}/images/0`, { headers: { "if-none-match": etag } }), {
        params: Promise.resolve({ slug, index: "0" }),
      });
      expect(fresh.status).toBe(304);
      expect(fresh.headers.get("cache-control")).toBe(cc);
      // …and once revoked the same revalidation (thumbnails too) gets a 404 nothing keeps.
      expect(await app.share.unshareGeneration(g.id, A)).toBe(true);
      for (const query of ["", "?size=thumb"]) {
        const gone = await app.sRoute.GET(new Request(`http://127.0.0.1/s/${slug}/images/0${query}`, { headers: { "if-none-match": etag } }), {
          params: Promise.resolve({ slug, index: "0" }),
        });
        expect(gone.status).toBe(404);
        expect(gone.headers.get("cache-control")).toBe("no-store");
      }
    });

    it("a deleted result's share resolves to nothing (and comes back only if restored)", async () => {
      const g = await make(A);
      const slug = (await app.share.shareGeneration(g.id, A))!;
      await softDelete(g.id);
      expect(await app.share.getSharedGeneration(slug)).toBeNull();
      expect((await sImage(slug)).status).toBe(404);
      await expectNotFound(app.sPage.default({ params: Promise.resolve({ slug }) } as never));
      // Deleted results cannot be shared; revoking still works.
      expect(await app.share.unshareGeneration(g.id, A)).toBe(true);
      expect(await app.share.shareGeneration(g.id, A)).toBeNull();
      await restore(g.id);
      expect(await app.share.shareGeneration(g.id, A)).not.toBeNull();
    });

    it("only succeeded results can be shared; unknown and malformed slugs resolve to nothing", async () => {
      const failed = await app.db.getDb().generation.create({
        data: {
          id: randomUUID(), ownerId: A, clientRequestId: randomUUID(), userPrompt: "x", prompt: "x", model: "black-forest-labs/FLUX.1-dev-lora",
          width: 512, height: 512, steps: 4, n: 1, seed: 1, provider: "simulator", status: "failed",
        },
      });
      expect(await app.share.shareGeneration(failed.id, A)).toBeNull();
      for (const slug of ["A".repeat(24), "short", "../../etc/passwd", ""]) {
        expect(await app.share.getSharedGeneration(slug)).toBeNull();
        expect(await app.share.getSharedCollection(slug)).toBeNull();
      }
    });

    it("concurrent shares agree on one slug", async () => {
      const g = await make(A);
      const slugs = await Promise.all(Array.from({ length: 5 }, () => app.share.shareGeneration(g.id, A)));
      expect(new Set(slugs).size).toBe(1);
      expect((await app.db.getDb().generation.findUnique({ where: { id: g.id } }))!.shareSlug).toBe(slugs[0]);
    });

    it("another owner can neither share nor unshare a result, whatever id they hold", async () => {
      const g = await make(A);
      expect(await app.share.shareGeneration(g.id, B)).toBeNull();
      expect(await app.share.getGenerationShareSlug(g.id, B)).toBeNull();
      const slug = (await app.share.shareGeneration(g.id, A))!;
      expect(await app.share.shareGeneration(g.id, B)).toBeNull();
      expect(await app.share.unshareGeneration(g.id, B)).toBe(false);
      expect(await app.share.getSharedGeneration(slug)).not.toBeNull();
      const row = await app.db.getDb().generation.findUnique({ where: { id: g.id } });
      expect(row!.shareSlug).toBe(slug);
    });

    it("metadata: absolute og:image under the slug, its size, a large Twitter card, no indexing", async () => {
      const g = await make(A, { prompt: "a red fox in snow" });
      const slug = (await app.share.shareGeneration(g.id, A))!;
      const meta = await app.sPage.generateMetadata({ params: Promise.resolve({ slug }) } as never);
      expect(meta.metadataBase?.toString()).toBe("https://lorascope.test:8080/");
      expect(meta.title).toBe("a red fox in snow");
      expect(meta.description).toContain("a red fox in snow");
      // The LoRA is named by its catalog title (usage recording creates the row) or, unknown, by its repo.
      expect(meta.description).toMatch(/flux[ -]tarot/i);
      const og = meta.openGraph as { images: { url: string; width: number; height: number }[] };
      expect(og.images[0]).toMatchObject({ url: `/s/${slug}/images/0?v=${g.images[0].contentHash.slice(0, 16)}`, width: 512, height: 384 });
      expect(meta.twitter).toMatchObject({ card: "summary_large_image" });
      expect(meta.robots).toMatchObject({ index: false });
    });
  });

  describe("collections", () => {
    it("add appends in order and is idempotent; move and remove reorder; counts and cover follow", async () => {
      const [g1, g2, g3] = [await make(A, { seed: 1 }), await make(A, { seed: 2 }), await make(A, { seed: 3 })];
      const c = await app.collections.createCollection(A, { name: "  Tarot   studies  " });
      expect(c.name).toBe("Tarot studies");
      for (const g of [g1, g2, g3]) expect(await app.collections.addGenerationToCollection(c.id, g.id, A)).toBe(true);
      expect(await app.collections.addGenerationToCollection(c.id, g2.id, A)).toBe(true); // again: no change
      const order = async () => (await app.collections.getCollectionForOwner(c.id, A))!.items.map((i) => i.generation.seed);
      expect(await order()).toEqual([1, 2, 3]);

      const [summary] = (await app.collections.listCollectionsForOwner(A, { containing: g2.id })).filter((x) => x.id === c.id);
      expect(summary).toMatchObject({ itemCount: 3, containsGeneration: true, cover: { imageId: g1.images[0].id } });

      expect(await app.collections.moveCollectionItem(c.id, g3.id, A, 0)).toBe(true);
      expect(await order()).toEqual([3, 1, 2]);
      expect(await app.collections.moveCollectionItem(c.id, g3.id, A, 99)).toBe(true); // clamped to the end
      expect(await order()).toEqual([1, 2, 3]);
      expect(await app.collections.moveCollectionItem(c.id, g1.id, A, 1)).toBe(true);
      expect(await order()).toEqual([2, 1, 3]);

      expect(await app.collections.removeGenerationFromCollection(c.id, g1.id, A)).toBe(true);
      expect(await app.collections.removeGenerationFromCollection(c.id, g1.id, A)).toBe(false);
      expect(await order()).toEqual([2, 3]);
      const g4 = await make(A, { seed: 4 });
      expect(await app.collections.addGenerationToCollection(c.id, g4.id, A)).toBe(true);
      expect(await order()).toEqual([2, 3, 4]);
      // The results themselves are untouched.
      expect(await app.db.getDb().generation.count({ where: { id: g1.id, deletedAt: null } })).toBe(1);

      expect(await app.collections.renameCollection(c.id, A, "Renamed")).toBe(true);
      expect(await app.collections.renameCollection(c.id, A, "   ")).toBe(false);
      expect(await app.collections.renameCollection(c.id, A, "x".repeat(81))).toBe(false);
      expect((await app.collections.getCollectionForOwner(c.id, A))!.name).toBe("Renamed");
      await expect(app.collections.createCollection(A, { name: "" })).rejects.toThrow();
    });

    it("concurrent adds of the same result make one item", async () => {
      const g = await make(A);
      const c = await app.collections.createCollection(A, { name: "Race" });
      const results = await Promise.all(Array.from({ length: 4 }, () => app.collections.addGenerationToCollection(c.id, g.id, A)));
      expect(results).toEqual([true, true, true, true]);
      expect(await app.db.getDb().collectionItem.count({ where: { collectionId: c.id } })).toBe(1);
    });

    it("a deleted result is hidden from the collection (count, cover, order) and keeps its place when restored", async () => {
      const [g1, g2, g3] = [await make(A, { seed: 11 }), await make(A, { seed: 12 }), await make(A, { seed: 13 })];
      const c = await app.collections.createCollection(A, { name: "Hidden" });
      for (const g of [g1, g2, g3]) await app.collections.addGenerationToCollection(c.id, g.id, A);
      await softDelete(g1.id);
      const seeds = async () => (await app.collections.getCollectionForOwner(c.id, A))!.items.map((i) => i.generation.seed);
      expect(await seeds()).toEqual([12, 13]);
      const [summary] = (await app.collections.listCollectionsForOwner(A)).filter((x) => x.id === c.id);
      expect(summary.itemCount).toBe(2);
      expect(summary.cover?.imageId).toBe(g2.images[0].id);
      // A deleted result cannot be added, or moved.
      const c2 = await app.collections.createCollection(A, { name: "Other" });
      expect(await app.collections.addGenerationToCollection(c2.id, g1.id, A)).toBe(false);
      expect(await app.collections.moveCollectionItem(c.id, g1.id, A, 1)).toBe(false);
      // Moving among the visible ones: g3 to the top.
      expect(await app.collections.moveCollectionItem(c.id, g3.id, A, 0)).toBe(true);
      expect(await seeds()).toEqual([13, 12]);
      await restore(g1.id);
      expect(await seeds()).toEqual([11, 13, 12]);
    });

    it("another owner cannot add to, remove from, reorder, rename, share or delete someone's collection, nor add someone's result", async () => {
      const mine = await make(A, { seed: 21 });
      const mine2 = await make(A, { seed: 22 });
      const theirs = await make(B, { seed: 23 });
      const c = await app.collections.createCollection(A, { name: "A's" });
      const cB = await app.collections.createCollection(B, { name: "B's" });
      await app.collections.addGenerationToCollection(c.id, mine.id, A);
      await app.collections.addGenerationToCollection(c.id, mine2.id, A);
      const slug = (await app.share.shareCollection(c.id, A))!;
      const before = await app.db.getDb().collection.findUnique({ where: { id: c.id }, include: { items: { orderBy: { position: "asc" } } } });

      // B, with A's ids:
      expect(await app.collections.addGenerationToCollection(c.id, theirs.id, B)).toBe(false);
      expect(await app.collections.addGenerationToCollection(cB.id, mine.id, B)).toBe(false);
      expect(await app.collections.removeGenerationFromCollection(c.id, mine.id, B)).toBe(false);
      expect(await app.collections.moveCollectionItem(c.id, mine2.id, B, 0)).toBe(false);
      expect(await app.collections.renameCollection(c.id, B, "pwned")).toBe(false);
      expect(await app.collections.deleteCollection(c.id, B)).toBe(false);
      expect(await app.collections.getCollectionForOwner(c.id, B)).toBeNull();
      expect(await app.share.shareCollection(c.id, B)).toBeNull();
      expect(await app.share.unshareCollection(c.id, B)).toBe(false);
      expect((await app.collections.listCollectionsForOwner(B)).map((x) => x.id)).toEqual([cB.id]);
      // A cannot put B's result in A's own collection either.
      expect(await app.collections.addGenerationToCollection(c.id, theirs.id, A)).toBe(false);

      const after = await app.db.getDb().collection.findUnique({ where: { id: c.id }, include: { items: { orderBy: { position: "asc" } } } });
      expect(after).toEqual(before);
      expect(after!.shareSlug).toBe(slug);
      expect(await app.db.getDb().collectionItem.count({ where: { collectionId: cB.id } })).toBe(0);

      // The owner page is a 404 for B, a page for A.
      as(B);
      await expectNotFound(app.ownerPage.default({ params: Promise.resolve({ id: c.id }) } as never));
      as(null);
      await expectNotFound(app.ownerPage.default({ params: Promise.resolve({ id: c.id }) } as never));
      as(A);
      await expect(app.ownerPage.default({ params: Promise.resolve({ id: c.id }) } as never)).resolves.toBeTruthy();

      // Deleting is the owner's; the items go, the results stay; the share dies with it.
      expect(await app.collections.deleteCollection(c.id, A)).toBe(true);
      expect(await app.db.getDb().collectionItem.count({ where: { collectionId: c.id } })).toBe(0);
      expect(await app.db.getDb().generation.count({ where: { id: { in: [mine.id, mine2.id] } } })).toBe(2);
      expect(await app.share.getSharedCollection(slug)).toBeNull();
    });

    it("a shared collection: items in order without deleted ones; image URLs only for its items; revoke and re-share", async () => {
      const [g1, g2, g3] = [await make(A, { seed: 31, n: 2 }), await make(A, { seed: 32 }), await make(A, { seed: 33 })];
      const outsider = await make(A, { seed: 34 });
      const c = await app.collections.createCollection(A, { name: "Shared set", description: "Three lighthouses" });
      for (const g of [g1, g2, g3]) await app.collections.addGenerationToCollection(c.id, g.id, A);
      await app.collections.moveCollectionItem(c.id, g3.id, A, 0);
      const slug = (await app.share.shareCollection(c.id, A))!;
      expect(await app.share.shareCollection(c.id, A)).toBe(slug);

      let shared = await app.share.getSharedCollection(slug);
      expect(shared!.items.map((i) => i.generation.seed)).toEqual([33, 31, 32]);
      expect(shared).not.toHaveProperty("ownerId");

      const view = await app.load.loadSharedCollection(slug);
      expect(view).toMatchObject({ name: "Shared set", description: "Three lighthouses", kind: "manual", axes: null });
      const json = JSON.stringify(view);
      expect(json).not.toContain(A);
      expect(json).not.toContain(c.id);
      expect(json).not.toContain(outsider.id);
      for (const img of g1.images) expect(json).not.toContain(img.storageKey);

      expect((await cImage(slug, g1.id, 1)).status).toBe(200);
      expect((await cImage(slug, g1.id, 0, "?size=thumb")).headers.get("cache-control")).toBe(PUBLIC);
      // Not an item of this collection (even the owner's own result): 404.
      expect((await cImage(slug, outsider.id)).status).toBe(404);
      // The result's own slug route does not open through the collection, nor the other way round.
      expect((await sImage(slug)).status).toBe(404);

      await softDelete(g2.id);
      shared = await app.share.getSharedCollection(slug);
      expect(shared!.items.map((i) => i.generation.seed)).toEqual([33, 31]);
      expect((await cImage(slug, g2.id)).status).toBe(404);

      await app.collections.removeGenerationFromCollection(c.id, g3.id, A);
      expect((await cImage(slug, g3.id)).status).toBe(404);

      const meta = await app.cPage.generateMetadata({ params: Promise.resolve({ slug }) } as never);
      expect(meta.title).toBe("Shared set");
      expect((meta.openGraph as { images: { url: string }[] }).images[0].url).toBe(`/c/${slug}/images/${g1.id}/0?v=${g1.images[0].contentHash.slice(0, 16)}`);
      expect(meta.twitter).toMatchObject({ card: "summary_large_image" });

      expect(await app.share.unshareCollection(c.id, A)).toBe(true);
      expect(await app.share.getSharedCollection(slug)).toBeNull();
      expect((await cImage(slug, g1.id)).status).toBe(404);
      await expectNotFound(app.cPage.default({ params: Promise.resolve({ slug }) } as never));
      const again = (await app.share.shareCollection(c.id, A))!;
      expect(again).not.toBe(slug);
      expect(await app.share.getSharedCollection(slug)).toBeNull();
      expect((await cImage(again, g1.id)).status).toBe(200);
    });

    it("a sweep collection keeps its axes and cells for the labelled grid", async () => {
      const c = await app.collections.createCollection(A, {
        name: "Scale sweep",
        kind: "sweep",
        axes: JSON.stringify({ x: { name: "LoRA 1 scale", values: [0.4, 0.8] }, y: { name: "LoRA 2 scale", values: [0.5, 1] } }),
      });
      const gs = [];
      for (let i = 0; i < 4; i++) {
        const g = await make(A, { seed: 40 + i });
        gs.push(g);
        await app.collections.addGenerationToCollection(c.id, g.id, A, { cell: JSON.stringify({ x: i % 2, y: Math.floor(i / 2) }) });
      }
      const slug = (await app.share.shareCollection(c.id, A))!;
      const view = (await app.load.loadSharedCollection(slug))!;
      expect(view.kind).toBe("sweep");
      expect(view.axes).toEqual({ x: { name: "LoRA 1 scale", values: [0.4, 0.8] }, y: { name: "LoRA 2 scale", values: [0.5, 1] } });
      expect(view.items.map((i) => i.cell)).toEqual([{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 0, y: 1 }, { x: 1, y: 1 }]);
    });
  });

  describe("server actions (owner from the mocked signed cookie)", () => {
    it("share and unshare a result; a stranger and a cookieless browser get the same refusal and change nothing", async () => {
      const g = await make(A);
      as(A);
      const on = await app.actions.setGenerationSharedAction(g.id, true);
      expect(on).toMatchObject({ ok: true, shared: true, path: expect.stringMatching(/^\/s\/[A-Za-z0-9_-]{24}$/) });
      const slug = slugOf(on.ok ? on.path : null);

      for (const who of [B, null]) {
        as(who);
        for (const result of [await app.actions.setGenerationSharedAction(g.id, false), await app.actions.setGenerationSharedAction(g.id, true)]) {
          expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
        }
      }
      expect(await app.share.getSharedGeneration(slug)).not.toBeNull();

      as(A);
      expect(await app.actions.setGenerationSharedAction(g.id, false)).toEqual({ ok: true, shared: false, path: null });
      expect(await app.share.getSharedGeneration(slug)).toBeNull();
      expect(await app.actions.setGenerationSharedAction(g.id, "yes")).toMatchObject({ ok: false, error: { code: "invalid_input" } });
      expect(await app.actions.setGenerationSharedAction("../x", true)).toMatchObject({ ok: false, error: { code: "invalid_input" } });
      expect(await app.actions.setGenerationSharedAction(randomUUID(), true)).toMatchObject({ ok: false, error: { code: "not_found" } });
    });

    it("gallery delete/restore: someone else's result answers not_found, exactly as a missing one, and stays", async () => {
      const g = await make(A, { seed: 61 });
      as(B);
      const stranger = await app.galleryActions.deleteGenerationAction(g.id);
      const missing = await app.galleryActions.deleteGenerationAction(randomUUID());
      expect(stranger).toEqual({ ok: false, error: { code: "not_found", message: "That generation is not in your gallery." } });
      expect(missing).toEqual(stranger);
      expect(await app.galleryActions.restoreGenerationAction(g.id)).toEqual(stranger);
      expect((await app.db.getDb().generation.findUnique({ where: { id: g.id } }))?.deletedAt).toBeNull();
      as(null);
      expect(await app.galleryActions.deleteGenerationAction(g.id)).toEqual(stranger);
      expect(await app.galleryActions.deleteGenerationAction("../x")).toMatchObject({ ok: false, error: { code: "invalid_input" } });

      as(A);
      expect(await app.galleryActions.deleteGenerationAction(g.id)).toEqual({ ok: true });
      expect(await app.galleryActions.restoreGenerationAction(g.id)).toEqual({ ok: true });
    });

    it("collection actions: the owner can do everything, a stranger nothing", async () => {
      const g1 = await make(A, { seed: 51 });
      const g2 = await make(A, { seed: 52 });
      const gB = await make(B, { seed: 53 });
      as(A);
      const created = await app.actions.createCollectionAction("Action set", g1.id);
      expect(created).toMatchObject({ ok: true, collection: { name: "Action set", itemCount: 1, containsGeneration: true, sharePath: null } });
      const id = created.ok ? created.collection.id : "";
      expect(await app.actions.addToCollectionAction(id, g2.id)).toEqual({ ok: true });
      expect(await app.actions.createCollectionAction("   ")).toMatchObject({ ok: false, error: { code: "invalid_input", field: "name" } });
      expect(await app.actions.createCollectionAction("x".repeat(81))).toMatchObject({ ok: false, error: { code: "invalid_input" } });
      // Creating with someone else's result leaves nothing behind.
      const countBefore = (await app.collections.listCollectionsForOwner(A)).length;
      expect(await app.actions.createCollectionAction("Sneaky", gB.id)).toMatchObject({ ok: false, error: { code: "not_found" } });
      expect((await app.collections.listCollectionsForOwner(A)).length).toBe(countBefore);

      const snapshot = () => app.db.getDb().collection.findUnique({ where: { id }, include: { items: { orderBy: { position: "asc" } } } });
      const before = await snapshot();
      as(B);
      const denied = [
        await app.actions.renameCollectionAction(id, "pwned"),
        await app.actions.addToCollectionAction(id, gB.id),
        await app.actions.removeFromCollectionAction(id, g1.id),
        await app.actions.moveCollectionItemAction(id, g2.id, 0),
        await app.actions.setCollectionSharedAction(id, true),
        await app.actions.setCollectionSharedAction(id, false),
        await app.actions.deleteCollectionAction(id),
      ];
      for (const result of denied) expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
      const listed = await app.actions.listCollectionsAction(g1.id);
      expect(listed.ok && listed.collections.map((c) => c.id)).not.toContain(id);
      expect(await snapshot()).toEqual(before);

      as(A);
      expect(await app.actions.moveCollectionItemAction(id, g2.id, 0)).toEqual({ ok: true });
      expect(await app.actions.moveCollectionItemAction(id, g2.id, -1)).toMatchObject({ ok: false, error: { code: "invalid_input" } });
      expect(await app.actions.renameCollectionAction(id, "Renamed set")).toEqual({ ok: true, name: "Renamed set" });
      const shared = await app.actions.setCollectionSharedAction(id, true);
      expect(shared).toMatchObject({ ok: true, shared: true, path: expect.stringMatching(/^\/c\/[A-Za-z0-9_-]{24}$/) });
      const list = await app.actions.listCollectionsAction(g2.id);
      expect(list.ok && list.collections.find((c) => c.id === id)).toMatchObject({ name: "Renamed set", itemCount: 2, containsGeneration: true, sharePath: shared.ok ? shared.path : "" });
      expect(await app.actions.removeFromCollectionAction(id, g1.id)).toEqual({ ok: true });
      expect(await app.actions.deleteCollectionAction(id)).toEqual({ ok: true });
      expect(await app.actions.deleteCollectionAction(id)).toMatchObject({ ok: false, error: { code: "not_found" } });
      expect(await app.share.getSharedCollection(slugOf(shared.ok ? shared.path : null))).toBeNull();
    });
  });
});
