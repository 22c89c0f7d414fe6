import { z } from "zod";
import { positionAfter, type GalleryPosition } from "@/lib/db/gallery-order";
import { GALLERY_SORTS, type GallerySort } from "./filters";

// Keyset pagination: a cursor names the last row a page showed by its sort key and id, so the
// next page is "rows after this one" in index order, never OFFSET (which rereads every skipped
// row and shifts when rows are added or deleted). Opaque to the browser: base64url JSON,
// validated on the way back in. It is not signed — it only positions a query that is
// always limited to the caller's own rows, so a forged one can reveal nothing.

/** A cursor carries the query's keyset position (lib/db/gallery-order.ts). */
export type GalleryCursor = GalleryPosition;

export const MAX_CURSOR_CHARS = 256;

/**
 * The largest key each sort's column can hold: beyond them the query itself fails (an Invalid
 * Date; an INT4 overflow on PostgreSQL), so a forged cursor must be refused here instead.
 */
const MAX_DATE_MS = 8_640_000_000_000_000; // ECMAScript's last representable Date
const MAX_INT4 = 2_147_483_647; // costMicroUsd is an Int column
const maxKey = (sort: GallerySort) => (sort === "cost" ? MAX_INT4 : MAX_DATE_MS);

const cursorSchema = z
  .object({
    v: z.literal(1),
    s: z.enum(GALLERY_SORTS),
    k: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    i: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  })
  .strict();

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(encoded: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded) || encoded.length % 4 === 1) return null;
  try {
    const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

export function encodeCursor(cursor: GalleryCursor): string {
  const parsed = cursorSchema.parse({ v: 1, s: cursor.sort, k: cursor.key, i: cursor.id });
  return toBase64Url(JSON.stringify(parsed));
}

/**
 * The cursor, or null when it is malformed, tampered with, or made for another sort (a cursor
 * from "newest" means nothing in "cost" order).
 */
export function decodeCursor(raw: string, sort: GallerySort): GalleryCursor | null {
  if (!raw || raw.length > MAX_CURSOR_CHARS) return null;
  const json = fromBase64Url(raw);
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success || parsed.data.s !== sort || parsed.data.k > maxKey(sort)) return null;
  return { sort: parsed.data.s, key: parsed.data.k, id: parsed.data.i };
}

/** The cursor that continues after this row in this sort. */
export const cursorAfter: (row: { id: string; createdAt: Date; costMicroUsd: number }, sort: GallerySort) => GalleryCursor = positionAfter;
