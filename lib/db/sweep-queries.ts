import "server-only";
import { getDb } from "./client";

/**
 * Deletes the owner's sweep collection when nothing was saved into it (every cell failed or
 * was cancelled), so an abandoned sweep leaves no empty collection behind. True when deleted.
 */
export async function deleteEmptySweep(id: string, ownerId: string): Promise<boolean> {
  const { count } = await getDb().collection.deleteMany({ where: { id, ownerId, kind: "sweep", items: { none: {} } } });
  return count > 0;
}
