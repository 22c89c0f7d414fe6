import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db/client";
import { restoreGeneration, softDeleteGeneration } from "@/lib/db/gallery-queries";
import { filteredGalleryTotals, galleryFacets, galleryTotals, listGallery, type GalleryListOptions } from "@/lib/gallery/list";
import { encodeCursor } from "@/lib/gallery/cursor";
import { GALLERY_SORTS, type GallerySort } from "@/lib/gallery/filters";
import { databaseLanes, migrateDeploy, type TestDatabase } from "../support/test-database";

// The gallery's queries on each database lane, against rows written with exact timestamps
// and costs so ties, windows and filters are known.

const A = "owner-gallery-aaaaaaaaaaaa";
const B = "owner-gallery-bbbbbbbbbbbb";
const DEV = "black-forest-labs/FLUX.1-dev-lora";
const FLUX2 = "black-forest-labs/FLUX.2-dev";
const TAROT = "https://huggingface.co/multimodalart/flux-tarot-v1";
const ANIME = "alvdansen/softserve_anime";
const NOW = new Date("2026-11-25T12:00:00.000Z");

interface Seed {
  ownerId?: string;
  userPrompt?: string;
  prompt?: string;
  model?: string;
  provider?: string;
  status?: string;
  costMicroUsd?: number;
  createdAt: Date;
  n?: number;
  loras?: string[];
  deletedAt?: Date | null;
}

async function seed(s: Seed): Promise<string> {
  const id = randomUUID();
  const n = s.n ?? 1;
  const succeeded = (s.status ?? "succeeded") === "succeeded";
  await getDb().generation.create({
    data: {
      id,
      ownerId: s.ownerId ?? A,
      clientRequestId: randomUUID(),
      userPrompt: s.userPrompt ?? "a quiet harbour",
      prompt: s.prompt ?? s.userPrompt ?? "a quiet harbour",
      model: s.model ?? DEV,
      width: 1024,
      height: 768,
      steps: 28,
      n,
      seed: 7,
      guidance: 3.5,
      provider: s.provider ?? "simulator",
      status: s.status ?? "succeeded",
      costMicroUsd: s.costMicroUsd ?? 35_000 * n,
      billedMegapixels: n,
      createdAt: s.createdAt,
      deletedAt: s.deletedAt ?? null,
      images: succeeded
        ? { create: Array.from({ length: n }, (_, index) => ({ id: randomUUID(), index, storageKey: `k/${id}/${index}`, contentHash: "ab".repeat(32), mimeType: "image/jpeg", width: 1024, height: 768, byteSize: 1000 })) }
        : undefined,
      loras: { create: (s.loras ?? []).map((path, i) => ({ id: randomUUID(), position: i + 1, path, scale: 0.8 })) },
    },
  });
  return id;
}

const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

/** Follows nextCursor to the end; fails if it loops. */
async function walk(ownerId: string, options: GalleryListOptions) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; ; pages++) {
    expect(pages).toBeLessThan(200);
    const page = await listGallery(ownerId, { ...options, cursor });
    ids.push(...page.items.map((g) => g.id));
    if (!page.nextCursor) return ids;
    expect(page.items.length).toBe(options.limit);
    cursor = page.nextCursor;
  }
}

const ids = async (options: GalleryListOptions) => (await listGallery(A, { limit: 60, ...options })).items.map((g) => g.id).sort();

