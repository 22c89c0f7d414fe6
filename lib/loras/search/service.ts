import "server-only";
import { jsonList } from "@/lib/loras/json-list";
import { getLoraPreferences, listOwnerLoraPaths, type LoraPreferenceRow } from "@/lib/db/lora-catalog-queries";
import { findModel } from "@/lib/models/registry";
import { parseLoraLink } from "@/lib/loras/link";
import { ensureStarterCatalog } from "@/lib/loras/starter";
import { getCatalogEntries, getSharedLoraPaths, type CatalogEntry } from "./catalog";
import { searchCivitai } from "./civitai";
import { searchHuggingFace } from "./huggingface";
import { rankLoras } from "./rank";
import type { RemoteSearchOptions } from "./remote-common";
import type { LoraPreferenceView, LoraSearchEntry, LoraSearchResult, RemoteStatus } from "./types";
import { visibleLoras } from "./visibility";

export interface SearchLorasInput {
  query: string;
  modelId?: string;
  includeRemote?: boolean;
  /** Local results (default 30). */
  limit?: number;
}

export interface SearchLorasOutput {
  local: LoraSearchResult[];
  remote: LoraSearchResult[];
  remoteStatus: RemoteStatus;
}


export function toPreferenceView(p: LoraPreferenceRow | undefined): LoraPreferenceView | null {
  if (!p || (p.scale === null && p.triggers === null && p.placement === null)) return null;
  return { scale: p.scale, triggers: p.triggers === null ? null : jsonList(p.triggers), placement: p.placement };
}

export function toResult(e: LoraSearchEntry, score: number, pref: LoraPreferenceRow | undefined): LoraSearchResult {
  return {
    path: e.path,
    title: e.title,
    triggers: e.triggers,
    tags: e.tags,
    source: e.source,
    base: e.base,
    previewUrl: e.previewUrl ?? null,
    pageUrl: e.pageUrl ?? (e.source === "civitai" ? null : e.path),
    usageCount: e.usageCount,
    lastUsedAt: e.lastUsedAt ? e.lastUsedAt.toISOString() : null,
    starter: e.starter,
    remote: e.remote ?? false,
    downloads: e.downloads ?? null,
    favorite: pref?.favorite ?? false,
    preference: toPreferenceView(pref),
    score,
  };
}

/** Canonical Together path of a link or path (for dedupe); the input itself when it does not parse. */
export function canonicalPath(path: string): string {
  const parsed = parseLoraLink(path);
  return parsed.ok && parsed.path ? parsed.path : path;
}

/** What this browser may see of the catalog (lib/loras/search/visibility.ts). */
async function audienceOf(ownerId: string | null) {
  const [ownPaths, sharedPaths] = await Promise.all([ownerId ? listOwnerLoraPaths(ownerId) : Promise.resolve(new Set<string>()), getSharedLoraPaths()]);
  return { ownPaths, sharedPaths };
}

/** The catalog entries this browser may see (for the browse page's tag list). */
export async function visibleCatalogEntries(ownerId: string | null): Promise<CatalogEntry[]> {
  await ensureStarterCatalog();
  const [catalog, audience] = await Promise.all([getCatalogEntries(), audienceOf(ownerId)]);
  return visibleLoras(catalog, audience);
}

/**
 * Local catalog hits at once (starter set seeded on first use), plus Hugging Face and Civitai
 * hits when asked, deduplicated against local ones by canonical path. Remote failures only
 * change `remoteStatus`.
 */
