import { getSharedGenerationImage } from "@/lib/db/share-queries";
import { parseImageIndex, serveSharedImage } from "@/lib/sharing/image-route";

/**
 * Image {index} of a shared result (`?size=thumb` for its thumbnail, `?download=1` to save it),
 * for anyone holding the link — and only while it is shared.
 *
 * Why `Cache-Control: public, max-age=31536000, immutable` and revoking still works: the URL
 * carries the share slug, not the image id. Revoking clears the slug, so from the next request
 * on every URL under it answers 404 (`no-store`), and sharing again draws a new slug (new URLs),
 * so a revoked URL never serves again. Under one slug the bytes never change (content-addressed;
 * `?v=` is their hash), so immutable caching is correct; what a browser or CDN already holds is
 * only what its viewer already saw through the link.
 */
export async function GET(request: Request, ctx: RouteContext<"/s/[slug]/images/[index]">) {
  const { slug, index } = await ctx.params;
  const i = parseImageIndex(index);
  return serveSharedImage(request, i === null ? null : await getSharedGenerationImage(slug, i));
}