describe.each(databaseLanes)("gallery on $provider", ({ create }) => {
  let database: TestDatabase;
  const saved = { DATABASE_URL: process.env.DATABASE_URL };

  beforeAll(async () => {
    database = await create();
    migrateDeploy(database.url);
    process.env.DATABASE_URL = database.url;
    await disconnectDb();
  }, 120_000);

  afterAll(async () => {
    await disconnectDb();
    if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.DATABASE_URL;
    await database?.drop();
  });

  describe("pagination", () => {
    const mine = new Set<string>();
    beforeAll(async () => {
      // 37 visible rows: createdAt in groups of three equal instants, costs from five values (many ties).
      for (let i = 0; i < 37; i++) {
        mine.add(await seed({ createdAt: minutesAgo(600 + Math.floor(i / 3)), costMicroUsd: [35_000, 70_000, 0, 105_000, 70_000][i % 5] }));
        // Another owner's rows at the very same instants and costs, and hidden rows of A's.
        if (i % 4 === 0) await seed({ ownerId: B, createdAt: minutesAgo(600 + Math.floor(i / 3)), costMicroUsd: 70_000 });
      }
      await seed({ status: "failed", createdAt: minutesAgo(601), costMicroUsd: 0 });
      await seed({ status: "pending", createdAt: minutesAgo(602) });
      await seed({ createdAt: minutesAgo(603), deletedAt: minutesAgo(1) });
    });

    it.each(GALLERY_SORTS)("visits every row exactly once, in order (%s)", async (sort: GallerySort) => {
      for (const limit of [1, 5, 24]) {
        const visited = await walk(A, { sort, limit });
        expect(new Set(visited).size).toBe(visited.length);
        expect(new Set(visited)).toEqual(mine);
        // Same order as one query for everything (the database's own ordering of ids, whatever its collation).
        const all = await listGallery(A, { sort, limit: 60 });
        expect(all.nextCursor).toBeNull();
        expect(visited).toEqual(all.items.map((g) => g.id));
        const keys = all.items.map((g) => (sort === "cost" ? g.costMicroUsd : g.createdAt.getTime()));
        const sorted = [...keys].sort((x, y) => (sort === "oldest" ? x - y : y - x));
        expect(keys).toEqual(sorted);
      }
    });

    it("a page has the default size, and never more than 60", async () => {
      expect((await listGallery(A)).items).toHaveLength(24);
      expect((await listGallery(A, { limit: 500 })).items).toHaveLength(37);
      expect((await listGallery(A, { limit: 0 })).items).toHaveLength(1);
    });

    it("a cursor jumps straight to the rows after it", async () => {
      const all = (await listGallery(A, { sort: "newest", limit: 60 })).items;
      const tenth = all[9];
      const page = await listGallery(A, { sort: "newest", limit: 5, cursor: encodeCursor({ sort: "newest", key: tenth.createdAt.getTime(), id: tenth.id }) });
      expect(page.items.map((g) => g.id)).toEqual(all.slice(10, 15).map((g) => g.id));
    });

    it("refuses a malformed cursor and one made for another sort", async () => {
      await expect(listGallery(A, { cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "invalid_input" });
      const first = await listGallery(A, { sort: "newest", limit: 2 });
      await expect(listGallery(A, { sort: "cost", cursor: first.nextCursor })).rejects.toMatchObject({ code: "invalid_input" });
    });

    it("refuses a cursor whose key is out of range for its column (was a Prisma error and 'internal')", async () => {
      const id = (await listGallery(A, { limit: 1 })).items[0].id;
      const forged = (s: string, k: number) => Buffer.from(JSON.stringify({ v: 1, s, k, i: id })).toString("base64url");
      for (const [sort, k] of [["newest", 9007199254740991], ["oldest", 9007199254740991], ["cost", 9007199254740991], ["cost", 2_147_483_648]] as const) {
        await expect(listGallery(A, { sort, cursor: forged(sort, k) }), `${sort} ${k}`).rejects.toMatchObject({ code: "invalid_input", field: "cursor" });
      }
    });

    it("another owner sees only their own rows", async () => {
      const theirs = await walk(B, { limit: 4 });
      expect(theirs).toHaveLength(10);
      for (const id of theirs) expect(mine.has(id)).toBe(false);
      expect(await walk("owner-nobody", { limit: 4 })).toEqual([]);
    });

    afterAll(async () => {
      await getDb().generation.deleteMany({});
    });
  });

  describe("filters, totals, facets, delete", () => {
    const id: Record<string, string> = {};
    beforeAll(async () => {
      id.lighthouse = await seed({ userPrompt: "A Lighthouse at DUSK", loras: [TAROT], createdAt: new Date("2026-11-25T09:00:00Z"), n: 2, costMicroUsd: 70_000 });
      id.trigger = await seed({ userPrompt: "a fox in snow", prompt: "in the style of TOK a trtcrd tarot style, a fox in snow", loras: [ANIME, TAROT], createdAt: new Date("2026-11-25T00:00:00Z") });
      id.flux2 = await seed({ userPrompt: "lighthouse, storm", model: FLUX2, loras: [ANIME], createdAt: new Date("2026-11-24T23:59:59.999Z"), provider: "together", costMicroUsd: 35_000 });
      id.early = await seed({ userPrompt: "portrait of a cat", createdAt: new Date("2026-11-01T00:00:00Z"), n: 3, costMicroUsd: 105_000 });
      id.lastMonth = await seed({ userPrompt: "cat on a lighthouse", createdAt: new Date("2026-10-31T23:59:59Z"), provider: "together", costMicroUsd: 35_000 });
      id.percent = await seed({ userPrompt: "sale 100% off", createdAt: new Date("2026-09-01T00:00:00Z"), costMicroUsd: 35_000 });
      // Never counted or listed for A:
      await seed({ userPrompt: "lighthouse", status: "failed", createdAt: new Date("2026-11-25T10:00:00Z"), costMicroUsd: 0 });
      // Deleted: never listed, but its cost was paid and stays in the spend totals.
      await seed({ userPrompt: "lighthouse", deletedAt: new Date("2026-11-25T11:00:00Z"), createdAt: new Date("2026-11-25T10:00:00Z"), loras: [ANIME], costMicroUsd: 35_000 });
      id.backslash = await seed({ ownerId: B, userPrompt: "saved as C:\\art\\dusk_1.png", createdAt: new Date("2026-11-02T00:00:00Z") });
      id.other = await seed({ ownerId: B, userPrompt: "lighthouse", createdAt: new Date("2026-11-25T10:00:00Z"), loras: [TAROT], model: FLUX2, costMicroUsd: 999_000 });
    });

    it("filters by LoRA in either slot, by model and by provider", async () => {
      expect(await ids({ filters: { lora: TAROT } })).toEqual([id.lighthouse, id.trigger].sort());
      expect(await ids({ filters: { lora: ANIME } })).toEqual([id.trigger, id.flux2].sort());
      expect(await ids({ filters: { lora: "nobody/nothing" } })).toEqual([]);
      expect(await ids({ filters: { model: FLUX2 } })).toEqual([id.flux2]);
      expect(await ids({ filters: { provider: "together" } })).toEqual([id.flux2, id.lastMonth].sort());
      expect(await ids({ filters: { provider: "together", model: DEV } })).toEqual([id.lastMonth]);
    });

    it("searches words case-insensitively in the typed prompt or the prompt sent; all words must match", async () => {
      expect(await ids({ filters: { q: "lighthouse" } })).toEqual([id.lighthouse, id.flux2, id.lastMonth].sort());
      expect(await ids({ filters: { q: "LIGHTHOUSE dusk" } })).toEqual([id.lighthouse]);
      expect(await ids({ filters: { q: "dusk   lighthouse " } })).toEqual([id.lighthouse]);
      expect(await ids({ filters: { q: "Trtcrd" } })).toEqual([id.trigger]); // only in the prompt sent
      expect(await ids({ filters: { q: "tarot fox" } })).toEqual([id.trigger]); // one word in each
      expect(await ids({ filters: { q: "cat lighthouse" } })).toEqual([id.lastMonth]);
      expect(await ids({ filters: { q: "lighthouse zebra" } })).toEqual([]);
      // LIKE wildcards in the search are literal characters.
      expect(await ids({ filters: { q: "100%" } })).toEqual([id.percent]);
      expect(await ids({ filters: { q: "%" } })).toEqual([id.percent]);
      expect(await ids({ filters: { q: "_" } })).toEqual([]);
      expect(await ids({ filters: { q: "0_" } })).toEqual([]); // LIKE would match "100% off"
      expect(await ids({ filters: { q: "0% OFF" } })).toEqual([id.percent]);
      const backslash = async (q: string) => (await listGallery(B, { filters: { q } })).items.map((g) => g.id);
      expect(await backslash("c:\\art")).toEqual([id.backslash]);
      expect(await backslash("\\")).toEqual([id.backslash]);
      expect(await backslash("c:art")).toEqual([]);
      expect(await backslash("DUSK_1")).toEqual([id.backslash]);
    });

    it("filters by a date range (from inclusive, to exclusive) and combines filters", async () => {
      const nov25 = { from: new Date("2026-11-25T00:00:00Z"), to: new Date("2026-11-26T00:00:00Z") };
      expect(await ids({ filters: nov25 })).toEqual([id.lighthouse, id.trigger].sort());
      expect(await ids({ filters: { from: new Date("2026-11-01T00:00:00Z") } })).toEqual([id.lighthouse, id.trigger, id.flux2, id.early].sort());
      expect(await ids({ filters: { to: new Date("2026-11-01T00:00:00Z") } })).toEqual([id.lastMonth, id.percent].sort());
      expect(await ids({ filters: { ...nov25, q: "fox", lora: TAROT } })).toEqual([id.trigger]);
      // Filters and the cursor together.
      const first = await listGallery(A, { limit: 1, filters: { q: "lighthouse" } });
      expect(first.items.map((g) => g.id)).toEqual([id.lighthouse]);
      const second = await listGallery(A, { limit: 5, cursor: first.nextCursor, filters: { q: "lighthouse" } });
      expect(second.items.map((g) => g.id)).toEqual([id.flux2, id.lastMonth]);
      expect(second.nextCursor).toBeNull();
    });

    it("totals images and spend today, this month (UTC) and all time, deleted results included", async () => {
      const totals = await galleryTotals(A, NOW);
      expect(totals.today).toEqual({ generations: 3, images: 4, spendMicroUsd: 70_000 + 35_000 + 35_000, deletedGenerations: 1 });
      expect(totals.month).toEqual({ generations: 5, images: 8, spendMicroUsd: 70_000 + 35_000 * 2 + 35_000 + 105_000, deletedGenerations: 1 });
      expect(totals.allTime).toEqual({ generations: 7, images: 10, spendMicroUsd: 70_000 + 35_000 * 3 + 105_000 + 35_000 * 2, deletedGenerations: 1 });
      // A new UTC month: today and this month start empty.
      const december = await galleryTotals(A, new Date("2026-12-01T00:00:00.000Z"));
      const none = { generations: 0, images: 0, spendMicroUsd: 0, deletedGenerations: 0 };
      expect([december.today, december.month]).toEqual([none, none]);
      expect(december.allTime).toEqual(totals.allTime);
      // Today starts at midnight UTC exactly: the row made then counts, the one 1 ms earlier does not.
      expect((await galleryTotals(A, new Date("2026-11-25T00:00:00.000Z"))).today).toEqual({ generations: 3, images: 4, spendMicroUsd: 140_000, deletedGenerations: 1 });
      expect(await galleryTotals("owner-nobody", NOW)).toEqual({ today: none, month: none, allTime: none });
    });

    it("filtered totals count what the filters list", async () => {
      expect(await filteredGalleryTotals(A, { lora: TAROT })).toEqual({ generations: 2, images: 3, spendMicroUsd: 105_000, deletedGenerations: 0 });
      expect(await filteredGalleryTotals(A, { q: "no such words" })).toEqual({ generations: 0, images: 0, spendMicroUsd: 0, deletedGenerations: 0 });
      expect(await filteredGalleryTotals(A, { provider: "together" })).toMatchObject({ generations: 2, spendMicroUsd: 70_000 });
    });

    it("facets: the LoRAs (with counts) and models of visible rows only", async () => {
      const facets = await galleryFacets(A);
      expect(facets.loras).toEqual([
        { path: ANIME, count: 2 },
        { path: TAROT, count: 2 },
      ].sort((x, y) => x.path.localeCompare(y.path)));
      expect(facets.models).toEqual([
        { model: DEV, count: 5 },
        { model: FLUX2, count: 1 },
      ]);
    });

    it("soft delete hides a row everywhere; restore brings it back; other owners get false", async () => {
      expect(await softDeleteGeneration(id.other, A)).toBe(false);
      expect(await restoreGeneration(id.other, A)).toBe(false);
      expect(await softDeleteGeneration("no-such-id", A)).toBe(false);
      expect(await softDeleteGeneration(id.lighthouse, B)).toBe(false);
      expect(await ids({ filters: { lora: TAROT } })).toContain(id.lighthouse);

      expect(await softDeleteGeneration(id.lighthouse, A)).toBe(true);
      expect(await softDeleteGeneration(id.lighthouse, A)).toBe(true); // already deleted: still true
      expect(await ids({})).not.toContain(id.lighthouse);
      expect(await ids({ filters: { q: "dusk" } })).toEqual([]);
      // Money spent stays spent: deleting does not lower today's spend.
      expect((await galleryTotals(A, NOW)).today).toEqual({ generations: 3, images: 4, spendMicroUsd: 140_000, deletedGenerations: 2 });
      expect((await filteredGalleryTotals(A, { lora: TAROT })).generations).toBe(1);
      expect((await galleryFacets(A)).loras).toContainEqual({ path: TAROT, count: 1 });
      expect(await restoreGeneration(id.lighthouse, B)).toBe(false);
      expect(await ids({})).not.toContain(id.lighthouse);

      expect(await restoreGeneration(id.lighthouse, A)).toBe(true);
      expect(await ids({ filters: { q: "dusk" } })).toEqual([id.lighthouse]);
      expect((await galleryTotals(A, NOW)).today).toMatchObject({ images: 4, deletedGenerations: 1 });
      // B's row was never touched.
      expect((await listGallery(B)).items.map((g) => g.id)).toEqual([id.other, id.backslash]);
    });
  });
});
