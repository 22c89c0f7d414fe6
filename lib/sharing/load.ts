import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { env } from "@/lib/env";
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

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/**
 * The origin this request was made to, for absolute preview-card URLs (og:image must be
 * absolute). PUBLIC_BASE_URL wins when set; else the proxy's X-Forwarded-Host/-Proto, else Host.
 */
export async function requestBaseUrl(): Promise<URL> {
  const configured = env().publicBaseUrl;
  if (configured) return new URL(configured);
  const h = await headers();
  const first = (value: string | null) => value?.split(",")[0]?.trim() || null;
  const host = [first(h.get("x-forwarded-host")), first(h.get("host"))].find((v) => v !== null && HOST.test(v)) ?? "127.0.0.1:3000";
  const proto = first(h.get("x-forwarded-proto")) === "https" ? "https" : "http";
  return new URL(`${proto}://${host}`);
}
