import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { env } from "@/lib/env";
import { publicOrigin } from "@/lib/http/public-origin";
import { getLoraInfoForPaths, getSharedCollection, getSharedGeneration } from "@/lib/db/share-queries";
import { gridCellsForCollection } from "@/lib/db/grid-queries";
import { namedSweepAxes } from "@/lib/explore/contact-sheet-spec";
import { layoutGrid } from "@/lib/grid/layout";
import {
  collectionImageUrl,
  collectionKind,
  generationImageUrl,
  parseAxes,
  parseCell,
  toSharedResult,
  type SharedCollection,
  type SharedCollectionItem,
  type SharedResult,
} from "./view";

/** A shared result ready for its public page; null when the link is unknown or revoked. Once per request. */
export const loadSharedResult = cache(async (slug: string): Promise<SharedResult | null> => {
  const row = await getSharedGeneration(slug);
  if (!row) return null;
  const info = await getLoraInfoForPaths(row.loras.map((l) => l.path));
  return toSharedResult(row, generationImageUrl(slug), info);
});

/**
 * A shared collection ready for its public page; null when the link is unknown or revoked. Once
 * per request. A sweep's axes are named after their LoRAs; a grid's items are laid out on its plan,
 * its empty places saying what became of their cells.
 */
export const loadSharedCollection = cache(async (slug: string): Promise<SharedCollection | null> => {
  const row = await getSharedCollection(slug);
  if (!row) return null;
  const info = await getLoraInfoForPaths(row.items.flatMap((item) => item.generation.loras.map((l) => l.path)));
  const kind = collectionKind(row.kind);
  const items: SharedCollectionItem[] = row.items.map((item) => ({
    ...toSharedResult(item.generation, collectionImageUrl(slug, item.generationId), info),
    key: item.generationId,
    cell: kind === "sweep" ? parseCell(item.cell) : null,
  }));
  const axes = kind === "sweep" ? parseAxes(row.axes) : null;
  const grid = kind === "grid" ? layoutGrid(row.axes, items.map((item, i) => ({ item, cell: row.items[i].cell })), await gridCellsForCollection(row.id, { reasons: false })) : null;
  return { name: row.name, description: row.description, kind, axes: axes && namedSweepAxes(axes, items), grid, items };
});

/** The origin for absolute preview-card URLs (og:image must be absolute); see publicOrigin for whom it trusts. */
export async function requestBaseUrl(): Promise<URL> {
  const e = env();
  return publicOrigin({ configured: e.publicBaseUrl, trustProxy: e.trustProxy }, await headers());
}
