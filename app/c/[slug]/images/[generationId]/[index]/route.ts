import { getSharedCollectionImage } from "@/lib/db/share-queries";
import { parseImageIndex, serveSharedImage } from "@/lib/sharing/image-route";

/**
 * Image {index} of result {generationId}, only while that result is a visible item of the
 * collection shared under {slug}: the slug is the permission, the generation id only picks an
 * item inside it (any other id, or a removed or deleted item, is a 404).
 *
 * Caching as for /s/{slug}/images: a minute, then revalidate, so a revoked link (and a removed
 * item) stops being served by caches in front within a minute.
 */
export async function GET(request: Request, ctx: RouteContext<"/c/[slug]/images/[generationId]/[index]">) {
  const { slug, generationId, index } = await ctx.params;
  const i = parseImageIndex(index);
  const ok = i !== null && /^[A-Za-z0-9_-]{1,100}$/.test(generationId);
  return serveSharedImage(request, ok ? await getSharedCollectionImage(slug, generationId, i!) : null);
}
