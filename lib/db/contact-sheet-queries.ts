import "server-only";
import { isShareSlug } from "./share-slug";
import { getDb } from "./client";
import { publicGenerationSelect, type PublicGenerationRow } from "./share-queries";

/**
 * What a sweep's contact sheet is drawn from: the collection's axes and, per visible item, its
 * cell, the recipe a shared page shows (for the axis names and the caption) and the storage key
 * of its first image (read on the server, never sent anywhere).
 * The owner's read has the owner id in its WHERE; the public read needs the live share slug.
 */

/** Only these generations show in a collection (as in collection-queries and share-queries). */
const visibleGeneration = { deletedAt: null, status: "succeeded" } as const;

const sheetSelect = {
  name: true,
  kind: true,
  axes: true,
  items: {
    where: { generation: visibleGeneration },
    orderBy: [{ position: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }],
    select: {
      cell: true,
      generation: {
        select: {
          ...publicGenerationSelect,
          images: { orderBy: { index: "asc" as const }, take: 1, select: { index: true, width: true, height: true, contentHash: true, storageKey: true } },
        },
      },
    },
  },
};

export interface ContactSheetSource {
  name: string;
  kind: string;
  axes: string | null;
  items: { cell: string | null; generation: Omit<PublicGenerationRow, "images"> & { images: (PublicGenerationRow["images"][number] & { storageKey: string })[] } }[];
}

/** The owner's collection as sheet material; null when missing or not theirs. */
export async function getContactSheetSourceForOwner(id: string, ownerId: string): Promise<ContactSheetSource | null> {
  return getDb().collection.findFirst({ where: { id, ownerId }, select: sheetSelect });
}

/** The collection shared under this slug as sheet material; null when unknown or revoked. */
export async function getSharedContactSheetSource(slug: string): Promise<ContactSheetSource | null> {
  if (!isShareSlug(slug)) return null;
  return getDb().collection.findFirst({ where: { shareSlug: slug }, select: sheetSelect });
}
