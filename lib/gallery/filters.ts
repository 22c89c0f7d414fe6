import { z } from "zod/mini";
import "@/lib/validation/mini";
import { GALLERY_ORDERS, type GalleryOrder } from "@/lib/db/gallery-order";
import { PROVIDER_RECORD_NAMES } from "@/lib/providers/names";

// The gallery's URL (?q=&lora=&model=&from=&to=&provider=&sort=) ⇄ typed filters. Pure, so the
// page, the server action and the browser share one reading. Every field is parsed on its
// own: a bad value falls back to "not set" without spoiling the others, so an edited or
// truncated link still opens a gallery.

export const GALLERY_SORTS = GALLERY_ORDERS;
export type GallerySort = GalleryOrder;

export const GALLERY_PROVIDERS = PROVIDER_RECORD_NAMES;
export type GalleryProvider = (typeof GALLERY_PROVIDERS)[number];

/** What listGallery filters by. Dates are instants: `from` inclusive, `to` exclusive. */
export interface GalleryFilters {
  /** A LoRA path, exactly as stored (either slot). */
  lora?: string;
  model?: string;
  /** Words that must all appear (case-insensitive) in the typed prompt or the prompt sent. */
  q?: string;
  from?: Date;
  to?: Date;
  provider?: GalleryProvider;
}

/** The URL form: strings as typed, "" when unset (form controls want strings). Days are UTC "YYYY-MM-DD". */
export interface GalleryParams {
  sort: GallerySort;
  q: string;
  lora: string;
  model: string;
  from: string;
  to: string;
  provider: GalleryProvider | "";
}

export const MAX_QUERY_CHARS = 200;
/** More words than this are ignored: each one is another condition on every row. */
export const MAX_QUERY_WORDS = 8;
const MAX_LORA_CHARS = 2048;
const MAX_MODEL_CHARS = 200;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** "2026-11-25" → that day's UTC midnight; null unless a real calendar day. */
export function parseDay(text: string): Date | null {
  const m = DAY.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1970 || y > 9999) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 2026-02-30 over to March: only a round trip proves the day exists.
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

/** A Date → its UTC day "YYYY-MM-DD". */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Two inclusive UTC days (either may be empty) → the instants to filter by: `from` at its
 * midnight, `to` at the midnight after it (exclusive), so "to 25 Nov" includes all of the 25th.
 * Days given the wrong way round are swapped rather than matching nothing.
 */
export function dayRange(fromDay: string, toDay: string): { from?: Date; to?: Date } {
  let from = fromDay ? parseDay(fromDay) : null;
  let to = toDay ? parseDay(toDay) : null;
  if (from && to && from > to) [from, to] = [to, from];
  return {
    ...(from ? { from } : {}),
    ...(to ? { to: new Date(to.getTime() + MS_PER_DAY) } : {}),
  };
}

export function utcDayStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function utcMonthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** The search text → distinct lower-cased words, at most MAX_QUERY_WORDS. */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}

const text = (max: number) =>
  z.catch(
    z.pipe(
      z.pipe(z.string(), z.transform((s: string) => s.trim().replace(/\s+/g, " "))),
      z.string().check(z.maxLength(max)),
    ),
    "",
  );

const day = z.catch(
  z.string().check(
    z.trim(),
    z.refine((s: string) => parseDay(s) !== null),
  ),
  "",
);

const paramsSchema = z.object({
  sort: z.catch(z.enum(GALLERY_SORTS), "newest"),
  q: z.catch(
    z.pipe(z.string(), z.transform((s: string) => s.trim().replace(/\s+/g, " ").slice(0, MAX_QUERY_CHARS))),
    "",
  ),
  lora: text(MAX_LORA_CHARS),
  model: text(MAX_MODEL_CHARS),
  from: day,
  to: day,
  provider: z.catch(z.union([z.enum(GALLERY_PROVIDERS), z.literal("")]), ""),
});

export const EMPTY_GALLERY_PARAMS: GalleryParams = { sort: "newest", q: "", lora: "", model: "", from: "", to: "", provider: "" };

const KEYS = ["q", "lora", "model", "from", "to", "provider", "sort"] as const;

/** The URL's query → params; unknown keys are ignored, bad values fall back one by one. */
export function parseGalleryParams(search: URLSearchParams): GalleryParams {
  const raw: Record<string, string> = {};
  for (const key of KEYS) raw[key] = search.get(key) ?? "";
  return paramsSchema.parse(raw);
}

/** Params → the canonical query (fixed key order, unset and default values left out). */
export function galleryParamsToSearch(params: GalleryParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of KEYS) {
    const value = params[key];
    if (!value || (key === "sort" && value === "newest")) continue;
    out.set(key, value);
  }
  return out;
}

/** "/gallery?…" for these params. */
export function galleryHref(params: GalleryParams): string {
  const query = galleryParamsToSearch(params).toString();
  return query ? `/gallery?${query}` : "/gallery";
}

/** True when anything narrows the gallery (the sort alone does not). */
export function hasActiveFilters(params: GalleryParams): boolean {
  return Boolean(params.q || params.lora || params.model || params.from || params.to || params.provider);
}

/** Params → what listGallery takes. */
export function toGalleryQuery(params: GalleryParams): { sort: GallerySort; filters: GalleryFilters } {
  const filters: GalleryFilters = { ...dayRange(params.from, params.to) };
  if (params.q) filters.q = params.q;
  if (params.lora) filters.lora = params.lora;
  if (params.model) filters.model = params.model;
  if (params.provider) filters.provider = params.provider;
  return { sort: params.sort, filters };
}
