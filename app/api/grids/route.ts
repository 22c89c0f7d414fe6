import { listGridsForOwner } from "@/lib/db/grid-queries";
import { getOwnerId } from "@/lib/owner/session";

/** The owner's latest grids (any tab, any device with the same owner cookie), newest first. */
export async function GET() {
  const ownerId = await getOwnerId();
  const grids = ownerId ? await listGridsForOwner(ownerId) : [];
  return Response.json(
    { grids: grids.map((g) => ({ id: g.id, name: g.name, cellCount: g.cellCount, open: g.open, cancelled: g.cancelledAt !== null, createdAt: g.createdAt.toISOString() })) },
    { headers: { "cache-control": "no-store" } },
  );
}
