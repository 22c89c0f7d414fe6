import "server-only";
import {
  filteredGalleryTotals as sumFiltered,
  findGalleryRows,
  galleryFacets,
  galleryTotals as sumWindows,
  type GalleryTotals,
  type GalleryWhere,
  type GalleryWindowTotals,
} from "@/lib/db/gallery-queries";
import { AppError } from "@/lib/errors";
import { cursorAfter, decodeCursor, encodeCursor } from "./cursor";
import { parseGalleryParams, searchWords, toGalleryQuery, utcDayStart, utcMonthStart, type GalleryFilters, type GallerySort } from "./filters";
import { toGalleryItems } from "./items";
import type { GalleryPageView } from "./view";
import type { GenerationWithParts } from "@/lib/db/queries";

/** The gallery use cases (server only): URL filters and opaque cursors in, pages and totals out. */

export { galleryFacets };

export const GALLERY_PAGE_SIZE = 24;
export const GALLERY_MAX_PAGE_SIZE = 60;

export interface GalleryListOptions {
  /** From the previous page's nextCursor; absent for the first page. */
  cursor?: string | null;
  /** Default 24, at most 60. */
  limit?: number;
  /** Default "newest"; "cost" is most expensive first. */
  sort?: GallerySort;
  filters?: GalleryFilters;
}

export interface GalleryPage {
  items: GenerationWithParts[];
  /** Null on the last page. */
  nextCursor: string | null;
}

function toWhere(filters: GalleryFilters): GalleryWhere {
  const { q, ...rest } = filters;
  return { ...rest, words: searchWords(q) };
}

/** One page of an owner's gallery. Throws AppError("invalid_input") for a cursor that does not decode. */
export async function listGallery(ownerId: string, options: GalleryListOptions = {}): Promise<GalleryPage> {
  const sort = options.sort ?? "newest";
  const asked = Math.floor(options.limit ?? GALLERY_PAGE_SIZE);
  const limit = Number.isFinite(asked) ? Math.min(GALLERY_MAX_PAGE_SIZE, Math.max(1, asked)) : GALLERY_PAGE_SIZE;
  const after = options.cursor ? decodeCursor(options.cursor, sort) : null;
  if (options.cursor && !after) throw new AppError({ code: "invalid_input", message: "That gallery page link is out of date; start from the first page.", field: "cursor" });
  // One row more than asked tells whether there is a next page without a count.
  const rows = await findGalleryRows(ownerId, { sort, after, where: toWhere(options.filters ?? {}), take: limit + 1 });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorAfter(last, sort)) : null };
}

/** Images and spend today and this month (UTC, relative to `now`) and all time, deleted results included. */
export function galleryTotals(ownerId: string, now: Date = new Date()): Promise<GalleryTotals> {
  return sumWindows(ownerId, { day: utcDayStart(now), month: utcMonthStart(now) });
}

/** What the gallery lists under these filters (deleted results are not listed, so not counted). */
export function filteredGalleryTotals(ownerId: string, filters: GalleryFilters): Promise<GalleryWindowTotals> {
  return sumFiltered(ownerId, toWhere(filters));
}

/** The next page as the browser gets it, from the gallery's URL query. No owner cookie: an empty gallery. */
export async function loadGalleryPageFor(ownerId: string | null, request: { query: string; cursor: string | null; limit?: number }): Promise<GalleryPageView> {
  if (!ownerId) return { items: [], nextCursor: null };
  const { sort, filters } = toGalleryQuery(parseGalleryParams(new URLSearchParams(request.query)));
  const page = await listGallery(ownerId, { sort, filters, cursor: request.cursor, limit: request.limit });
  return { items: await toGalleryItems(page.items), nextCursor: page.nextCursor };
}
