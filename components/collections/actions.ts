"use server";

import { z } from "zod";
import { idSchema, notFound, runAction } from "@/lib/actions/action";
import {
  addGenerationToCollection,
  deleteCollection,
  listCollectionsForOwner,
  moveCollectionItem,
  removeGenerationFromCollection,
  renameCollection,
} from "@/lib/db/collection-queries";
import { shareCollection, shareGeneration, unshareCollection, unshareGeneration } from "@/lib/db/share-queries";
import { collectionNameSchema } from "@/lib/collections/limits";
import { COLLECTION_GONE, RESULT_GONE, createCollectionFor } from "@/lib/collections/manage";
import { toCollectionListItem, type CollectionListItem } from "@/lib/collections/view";
import type { Result } from "@/lib/errors";
import { ensureOwnerId, getOwnerId } from "@/lib/owner/session";
import { collectionSharePath, generationSharePath } from "@/lib/sharing/slug";

/**
 * Collections and share links, each written the one way (lib/actions/action.ts): zod, the owner
 * from the signed cookie (never from the arguments), one query or use case, a typed result.
 * Someone else's id gets the same `not_found` as a missing one.
 */

const indexSchema = z.number().int().min(0).max(100_000);
const optionalId = idSchema.nullish().transform((v) => v ?? undefined);

/** The owner's collections (newest change first); with a generation id, each says whether that result is in it. */
export async function listCollectionsAction(generationId?: unknown): Promise<Result<{ collections: CollectionListItem[] }>> {
  return runAction("listCollectionsAction", z.object({ generationId: optionalId }), { generationId }, async (input) => {
    const ownerId = await getOwnerId();
    if (!ownerId) return { ok: true, collections: [] };
    const rows = await listCollectionsForOwner(ownerId, input.generationId ? { containing: input.generationId } : {});
    return { ok: true, collections: rows.map(toCollectionListItem) };
  });
}

/** Creates a collection; with a generation id, puts that result in it straight away. */
export async function createCollectionAction(name: unknown, generationId?: unknown): Promise<Result<{ collection: CollectionListItem }>> {
  return runAction("createCollectionAction", z.object({ name: collectionNameSchema, generationId: optionalId }), { name, generationId }, async (input) =>
    createCollectionFor(await ensureOwnerId(), input.name, input.generationId),
  );
}

export async function renameCollectionAction(id: unknown, name: unknown): Promise<Result<{ name: string }>> {
  return runAction("renameCollectionAction", z.object({ id: idSchema, name: collectionNameSchema }), { id, name }, async (input) => {
    const ownerId = await getOwnerId();
    if (!ownerId || !(await renameCollection(input.id, ownerId, input.name))) return notFound(COLLECTION_GONE);
    return { ok: true, name: input.name };
  });
}

export async function deleteCollectionAction(id: unknown): Promise<Result<object>> {
  return runAction("deleteCollectionAction", z.object({ id: idSchema }), { id }, async (input) => {
    const ownerId = await getOwnerId();
    if (!ownerId || !(await deleteCollection(input.id, ownerId))) return notFound(COLLECTION_GONE);
    return { ok: true };
  });
}

const itemSchema = z.object({ collectionId: idSchema, generationId: idSchema });

export async function addToCollectionAction(collectionId: unknown, generationId: unknown): Promise<Result<object>> {
  return runAction("addToCollectionAction", itemSchema, { collectionId, generationId }, async (input) => {
    const ownerId = await getOwnerId();
    if (!ownerId || !(await addGenerationToCollection(input.collectionId, input.generationId, ownerId))) {
      return notFound("That result or collection is not available: it may have been deleted.");
    }
    return { ok: true };
  });
}

export async function removeFromCollectionAction(collectionId: unknown, generationId: unknown): Promise<Result<object>> {
  return runAction("removeFromCollectionAction", itemSchema, { collectionId, generationId }, async (input) => {
    const ownerId = await getOwnerId();
    if (!ownerId || !(await removeGenerationFromCollection(input.collectionId, input.generationId, ownerId))) return notFound(COLLECTION_GONE);
    return { ok: true };
  });
}

/** Moves a result to a 0-based index in the collection's order (clamped to its ends). */
export async function moveCollectionItemAction(collectionId: unknown, generationId: unknown, toIndex: unknown): Promise<Result<object>> {
  return runAction("moveCollectionItemAction", itemSchema.extend({ toIndex: indexSchema }), { collectionId, generationId, toIndex }, async (input) => {
    const ownerId = await getOwnerId();
    if (!ownerId || !(await moveCollectionItem(input.collectionId, input.generationId, ownerId, input.toIndex))) return notFound(COLLECTION_GONE);
    return { ok: true };
  });
}

export interface ShareState {
  shared: boolean;
  /** "/s/{slug}" or "/c/{slug}" while shared, else null. */
  path: string | null;
}

const shareSchema = z.object({ id: idSchema, shared: z.boolean() });

/** Shares (a new slug unless already shared) or revokes (the link stops working at once) a result. */
export async function setGenerationSharedAction(id: unknown, shared: unknown): Promise<Result<ShareState>> {
  return runAction("setGenerationSharedAction", shareSchema, { id, shared }, async (input) => {
    const ownerId = await getOwnerId();
    if (!ownerId) return notFound(RESULT_GONE);
    if (input.shared) {
      const slug = await shareGeneration(input.id, ownerId);
      return slug ? { ok: true, shared: true, path: generationSharePath(slug) } : notFound(RESULT_GONE);
    }
    return (await unshareGeneration(input.id, ownerId)) ? { ok: true, shared: false, path: null } : notFound(RESULT_GONE);
  });
}

export async function setCollectionSharedAction(id: unknown, shared: unknown): Promise<Result<ShareState>> {
  return runAction("setCollectionSharedAction", shareSchema, { id, shared }, async (input) => {
    const ownerId = await getOwnerId();
    if (!ownerId) return notFound(COLLECTION_GONE);
    if (input.shared) {
      const slug = await shareCollection(input.id, ownerId);
      return slug ? { ok: true, shared: true, path: collectionSharePath(slug) } : notFound(COLLECTION_GONE);
    }
    return (await unshareCollection(input.id, ownerId)) ? { ok: true, shared: false, path: null } : notFound(COLLECTION_GONE);
  });
}
