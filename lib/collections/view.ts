import { imageUrl } from "@/lib/generation/view";
import { collectionSharePath } from "@/lib/sharing/slug";
import { collectionKind, parseCell, toSharedResult, type LoraInfo, type PublicGenerationRow, type SharedCollectionItem } from "@/lib/sharing/view";

/** A collection as its owner's browser sees it in lists: plain data, no owner id. */
export interface CollectionListItem {
  id: string;
  name: string;
  description: string | null;
  kind: "manual" | "sweep" | "grid";
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
    kind: collectionKind(row.kind),
    itemCount: row.itemCount,
    sharePath: row.shareSlug ? collectionSharePath(row.shareSlug) : null,
    updatedAt: row.updatedAt.toISOString(),
    cover: row.cover ? { url: thumbUrl(row.cover.imageId, row.cover.contentHash), width: row.cover.width, height: row.cover.height } : null,
  };
  if (row.containsGeneration !== undefined) item.containsGeneration = row.containsGeneration;
  return item;
}

/** An owner's collection item with what the sweep grid needs (image ids, for the owner-only URLs). */
export interface OwnerCollectionItemRow {
  generationId: string;
  cell: string | null;
  generation: Omit<PublicGenerationRow, "images"> & { images: (PublicGenerationRow["images"][number] & { id: string })[] };
}

/**
 * The owner's item in the shape the public sweep grid draws, so both pages share one grid;
 * its image URLs are the owner-only /api/images ones (thumbnail and download by query).
 */
export function toOwnerSweepItem(row: OwnerCollectionItemRow, loraInfo: ReadonlyMap<string, LoraInfo> = new Map()): SharedCollectionItem {
  const ids = new Map(row.generation.images.map((img) => [img.index, img.id]));
  const urlFor = (index: number, contentHash: string) => imageUrl(ids.get(index)!, contentHash);
  return { ...toSharedResult(row.generation, urlFor, loraInfo), key: row.generationId, cell: parseCell(row.cell) };
}
