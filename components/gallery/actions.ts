"use server";

import { z } from "zod";
import { listGallery, restoreGeneration, softDeleteGeneration } from "@/lib/db/gallery-queries";
import { toErrorShape, type Result } from "@/lib/errors";
import { MAX_CURSOR_CHARS } from "@/lib/gallery/cursor";
import { parseGalleryParams, toGalleryQuery } from "@/lib/gallery/filters";
import { toGalleryItems } from "@/lib/gallery/items";
import type { GalleryPageView } from "@/lib/gallery/view";
import { getOwnerId } from "@/lib/owner/session";

const pageRequestSchema = z.object({
  /** The gallery's URL query ("q=cat&sort=cost"): read by the same parser as the page. */
  query: z.string().max(8_000).default(""),
  /** The previous page's nextCursor; null for the first page. */
  cursor: z.string().min(1).max(MAX_CURSOR_CHARS).nullable().default(null),
  limit: z.number().int().min(1).max(60).optional(),
});

export type GalleryPageRequest = z.input<typeof pageRequestSchema>;

/** The next page of the caller's gallery. A browser without an owner cookie has an empty gallery. */
export async function loadGalleryPage(raw: unknown): Promise<Result<GalleryPageView>> {
  const parsed = pageRequestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: "invalid_input", message: "That gallery request is malformed; reload the page." } };
  try {
    const ownerId = await getOwnerId();
    if (!ownerId) return { ok: true, items: [], nextCursor: null };
    const { sort, filters } = toGalleryQuery(parseGalleryParams(new URLSearchParams(parsed.data.query)));
    const page = await listGallery(ownerId, { sort, filters, cursor: parsed.data.cursor, limit: parsed.data.limit });
    return { ok: true, items: await toGalleryItems(page.items), nextCursor: page.nextCursor };
  } catch (err) {
    const error = toErrorShape(err);
    if (error.code === "internal") console.error("loadGalleryPage failed", err);
    return { ok: false, error };
  }
}

const idSchema = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

const NOT_FOUND = { code: "invalid_input", message: "That generation is not in your gallery." } as const;

async function ownedChange(raw: unknown, change: (id: string, ownerId: string) => Promise<boolean>, what: string): Promise<Result<object>> {
  const id = idSchema.safeParse(raw);
  if (!id.success) return { ok: false, error: { ...NOT_FOUND } };
  try {
    const ownerId = await getOwnerId();
    // Same answer for "missing" and "someone else's": an id guess learns nothing.
    if (!ownerId || !(await change(id.data, ownerId))) return { ok: false, error: { ...NOT_FOUND } };
    return { ok: true };
  } catch (err) {
    console.error(`${what} failed`, err);
    return { ok: false, error: toErrorShape(err) };
  }
}

/** Hides one of the caller's generations at once; restoreGenerationAction undoes it. */
export async function deleteGenerationAction(id: unknown): Promise<Result<object>> {
  return ownedChange(id, softDeleteGeneration, "deleteGenerationAction");
}

export async function restoreGenerationAction(id: unknown): Promise<Result<object>> {
  return ownedChange(id, restoreGeneration, "restoreGenerationAction");
}
