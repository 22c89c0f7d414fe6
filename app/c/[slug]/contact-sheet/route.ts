import { badSheetSize, contactSheetResponse, sharedContactSheet } from "@/lib/explore/contact-sheet-data";
import { parseSheetSize } from "@/lib/explore/contact-sheet-request";

const NOINDEX = { "x-robots-tag": "noindex" };

/**
 * The sweep shared under {slug} as one PNG (`?size=` pixels per tile, 128–512, default 256), as
 * a download. Only while shared: revoking makes it a 404 at once. Unlike the image URLs this
 * one has no content version and the collection can change, so nothing may keep a copy.
 */
export async function GET(request: Request, ctx: RouteContext<"/c/[slug]/contact-sheet">) {
  const { slug } = await ctx.params;
  const size = parseSheetSize(new URL(request.url).searchParams.get("size"));
  if (!size.ok) return badSheetSize(size.message, NOINDEX);
  return contactSheetResponse(await sharedContactSheet(slug, size.size), { cacheControl: "no-store", headers: NOINDEX });
}
