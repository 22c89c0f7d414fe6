import "server-only";
import {
  addGenerationToCollection,
  createCollection,
  deleteCollection,
  listCollectionsForOwner,
} from "@/lib/db/collection-queries";
import type { Result } from "@/lib/errors";
import { toCollectionListItem, type CollectionListItem } from "./view";

/**
 * Collection use cases the actions call (server only). Every one takes the owner id from the
 * caller (read from the signed cookie there) and answers "not found" for someone else's rows,
 * the same as for missing ones.
 */

export const COLLECTION_GONE = "That collection is not available: it may have been deleted.";
export const RESULT_GONE = "That result is not available: it may have been deleted.";

/**
 * Creates a collection (the name already normalized by collectionNameSchema); with a generation
 * id, puts that result in it straight away — and leaves nothing behind when the result is not
 * this owner's.
 */
export async function createCollectionFor(ownerId: string, name: string, generationId?: string): Promise<Result<{ collection: CollectionListItem }>> {
  const created = await createCollection(ownerId, { name });
  if (generationId !== undefined && !(await addGenerationToCollection(created.id, generationId, ownerId))) {
    await deleteCollection(created.id, ownerId);
    return { ok: false, error: { code: "not_found", message: RESULT_GONE } };
  }
  const listed = await listCollectionsForOwner(ownerId, generationId !== undefined ? { containing: generationId } : {});
  const summary = listed.find((c) => c.id === created.id);
  if (!summary) return { ok: false, error: { code: "not_found", message: COLLECTION_GONE } };
  return { ok: true, collection: toCollectionListItem(summary) };
}
