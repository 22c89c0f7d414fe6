"use server";

import { z } from "zod";
import {
  addGenerationToCollection,
  createCollection,
  deleteCollection,
  listCollectionsForOwner,
  moveCollectionItem,
  removeGenerationFromCollection,
  renameCollection,
} from "@/lib/db/collection-queries";
import { shareCollection, shareGeneration, unshareCollection, unshareGeneration } from "@/lib/db/share-queries";
import { COLLECTION_NAME_MAX } from "@/lib/collections/limits";
import { toCollectionListItem, type CollectionListItem } from "@/lib/collections/view";
import { toErrorShape, type AppErrorShape, type Result } from "@/lib/errors";
import { ensureOwnerId, getOwnerId } from "@/lib/owner/session";
import { collectionSharePath, generationSharePath } from "@/lib/sharing/slug";

/**
 * Collections and share links. Every action validates its arguments with zod, reads the owner
 * from the signed cookie (never from the arguments) and lets the query layer check ownership:
 * someone else's id gets the same answer as a missing one. Nothing throws to the browser.
 */

const idSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, "Not a valid id");
const nameSchema = z
  .string()
  .transform((s) => s.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1, "Give the collection a name").max(COLLECTION_NAME_MAX, `A name has at most ${COLLECTION_NAME_MAX} characters`));
const indexSchema = z.number().int().min(0).max(100_000);

const invalid = (error: z.ZodError, field?: string): { ok: false; error: AppErrorShape } => ({
  ok: false,
  error: { code: "invalid_input", message: error.issues[0]?.message ?? "Check the input", ...(field ? { field } : {}) },
});

const collectionGone: { ok: false; error: AppErrorShape } = {
  ok: false,
  error: { code: "permission_denied", message: "That collection is not available: it may have been deleted." },
};
const resultGone: { ok: false; error: AppErrorShape } = {
  ok: false,
  error: { code: "permission_denied", message: "That result is not available: it may have been deleted." },
};

async function guarded<T>(name: string, run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (err) {
    const error = toErrorShape(err);
    if (error.code === "internal") console.error(`${name} failed`, err);
    return { ok: false, error };
  }
}

/** The owner's collections (newest change first); with a generation id, each says whether that result is in it. */
export async function listCollectionsAction(generationId?: unknown): Promise<Result<{ collections: CollectionListItem[] }>> {
  const gid = generationId === undefined || generationId === null ? undefined : idSchema.safeParse(generationId);
  if (gid && !gid.success) return invalid(gid.error, "generationId");
  return guarded("listCollectionsAction", async () => {
    const ownerId = await getOwnerId();
    if (!ownerId) return { ok: true, collections: [] };
    const rows = await listCollectionsForOwner(ownerId, gid ? { containing: gid.data } : {});
    return { ok: true, collections: rows.map(toCollectionListItem) };
  });
}

/** Creates a collection; with a generation id, puts that result in it straight away. */
export async function createCollectionAction(name: unknown, generationId?: unknown): Promise<Result<{ collection: CollectionListItem }>> {
  const parsedName = nameSchema.safeParse(name);
  if (!parsedName.success) return invalid(parsedName.error, "name");
  const gid = generationId === undefined || generationId === null ? undefined : idSchema.safeParse(generationId);
  if (gid && !gid.success) return invalid(gid.error, "generationId");
  return guarded("createCollectionAction", async () => {
    const ownerId = await ensureOwnerId();
    const created = await createCollection(ownerId, { name: parsedName.data });
    if (gid) {
      const containsGeneration = await addGenerationToCollection(created.id, gid.data, ownerId);
      if (!containsGeneration) {
        // The result is not this owner's (or is gone): leave nothing behind.
        await deleteCollection(created.id, ownerId);
        return resultGone;
      }
    }
    const [summary] = (await listCollectionsForOwner(ownerId, gid ? { containing: gid.data } : {})).filter((c) => c.id === created.id);
    return { ok: true, collection: toCollectionListItem(summary) };
  });
}

export async function renameCollectionAction(id: unknown, name: unknown): Promise<Result<{ name: string }>> {
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return invalid(parsedId.error, "id");
  const parsedName = nameSchema.safeParse(name);
  if (!parsedName.success) return invalid(parsedName.error, "name");
  return guarded("renameCollectionAction", async () => {
    const ownerId = await getOwnerId();
    if (!ownerId || !(await renameCollection(parsedId.data, ownerId, parsedName.data))) return collectionGone;
    return { ok: true, name: parsedName.data };
  });
}

