import "server-only";
import { getDb } from "./client";
import type { Prisma } from "./generated/sqlite/client";
import { recipeSelect } from "./generation-columns";
import { isShareSlug, newShareSlug } from "./share-slug";

/**
 * Public share links. Every mutation has the owner id in its WHERE and answers false/null
 * when the row is not that owner's (same answer as "does not exist": a guessed id learns
 * nothing). Reads by slug select only public columns: never owner ids or storage keys.
 *
 * A slug lives for one share period: revoking clears it and sharing again draws a new one,
 * so a revoked link stays dead for good (and its immutable image URLs with it).
 */

/** The columns public pages show, and nothing else: the recipe (lib/db/generation-columns.ts), who made it, what it cost. */
export const publicGenerationSelect = {
  id: true,
  ...recipeSelect,
  provider: true,
  billedMegapixels: true,
  costMicroUsd: true,
  createdAt: true,
  images: { orderBy: { index: "asc" as const }, select: { index: true, width: true, height: true, contentHash: true } },
  loras: { orderBy: { position: "asc" as const }, select: { position: true, path: true, scale: true, triggers: true } },
} as const;

/** A result as public pages are built from it (lib/sharing/view.ts): exactly the columns selected above. */
export type PublicGenerationRow = Prisma.GenerationGetPayload<{ select: typeof publicGenerationSelect }>;

/** What the card cache says about a LoRA path, for naming it on pages. */
export interface LoraInfo {
  title: string;
  pageUrl: string | null;
}

/** An image row as the image routes need it (storage keys stay on the server). */
const sharedImageSelect = {
  id: true,
  index: true,
  storageKey: true,
  contentHash: true,
  mimeType: true,
  width: true,
  height: true,
  byteSize: true,
  thumbKey: true,
  thumbWidth: true,
  thumbHeight: true,
  createdAt: true,
  generationId: true,
  generation: { select: { seed: true, userPrompt: true } },
} as const;

/** Only these generations can be seen through a share. */
const visibleGeneration = { deletedAt: null, status: "succeeded" } as const;

// ── results ────────────────────────────────────────────────────────────────────────────

/**
 * Shares the owner's succeeded, not-deleted generation; returns its slug (the current one when
 * already shared), or null when there is no such generation of this owner.
 */
export async function shareGeneration(id: string, ownerId: string): Promise<string | null> {
  const db = getDb();
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = await db.generation.findFirst({ where: { id, ownerId, ...visibleGeneration }, select: { shareSlug: true } });
    if (!row) return null;
    if (row.shareSlug) return row.shareSlug;
    const slug = newShareSlug();
    // Conditional on "still not shared": two concurrent shares agree on one slug.
    const { count } = await db.generation.updateMany({
      where: { id, ownerId, ...visibleGeneration, shareSlug: null },
      data: { shareSlug: slug, sharedAt: new Date() },
    });
    if (count === 1) return slug;
  }
  return null;
}

/** Revokes the share at once; true when the owner's generation is (now) not shared, false when not theirs. */
export async function unshareGeneration(id: string, ownerId: string): Promise<boolean> {
  const { count } = await getDb().generation.updateMany({ where: { id, ownerId }, data: { shareSlug: null, sharedAt: null } });
  return count === 1;
}

/** The owner's view of a generation's share: its slug, or null when not shared (or not theirs). */
export async function getGenerationShareSlug(id: string, ownerId: string): Promise<string | null> {
  const row = await getDb().generation.findFirst({ where: { id, ownerId }, select: { shareSlug: true } });
  return row?.shareSlug ?? null;
}

/** Titles and pages of the LoRAs behind these paths, from the card cache (shared by everyone). */
export async function getLoraInfoForPaths(paths: string[]): Promise<Map<string, LoraInfo>> {
  const unique = [...new Set(paths)];
  const out = new Map<string, LoraInfo>();
  if (unique.length === 0) return out;
  const rows = await getDb().lora.findMany({
    where: { path: { in: unique } },
    select: { path: true, title: true, card: true, metadataAvailable: true },
    orderBy: [{ metadataAvailable: "desc" }, { fetchedAt: "desc" }],
  });
  for (const row of rows) {
    if (out.has(row.path)) continue;
    let pageUrl: string | null = null;
    try {
      const card = JSON.parse(row.card) as { pageUrl?: unknown };
      if (typeof card.pageUrl === "string") pageUrl = card.pageUrl;
    } catch {
      // a broken cached card only loses its link
    }
    out.set(row.path, { title: row.title, pageUrl });
  }
  return out;
}

/** A shared result by its slug: null when unknown, revoked, deleted or not a success. */
export async function getSharedGeneration(slug: string): Promise<PublicGenerationRow | null> {
  if (!isShareSlug(slug)) return null;
  return getDb().generation.findFirst({ where: { shareSlug: slug, ...visibleGeneration }, select: publicGenerationSelect });
}

/** The stored object behind image {index} of a shared result, for the public image route. */
export async function getSharedGenerationImage(slug: string, index: number) {
  if (!isShareSlug(slug) || !Number.isSafeInteger(index) || index < 0) return null;
  return getDb().generationImage.findFirst({
    where: { index, generation: { shareSlug: slug, ...visibleGeneration } },
    select: sharedImageSelect,
  });
}

// ── collections ────────────────────────────────────────────────────────────────────────

/** Shares the owner's collection; returns its slug (the current one when already shared), or null when not theirs. */
export async function shareCollection(id: string, ownerId: string): Promise<string | null> {
  const db = getDb();
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = await db.collection.findFirst({ where: { id, ownerId }, select: { shareSlug: true } });
    if (!row) return null;
    if (row.shareSlug) return row.shareSlug;
    const slug = newShareSlug();
    const { count } = await db.collection.updateMany({ where: { id, ownerId, shareSlug: null }, data: { shareSlug: slug, sharedAt: new Date() } });
    if (count === 1) return slug;
  }
  return null;
}

export async function unshareCollection(id: string, ownerId: string): Promise<boolean> {
  const { count } = await getDb().collection.updateMany({ where: { id, ownerId }, data: { shareSlug: null, sharedAt: null } });
  return count === 1;
}

export interface SharedCollectionRow {
  /** For the server's own further reads (a grid's cell statuses); never put on the page. */
  id: string;
  name: string;
  description: string | null;
  kind: string;
  axes: string | null;
  items: { generationId: string; position: number; cell: string | null; generation: PublicGenerationRow }[];
}

/** A shared collection with its visible results in position order; null when unknown or revoked. */
export async function getSharedCollection(slug: string): Promise<SharedCollectionRow | null> {
  if (!isShareSlug(slug)) return null;
  return getDb().collection.findFirst({
    where: { shareSlug: slug },
    select: {
      id: true,
      name: true,
      description: true,
      kind: true,
      axes: true,
      items: {
        where: { generation: visibleGeneration },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        select: { generationId: true, position: true, cell: true, generation: { select: publicGenerationSelect } },
      },
    },
  });
}

/** Image {index} of a result, only while it is a visible item of the collection shared under this slug. */
export async function getSharedCollectionImage(slug: string, generationId: string, index: number) {
  if (!isShareSlug(slug) || !Number.isSafeInteger(index) || index < 0) return null;
  return getDb().generationImage.findFirst({
    where: {
      index,
      generationId,
      generation: { ...visibleGeneration, collectionItems: { some: { collection: { shareSlug: slug } } } },
    },
    select: sharedImageSelect,
  });
}

export type SharedImageRow = NonNullable<Awaited<ReturnType<typeof getSharedGenerationImage>>>;
