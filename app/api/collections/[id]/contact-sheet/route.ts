import { badSheetSize, contactSheetResponse, ownerContactSheet } from "@/lib/explore/contact-sheet-data";
import { parseSheetSize } from "@/lib/explore/contact-sheet-request";
import { getOwnerId } from "@/lib/owner/session";

/**
 * The owner's sweep collection as one PNG (`?size=` pixels per tile, 128–512, default 256),
 * as a download. Someone else's collection, a missing one and a malformed id are the same 404.
 * Not cached: the collection changes as cells finish or are removed.
 */
export async function GET(request: Request, ctx: RouteContext<"/api/collections/[id]/contact-sheet">) {
  const { id } = await ctx.params;
  const size = parseSheetSize(new URL(request.url).searchParams.get("size"));
  if (!size.ok) return badSheetSize(size.message);
  const ownerId = await getOwnerId();
  if (!ownerId || !/^[A-Za-z0-9_-]{1,100}$/.test(id)) return contactSheetResponse({ ok: false, reason: "not_found", message: "Not found" }, { cacheControl: "no-store" });
  return contactSheetResponse(await ownerContactSheet(id, ownerId, size.size), { cacheControl: "private, no-store" });
}
