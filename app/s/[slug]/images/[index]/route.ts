import { getSharedGenerationImage } from "@/lib/db/share-queries";
import { parseImageIndex, serveSharedImage } from "@/lib/sharing/image-route";

/**
 * Image {index} of a shared result (`?size=thumb` for its thumbnail, `?download=1` to save it),
 * for anyone holding the link — and only while it is shared.
 *
 * Caching: `public, max-age=60, must-revalidate` with the content hash as ETag. The URL carries
 * the share slug, not the image id: revoking clears the slug, so from the next request on every
 * URL under it answers 404 (`no-store`), and sharing again draws a new slug (new URLs). A cache
 * in front may serve its copy for at most a minute, then asks again: a 304 while the link is
 * shared, the 404 once it is not. (A year of `immutable` let a CDN keep a revoked link alive.)
 */
export async function GET(request: Request, ctx: RouteContext<"/s/[slug]/images/[index]">) {
  const { slug, index } = await ctx.params;
  const i = parseImageIndex(index);
  return serveSharedImage(request, i === null ? null : await getSharedGenerationImage(slug, i));
}
