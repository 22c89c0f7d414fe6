import "server-only";
import { parseImageVariant, SHARED_REVALIDATE, serveImageResponse, type ServableImage } from "@/lib/storage/serve-image";

/** "0".."999" → a number; anything else → null (a 404 without a query). */
export function parseImageIndex(raw: string): number | null {
  return /^(0|[1-9]\d{0,2})$/.test(raw) ? Number(raw) : null;
}

/** 404 that nothing caches: a revoked link must stop answering at once, for every URL under it. */
export function sharedNotFound(): Response {
  return new Response("Not found", { status: 404, headers: { "cache-control": "no-store", "x-robots-tag": "noindex" } });
}

/**
 * Serves a shared image that the route already found under a live slug. Caches may keep it a
 * minute, then must revalidate (see SHARED_REVALIDATE), so revoking reaches CDNs too; shared
 * images stay out of search engines like the pages.
 */
export async function serveSharedImage(request: Request, image: ServableImage | null): Promise<Response> {
  if (!image) return sharedNotFound();
  const variant = parseImageVariant(new URL(request.url).searchParams.get("size"));
  if (!variant) return new Response("Unknown size; use size=thumb or leave it out", { status: 400, headers: { "cache-control": "no-store" } });
  const response = await serveImageResponse(request, image, { variant, cacheControl: SHARED_REVALIDATE });
  response.headers.set("x-robots-tag", "noindex");
  return response;
}
