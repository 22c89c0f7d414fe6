import { gridViewForOwner } from "@/lib/grid/service";
import { getOwnerId } from "@/lib/owner/session";

/** One grid as it runs on the server, for the page's polling (owner only; 404 otherwise). */
export async function GET(_request: Request, context: RouteContext<"/api/grids/[id]">) {
  const { id } = await context.params;
  const ownerId = await getOwnerId();
  const view = ownerId && /^[A-Za-z0-9_-]{1,100}$/.test(id) ? await gridViewForOwner(ownerId, id) : null;
  if (!view) return Response.json({ error: "not_found" }, { status: 404, headers: { "cache-control": "no-store" } });
  return Response.json(view, { headers: { "cache-control": "no-store" } });
}