export async function searchLoras(ownerId: string | null, input: SearchLorasInput, remoteOptions: RemoteSearchOptions = {}): Promise<SearchLorasOutput> {
  await ensureStarterCatalog();
  const query = input.query.trim();
  const family = input.modelId ? findModel(input.modelId)?.loraFamily : undefined;
  const wantRemote = Boolean(input.includeRemote) && query.length >= 2 && family !== undefined;

  const remotePromise = wantRemote
    ? Promise.all([searchHuggingFace(query, family!, remoteOptions), searchCivitai(query, family!, remoteOptions)])
    : Promise.resolve(null);

  const [catalog, prefRows, audience] = await Promise.all([getCatalogEntries(), ownerId ? getLoraPreferences(ownerId) : Promise.resolve([]), audienceOf(ownerId)]);
  const all = visibleLoras(catalog, audience);
  const prefs = new Map(prefRows.map((p) => [p.loraPath, p]));
  const favorites = new Set(prefRows.filter((p) => p.favorite).map((p) => p.loraPath));
  // Known to be for another base: left out. Unknown base (not resolved yet): kept.
  const candidates: CatalogEntry[] = family ? all.filter((e) => e.base === family || e.base === "unknown") : all;
  const ranked = rankLoras(query, candidates, { favorites, limit: input.limit ?? 30 });
  const local = ranked.map((r) => toResult(r.entry, r.score, prefs.get(r.entry.path)));

  const answers = await remotePromise;
  if (!answers) return { local, remote: [], remoteStatus: "skipped" };
  const failed = answers.filter((a) => !a.ok).length;
  const remoteStatus: RemoteStatus = failed === 0 ? "ok" : failed === answers.length ? "unavailable" : "partial";
  const known = new Set(all.map((e) => e.path));
  const seen = new Set<string>();
  const remote = answers
    .flatMap((a) => a.entries)
    .filter((e) => {
      const key = canonicalPath(e.path);
      if (known.has(key) || known.has(e.path) || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (b.downloads ?? 0) - (a.downloads ?? 0))
    .map((e) => toResult(e, 0, prefs.get(e.path)));
  return { local, remote, remoteStatus };
}

// ---- browse -----------------------------------------------------------------------------

export interface CatalogFilter {
  /** Search words, matched and ranked as the LoRA boxes' search does (typos, prefixes); blank: no search. */
  q?: string;
  tag?: string;
  source?: string;
  base?: string;
  /** Opaque, from the previous page's nextCursor. */
  cursor?: string;
  /** Default 48, at most 100. */
  limit?: number;
}

export interface CatalogPage {
  items: LoraSearchResult[];
  nextCursor: string | null;
  total: number;
}

/**
 * Catalog rows (starter, resolved and used) for the browse page: most used first, then starter,
 * then title; with `q`, only the rows the search ranks, best match first.
 */
export async function listCatalog(ownerId: string | null, filter: CatalogFilter = {}): Promise<CatalogPage> {
  await ensureStarterCatalog();
  const [catalog, prefRows, audience] = await Promise.all([getCatalogEntries(), ownerId ? getLoraPreferences(ownerId) : Promise.resolve([]), audienceOf(ownerId)]);
  const all = visibleLoras(catalog, audience);
  const prefs = new Map(prefRows.map((p) => [p.loraPath, p]));
  const tag = filter.tag?.toLowerCase();
  const filtered = all
    .filter((e) => (!tag || e.tags.some((t) => t.toLowerCase() === tag)) && (!filter.source || e.source === filter.source) && (!filter.base || e.base === filter.base))
    .sort((a, b) => b.usageCount - a.usageCount || Number(b.starter) - Number(a.starter) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  const query = filter.q?.trim() ?? "";
  const favorites = new Set(prefRows.filter((p) => p.favorite).map((p) => p.loraPath));
  const rows = query ? rankLoras(query, filtered, { favorites, limit: filtered.length }).map((r) => r.entry) : filtered;
  const limit = Math.min(Math.max(filter.limit ?? 48, 1), 100);
  const offset = decodeCursor(filter.cursor);
  const page = rows.slice(offset, offset + limit);
  return {
    items: page.map((e) => toResult(e, 0, prefs.get(e.path))),
    nextCursor: offset + limit < rows.length ? encodeCursor(offset + limit) : null,
    total: rows.length,
  };
}

function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString("base64url");
}

function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^o:(\d{1,7})$/.exec(Buffer.from(cursor, "base64url").toString());
  return m ? Number(m[1]) : 0;
}
