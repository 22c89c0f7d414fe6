import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "./client";
import { normalizeCollectionName } from "./collection-name";

/**
 * Collections: named, ordered sets of an owner's results. Every query takes the owner id and
 * puts it in its WHERE (directly or through the item's collection), and answers false/null
 * when the collection or generation is not that owner's — the same answer as "missing".
 *
 * Items whose generation is deleted (soft delete) or did not succeed are hidden everywhere
 * but keep their row and position, so restoring a generation puts it back where it was.
 */

/** Only these generations show in a collection (and can be added to one). */
const visibleGeneration = { deletedAt: null, status: "succeeded" } as const;

const itemOrder = [{ position: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];

const withParts = {
  images: { orderBy: { index: "asc" as const } },
  loras: { orderBy: { position: "asc" as const } },
};

export interface CollectionSummary {
  id: string;
  name: string;
  description: string | null;
  kind: string;
  /** Visible results in it. */
  itemCount: number;
  shareSlug: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The first visible result's first image. */
  cover: { imageId: string; contentHash: string; width: number; height: number } | null;
  /** Only when asked with `containing`: whether that generation is in this collection. */
  containsGeneration?: boolean;
}

export async function createCollection(
  ownerId: string,
  data: { name: string; description?: string | null; kind?: "manual" | "sweep" | "grid"; axes?: string | null },
) {
  const name = normalizeCollectionName(data.name);
  if (!name) throw new Error("Collection name must be 1–80 characters");
  return getDb().collection.create({
    data: { id: randomUUID(), ownerId, name, description: data.description ?? null, kind: data.kind ?? "manual", axes: data.axes ?? null },
    select: { id: true, name: true, description: true, kind: true, shareSlug: true, createdAt: true, updatedAt: true },
  });
}

export async function renameCollection(id: string, ownerId: string, name: string): Promise<boolean> {
  const normalized = normalizeCollectionName(name);
  if (!normalized) return false;
  const { count } = await getDb().collection.updateMany({ where: { id, ownerId }, data: { name: normalized } });
  return count === 1;
}

/** Deletes the collection and its items (never the results themselves); also ends its share. */
export async function deleteCollection(id: string, ownerId: string): Promise<boolean> {
  const { count } = await getDb().collection.deleteMany({ where: { id, ownerId } });
  return count === 1;
}

/** The owner's collections, most recently changed first, with visible item counts and a cover. */
export async function listCollectionsForOwner(ownerId: string, options: { containing?: string } = {}): Promise<CollectionSummary[]> {
  const rows = await getDb().collection.findMany({
    where: { ownerId },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 500,
    select: {
      id: true,
      name: true,
      description: true,
      kind: true,
      shareSlug: true,
      createdAt: true,
      updatedAt: true,
      _count: { select: { items: { where: { generation: visibleGeneration } } } },
      items: {
        where: { generation: { ...visibleGeneration, images: { some: {} } } },
        orderBy: itemOrder,
        take: 1,
        select: {
          generation: {
            select: { images: { orderBy: { index: "asc" }, take: 1, select: { id: true, contentHash: true, width: true, height: true } } },
          },
        },
      },
    },
  });
  let containing: Set<string> | null = null;
  if (options.containing) {
    const hits = await getDb().collectionItem.findMany({
      where: { generationId: options.containing, collection: { ownerId } },
      select: { collectionId: true },
    });
    containing = new Set(hits.map((h) => h.collectionId));
  }
  return rows.map((row) => {
    const image = row.items[0]?.generation.images[0];
    const summary: CollectionSummary = {
      id: row.id,
      name: row.name,
      description: row.description,
      kind: row.kind,
      itemCount: row._count.items,
      shareSlug: row.shareSlug,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      cover: image ? { imageId: image.id, contentHash: image.contentHash, width: image.width, height: image.height } : null,
    };
    if (containing) summary.containsGeneration = containing.has(row.id);
    return summary;
  });
}

/** One of the owner's collections with its visible results (full generation rows) in order; null when not theirs. */
export async function getCollectionForOwner(id: string, ownerId: string) {
  return getDb().collection.findFirst({
    where: { id, ownerId },
    select: {
      id: true,
      name: true,
      description: true,
      kind: true,
      axes: true,
      shareSlug: true,
      sharedAt: true,
      createdAt: true,
      updatedAt: true,
      items: {
        where: { generation: visibleGeneration },
        orderBy: itemOrder,
        select: { id: true, generationId: true, position: true, cell: true, generation: { include: withParts } },
      },
    },
  });
}

export type OwnerCollection = NonNullable<Awaited<ReturnType<typeof getCollectionForOwner>>>;

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

/**
 * Appends the owner's own visible generation to the owner's collection. Idempotent: adding
 * what is already there changes nothing and answers true. False when either is not theirs.
 */
export async function addGenerationToCollection(collectionId: string, generationId: string, ownerId: string, options: { cell?: string | null } = {}): Promise<boolean> {
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      const collection = await tx.collection.findFirst({ where: { id: collectionId, ownerId }, select: { id: true } });
      const generation = await tx.generation.findFirst({ where: { id: generationId, ownerId, ...visibleGeneration }, select: { id: true } });
      if (!collection || !generation) return false;
      const existing = await tx.collectionItem.findUnique({ where: { collectionId_generationId: { collectionId, generationId } }, select: { id: true } });
      if (existing) return true;
      const last = await tx.collectionItem.aggregate({ where: { collectionId }, _max: { position: true } });
      await tx.collectionItem.create({
        data: { id: randomUUID(), collectionId, generationId, position: (last._max.position ?? -1) + 1, cell: options.cell ?? null },
      });
      await tx.collection.updateMany({ where: { id: collectionId, ownerId }, data: { updatedAt: new Date() } });
      return true;
    });
  } catch (err) {
    // A concurrent add of the same generation won the unique (collectionId, generationId): same outcome.
    if (isUniqueViolation(err)) {
      const item = await db.collectionItem.findFirst({ where: { collectionId, generationId, collection: { ownerId } }, select: { id: true } });
      return item !== null;
    }
    throw err;
  }
}

