import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { env } from "@/lib/env";
import { publicOrigin } from "@/lib/http/public-origin";
import { getLoraInfoForPaths, getSharedCollection, getSharedGeneration } from "@/lib/db/share-queries";
import {
  collectionImageUrl,
  generationImageUrl,
  parseAxes,
  parseCell,
  toSharedResult,
  type SharedCollection,
  type SharedResult,
} from "./view";

/** A shared result ready for its public page; null when the link is unknown or revoked. Once per request. */
export const loadSharedResult = cache(async (slug: string): Promise<SharedResult | null> => {
  const row = await getSharedGeneration(slug);
  if (!row) return null;
  const info = await getLoraInfoForPaths(row.loras.map((l) => l.path));
  return toSharedResult(row, generationImageUrl(slug), info);
});

/** A shared collection ready for its public page; null when the link is unknown or revoked. Once per request. */
export const loadSharedCollection = cache(async (slug: string): Promise<SharedCollection | null> => {
  const row = await getSharedCollection(slug);
  if (!row) return null;
  const info = await getLoraInfoForPaths(row.items.flatMap((item) => item.generation.loras.map((l) => l.path)));
  return {
    name: row.name,
    description: row.description,
    kind: row.kind === "sweep" ? "sweep" : "manual",
    axes: row.kind === "sweep" ? parseAxes(row.axes) : null,
    items: row.items.map((item) => ({
      ...toSharedResult(item.generation, collectionImageUrl(slug, item.generationId), info),
      key: item.generationId,
      cell: parseCell(item.cell),
    })),
  };
});

/** The origin for absolute preview-card URLs (og:image must be absolute); see publicOrigin for whom it trusts. */
export async function requestBaseUrl(): Promise<URL> {
  const e = env();
  return publicOrigin({ configured: e.publicBaseUrl, trustProxy: e.trustProxy }, await headers());
}
