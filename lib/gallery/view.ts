import { imageUrl } from "@/lib/generation/view";
import { loraDisplayName } from "@/lib/loras/link";

/** One tile of the gallery grid: what the browser needs, no owner id, no storage keys. */
export interface GalleryItemView {
  id: string;
  /** The first image's WebP thumbnail; null only for a generation without images. */
  thumbUrl: string | null;
  /** The first image at full resolution. */
  url: string | null;
  /** Thumbnail size when made, else the image's own (same aspect ratio): set on <img> so nothing shifts. */
  width: number;
  height: number;
  userPrompt: string;
  model: string;
  seed: number;
  provider: string;
  costMicroUsd: number;
  /** ISO 8601. */
  createdAt: string;
  /** In slot order, each with the name a person knows it by (its title when known) and its scale. */
  loras: { path: string; name: string; scale: number }[];
  imageCount: number;
}

interface GalleryRow {
  id: string;
  userPrompt: string;
  model: string;
  width: number;
  height: number;
  seed: number;
  provider: string;
  costMicroUsd: number;
  createdAt: Date;
  images: { id: string; index: number; width: number; height: number; contentHash: string; thumbWidth?: number | null; thumbHeight?: number | null }[];
  loras: { position: number; path: string; scale: number }[];
}

export function thumbUrl(imageId: string, contentHash: string): string {
  return `${imageUrl(imageId, contentHash)}&size=thumb`;
}

/** `titles`: LoRA titles by path, from the card cache; a name read from the path otherwise. */
export function toGalleryItemView(row: GalleryRow, titles: ReadonlyMap<string, string> = new Map()): GalleryItemView {
  const cover = [...row.images].sort((a, b) => a.index - b.index)[0];
  const thumbSized = cover && cover.thumbWidth && cover.thumbHeight;
  return {
    id: row.id,
    thumbUrl: cover ? thumbUrl(cover.id, cover.contentHash) : null,
    url: cover ? imageUrl(cover.id, cover.contentHash) : null,
    width: thumbSized ? cover.thumbWidth! : cover?.width ?? row.width,
    height: thumbSized ? cover.thumbHeight! : cover?.height ?? row.height,
    userPrompt: row.userPrompt,
    model: row.model,
    seed: row.seed,
    provider: row.provider,
    costMicroUsd: row.costMicroUsd,
    createdAt: row.createdAt.toISOString(),
    loras: [...row.loras].sort((a, b) => a.position - b.position).map((l) => ({ path: l.path, name: titles.get(l.path)?.trim() || loraDisplayName(l.path), scale: l.scale })),
    imageCount: row.images.length,
  };
}

export interface GalleryPageView {
  items: GalleryItemView[];
  nextCursor: string | null;
}

export type { GalleryFacets, GalleryTotals, GalleryWindowTotals } from "@/lib/db/gallery-queries";
