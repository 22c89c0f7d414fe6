import "server-only";
import { jsonList } from "@/lib/loras/json-list";
import { getDb, type Db } from "@/lib/db/client";
import { listCatalogRows, listSharedLoraPaths, type CatalogRow } from "@/lib/db/lora-catalog-queries";
import type { LoraSearchEntry } from "./types";

/** The whole catalog as search entries, cached in memory for a few seconds (search runs per keystroke). */

const TTL_MS = 5_000;
let cache: { db: Db; at: number; entries: Promise<CatalogEntry[]> } | undefined;

export type CatalogEntry = LoraSearchEntry & { id: string; metadataAvailable: boolean };


/** Rows sharing a path (a page-link key and a path key) become one entry: the resolved data wins, usage is the max. */
export function toCatalogEntries(rows: CatalogRow[]): CatalogEntry[] {
  const byPath = new Map<string, CatalogEntry>();
  for (const r of rows) {
    const entry: CatalogEntry = {
      id: r.id,
      path: r.path,
      title: r.title,
      triggers: jsonList(r.triggers),
      tags: jsonList(r.tags),
      source: r.source,
      base: r.base,
      usageCount: r.usageCount,
      lastUsedAt: r.lastUsedAt,
      starter: r.starter,
      previewUrl: r.previewUrl,
      metadataAvailable: r.metadataAvailable,
    };
    const seen = byPath.get(r.path);
    if (!seen) {
      byPath.set(r.path, entry);
      continue;
    }
    const keep = !seen.metadataAvailable && entry.metadataAvailable ? entry : seen;
    byPath.set(r.path, {
      ...keep,
      usageCount: Math.max(seen.usageCount, entry.usageCount),
      lastUsedAt: [seen.lastUsedAt, entry.lastUsedAt].reduce<Date | null>((a, b) => (!a || (b && b > a) ? b : a), null),
      starter: seen.starter || entry.starter,
      previewUrl: keep.previewUrl ?? seen.previewUrl ?? entry.previewUrl,
    });
  }
  return [...byPath.values()];
}

export async function getCatalogEntries(now = Date.now()): Promise<CatalogEntry[]> {
  const db = getDb();
  if (!cache || cache.db !== db || now - cache.at > TTL_MS) {
    const entries = listCatalogRows().then(toCatalogEntries);
    cache = { db, at: now, entries };
    entries.catch(() => {
      if (cache?.entries === entries) cache = undefined;
    });
  }
  return cache.entries;
}

let sharedCache: { db: Db; at: number; paths: Promise<Set<string>> } | undefined;

/** Paths of LoRAs in shared results (public), cached like the entries. */
export async function getSharedLoraPaths(now = Date.now()): Promise<Set<string>> {
  const db = getDb();
  if (!sharedCache || sharedCache.db !== db || now - sharedCache.at > TTL_MS) {
    const paths = listSharedLoraPaths();
    sharedCache = { db, at: now, paths };
    paths.catch(() => {
      if (sharedCache?.paths === paths) sharedCache = undefined;
    });
  }
  return sharedCache.paths;
}

/** After a write that changes what search shows (seeding, usage). Only this process's cache. */
export function invalidateCatalogCache(): void {
  cache = undefined;
  sharedCache = undefined;
}