/** Takes a result out of the owner's collection (the result itself stays). False when not theirs or not in it. */
export async function removeGenerationFromCollection(collectionId: string, generationId: string, ownerId: string): Promise<boolean> {
  const db = getDb();
  const { count } = await db.collectionItem.deleteMany({ where: { collectionId, generationId, collection: { ownerId } } });
  if (count === 1) await db.collection.updateMany({ where: { id: collectionId, ownerId }, data: { updatedAt: new Date() } });
  return count === 1;
}

/**
 * Moves a result to `toIndex` in the collection's visible order (clamped to its ends) and
 * renumbers positions 0…n-1. Hidden items (deleted results) keep their place relative to
 * their neighbours. False when the collection is not the owner's or the result is not in it.
 */
export async function moveCollectionItem(collectionId: string, generationId: string, ownerId: string, toIndex: number): Promise<boolean> {
  if (!Number.isSafeInteger(toIndex)) return false;
  return getDb().$transaction(async (tx) => {
    const collection = await tx.collection.findFirst({ where: { id: collectionId, ownerId }, select: { id: true } });
    if (!collection) return false;
    const items = await tx.collectionItem.findMany({
      where: { collectionId },
      orderBy: itemOrder,
      select: { id: true, generationId: true, position: true, generation: { select: { deletedAt: true, status: true } } },
    });
    const from = items.findIndex((i) => i.generationId === generationId);
    if (from === -1) return false;
    const visible = (i: (typeof items)[number]) => i.generation.deletedAt === null && i.generation.status === "succeeded";
    if (!visible(items[from])) return false;
    const [moving] = items.splice(from, 1);
    const others = items.filter(visible);
    const target = Math.max(0, Math.min(toIndex, others.length));
    const insertAt = target < others.length ? items.indexOf(others[target]) : others.length ? items.indexOf(others[others.length - 1]) + 1 : items.length;
    items.splice(insertAt, 0, moving);
    for (const [position, item] of items.entries()) {
      if (item.position !== position) await tx.collectionItem.update({ where: { id: item.id }, data: { position } });
    }
    await tx.collection.updateMany({ where: { id: collectionId, ownerId }, data: { updatedAt: new Date() } });
    return true;
  });
}
