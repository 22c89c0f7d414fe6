import { imageUrl } from "@/lib/generation/view";
import { collectionSharePath } from "@/lib/sharing/slug";

/** A collection as its owner's browser sees it in lists: plain data, no owner id. */
export interface CollectionListItem {
  id: string;
  name: string;
  description: string | null;
  kind: "manual" | "sweep";
  itemCount: number;
  /** "/c/{slug}" while shared, else null. */
  sharePath: string | null;
  updatedAt: string;
  cover: { url: string; width: number; height: number } | null;
  /** Set when the list was asked for with a generation: whether that result is in this collection. */
  containsGeneration?: boolean;
}

export interface CollectionSummaryRow {
  id: string;
  name: string;
  description: string | null;
  kind: string;
  itemCount: number;
  shareSlug: string | null;
  updatedAt: Date;
  cover: { imageId: string; contentHash: string; width: number; height: number } | null;
  containsGeneration?: boolean;
}

/** The owner-only thumbnail of a stored image (the same immutable, versioned URL with size=thumb). */
export function thumbUrl(imageId: string, contentHash: string): string {
  return `${imageUrl(imageId, contentHash)}&size=thumb`;
}

export function toCollectionListItem(row: CollectionSummaryRow): CollectionListItem {
  const item: CollectionListItem = {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind === "sweep" ? "sweep" : "manual",
    itemCount: row.itemCount,
    sharePath: row.shareSlug ? collectionSharePath(row.shareSlug) : null,
    updatedAt: row.updatedAt.toISOString(),
    cover: row.cover ? { url: thumbUrl(row.cover.imageId, row.cover.contentHash), width: row.cover.width, height: row.cover.height } : null,
  };
  if (row.containsGeneration !== undefined) item.containsGeneration = row.containsGeneration;
  return item;
}
