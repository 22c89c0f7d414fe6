import { getLiveImageWithOwner } from "@/lib/db/image-queries";
import { getOwnerId } from "@/lib/owner/session";
import { parseImageVariant, PRIVATE_IMMUTABLE, serveImageResponse } from "@/lib/storage/serve-image";

/**
 * Image bytes for their owner only; `?size=thumb` for the WebP thumbnail, `?download=1` to save it.
 * Bytes behind an id never change, so they cache (privately) for a year.
 */
export async function GET(request: Request, ctx: RouteContext<"/api/images/[id]">) {
  const { id } = await ctx.params;
  const variant = parseImageVariant(new URL(request.url).searchParams.get("size"));
  if (!variant) return new Response("Unknown size; use size=thumb or leave it out", { status: 400, headers: { "cache-control": "no-store" } });
  const [image, ownerId] = await Promise.all([getLiveImageWithOwner(id), getOwnerId()]);
  // Same 404 for "missing", "deleted" and "not yours": an id guess learns nothing.
  if (!image || !ownerId || image.generation.ownerId !== ownerId) {
    return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  }
  return serveImageResponse(request, image, { variant, cacheControl: PRIVATE_IMMUTABLE });
}
