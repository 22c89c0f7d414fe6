"use server";

import { z } from "zod";
import { idSchema, notFound, runAction } from "@/lib/actions/action";
import { restoreGeneration, softDeleteGeneration } from "@/lib/db/gallery-queries";
import type { Result } from "@/lib/errors";
import { MAX_CURSOR_CHARS } from "@/lib/gallery/cursor";
import { loadGalleryPageFor } from "@/lib/gallery/list";
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
  return runAction("loadGalleryPage", pageRequestSchema, raw, async (input) => ({ ok: true, ...(await loadGalleryPageFor(await getOwnerId(), input)) }), {
    invalidMessage: "That gallery request is malformed; reload the page.",
  });
}

const NOT_IN_GALLERY = "That generation is not in your gallery.";

/** Same answer for "missing" and "someone else's": an id guess learns nothing. */
function ownedChange(name: string, raw: unknown, change: (id: string, ownerId: string) => Promise<boolean>): Promise<Result<object>> {
  return runAction(
    name,
    idSchema,
    raw,
    async (id) => {
      const ownerId = await getOwnerId();
      return ownerId && (await change(id, ownerId)) ? { ok: true } : notFound(NOT_IN_GALLERY);
    },
    { invalidMessage: NOT_IN_GALLERY },
  );
}

/** Hides one of the caller's generations at once; restoreGenerationAction undoes it. */
export async function deleteGenerationAction(id: unknown): Promise<Result<object>> {
  return ownedChange("deleteGenerationAction", id, softDeleteGeneration);
}

export async function restoreGenerationAction(id: unknown): Promise<Result<object>> {
  return ownedChange("restoreGenerationAction", id, restoreGeneration);
}