export async function deleteCollectionAction(id: unknown): Promise<Result<object>> {
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return invalid(parsedId.error, "id");
  return guarded<object>("deleteCollectionAction", async () => {
    const ownerId = await getOwnerId();
    if (!ownerId || !(await deleteCollection(parsedId.data, ownerId))) return collectionGone;
    return { ok: true };
  });
}

export async function addToCollectionAction(collectionId: unknown, generationId: unknown): Promise<Result<object>> {
  const cid = idSchema.safeParse(collectionId);
  if (!cid.success) return invalid(cid.error, "collectionId");
  const gid = idSchema.safeParse(generationId);
  if (!gid.success) return invalid(gid.error, "generationId");
  return guarded<object>("addToCollectionAction", async () => {
    const ownerId = await getOwnerId();
    if (!ownerId || !(await addGenerationToCollection(cid.data, gid.data, ownerId))) {
      return { ok: false, error: { code: "permission_denied", message: "That result or collection is not available: it may have been deleted." } };
    }
    return { ok: true };
  });
}

export async function removeFromCollectionAction(collectionId: unknown, generationId: unknown): Promise<Result<object>> {
  const cid = idSchema.safeParse(collectionId);
  if (!cid.success) return invalid(cid.error, "collectionId");
  const gid = idSchema.safeParse(generationId);
  if (!gid.success) return invalid(gid.error, "generationId");
  return guarded<object>("removeFromCollectionAction", async () => {
    const ownerId = await getOwnerId();
    if (!ownerId || !(await removeGenerationFromCollection(cid.data, gid.data, ownerId))) return collectionGone;
    return { ok: true };
  });
}

/** Moves a result to a 0-based index in the collection's order (clamped to its ends). */
export async function moveCollectionItemAction(collectionId: unknown, generationId: unknown, toIndex: unknown): Promise<Result<object>> {
  const cid = idSchema.safeParse(collectionId);
  if (!cid.success) return invalid(cid.error, "collectionId");
  const gid = idSchema.safeParse(generationId);
  if (!gid.success) return invalid(gid.error, "generationId");
  const index = indexSchema.safeParse(toIndex);
  if (!index.success) return invalid(index.error, "toIndex");
  return guarded<object>("moveCollectionItemAction", async () => {
    const ownerId = await getOwnerId();
    if (!ownerId || !(await moveCollectionItem(cid.data, gid.data, ownerId, index.data))) return collectionGone;
    return { ok: true };
  });
}

export interface ShareState {
  shared: boolean;
  /** "/s/{slug}" or "/c/{slug}" while shared, else null. */
  path: string | null;
}

/** Shares (a new slug unless already shared) or revokes (the link stops working at once) a result. */
export async function setGenerationSharedAction(id: unknown, shared: unknown): Promise<Result<ShareState>> {
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return invalid(parsedId.error, "id");
  const on = z.boolean().safeParse(shared);
  if (!on.success) return invalid(on.error, "shared");
  return guarded("setGenerationSharedAction", async () => {
    const ownerId = await getOwnerId();
    if (!ownerId) return resultGone;
    if (on.data) {
      const slug = await shareGeneration(parsedId.data, ownerId);
      return slug ? { ok: true, shared: true, path: generationSharePath(slug) } : resultGone;
    }
    return (await unshareGeneration(parsedId.data, ownerId)) ? { ok: true, shared: false, path: null } : resultGone;
  });
}

export async function setCollectionSharedAction(id: unknown, shared: unknown): Promise<Result<ShareState>> {
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return invalid(parsedId.error, "id");
  const on = z.boolean().safeParse(shared);
  if (!on.success) return invalid(on.error, "shared");
  return guarded("setCollectionSharedAction", async () => {
    const ownerId = await getOwnerId();
    if (!ownerId) return collectionGone;
    if (on.data) {
      const slug = await shareCollection(parsedId.data, ownerId);
      return slug ? { ok: true, shared: true, path: collectionSharePath(slug) } : collectionGone;
    }
    return (await unshareCollection(parsedId.data, ownerId)) ? { ok: true, shared: false, path: null } : collectionGone;
  });
}
