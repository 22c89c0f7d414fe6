import "server-only";
import { getCollectionForOwner } from "@/lib/db/collection-queries";
import { toGenerationView } from "@/lib/generation/view";
import { collectionSharePath } from "@/lib/sharing/slug";
import { parseAxes, parseCell } from "@/lib/sharing/view";
import { sweepFromCollection, type LiveSweep } from "./live";

/**
 * The owner's sweep collection as the studio's grid (a reload or the back button brings the
 * last sweep back). Null for anyone else's, a plain collection, or a malformed id.
 */
export async function loadSweepForOwner(ownerId: string | null, id: string | null): Promise<LiveSweep | null> {
  if (!ownerId || !id || !/^[A-Za-z0-9_-]{1,100}$/.test(id)) return null;
  const collection = await getCollectionForOwner(id, ownerId);
  const axes = collection?.kind === "sweep" ? parseAxes(collection.axes) : null;
  if (!collection || !axes) return null;
  const items = collection.items.map((item) => ({ cell: parseCell(item.cell), generation: toGenerationView(item.generation) }));
  const sharePath = collection.shareSlug ? collectionSharePath(collection.shareSlug) : null;
  return sweepFromCollection({ id: collection.id, name: collection.name, axes, sharePath }, items);
}
