import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "./client";

/**
 * Queries for the life of a running generation that several instances share: its lease, a
 * cancel asked on any instance, the store keys it wrote, and the interrupted sweep.
 */

/** Renews a running generation's lease; answers whether a cancel was asked (and whether the row is still pending). */
export async function renewLease(id: string, until: Date): Promise<{ pending: boolean; cancelAsked: boolean }> {
  const db = getDb();
  await db.generation.updateMany({ where: { id, status: "pending" }, data: { leaseExpiresAt: until } });
  return readCancel(id);
}

/** Cheap read the running instance polls (about twice a second) for a cancel asked elsewhere. */
export async function readCancel(id: string): Promise<{ pending: boolean; cancelAsked: boolean }> {
  const row = await getDb().generation.findUnique({ where: { id }, select: { status: true, cancelAskedAt: true } });
  return { pending: row?.status === "pending", cancelAsked: row?.cancelAskedAt != null };
}

/** Flags this owner's running generation for cancelling; true when there was one. */
export async function askCancel(ownerId: string, clientRequestId: string, now = new Date()): Promise<boolean> {
  const { count } = await getDb().generation.updateMany({
    where: { ownerId, clientRequestId, status: "pending" },
    data: { cancelAskedAt: now },
  });
  return count > 0;
}

/** From now on the request may cost money. */
export async function markAttempted(id: string, now = new Date()): Promise<void> {
  await getDb().generation.update({ where: { id }, data: { attemptedAt: now } });
}

/** Records store keys before they are written, so a crash between writing and the image rows leaves a trace. */
export async function setPendingKeys(id: string, keys: string[]): Promise<void> {
  await getDb().generation.update({ where: { id }, data: { pendingKeys: JSON.stringify(keys) } });
}

export async function clearPendingKeys(id: string): Promise<void> {
  await getDb().generation.update({ where: { id }, data: { pendingKeys: null } });
}

/** Keys still used: by an image row (image or thumbnail), or listed by another pending request. */
export async function keysInUse(keys: string[], exceptGenerationId: string): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const db = getDb();
  const [images, thumbs, pending] = await Promise.all([
    db.generationImage.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } }),
    db.generationImage.findMany({ where: { thumbKey: { in: keys } }, select: { thumbKey: true } }),
    db.generation.findMany({
      where: { id: { not: exceptGenerationId }, pendingKeys: { not: null }, OR: keys.map((k) => ({ pendingKeys: { contains: k } })) },
      select: { pendingKeys: true },
    }),
  ]);
  const used = new Set<string>();
  for (const i of images) used.add(i.storageKey);
  for (const t of thumbs) if (t.thumbKey) used.add(t.thumbKey);
  for (const p of pending) for (const k of JSON.parse(p.pendingKeys!) as string[]) if (keys.includes(k)) used.add(k);
  return used;
}

/** Pending rows whose lease ran out (or, from before leases, that are older than one lease). */
export async function findExpiredLeases(now: Date, leaseMs: number) {
  return getDb().generation.findMany({
    where: {
      status: "pending",
      OR: [{ leaseExpiresAt: { lt: now } }, { leaseExpiresAt: null, createdAt: { lt: new Date(now.getTime() - leaseMs) } }],
    },
    select: { id: true, ownerId: true, clientRequestId: true, provider: true, attemptedAt: true, leaseExpiresAt: true, pendingKeys: true },
    take: 500,
  });
}

/**
 * Marks one expired row interrupted, unless its instance renewed the lease (or finished) meanwhile.
 * True when this call did it (several instances may sweep at once).
 */
export async function interruptGeneration(
  row: { id: string; leaseExpiresAt: Date | null },
  outcome: { mayBeCharged: boolean; message: string },
  now = new Date(),
): Promise<boolean> {
  const { count } = await getDb().generation.updateMany({
    where: { id: row.id, status: "pending", leaseExpiresAt: row.leaseExpiresAt },
    data: {
      status: "interrupted",
      errorCode: "interrupted",
      errorMessage: outcome.message,
      mayBeCharged: outcome.mayBeCharged,
      billedMegapixels: 0,
      costMicroUsd: 0,
      completedAt: now,
    },
  });
  return count > 0;
}

/** Counts one action against a sliding window, then answers how many there were in it (this one included). */
export async function countRateEvent(bucket: string, key: string, since: Date, at = new Date()): Promise<number> {
  const db = getDb();
  await db.rateEvent.create({ data: { id: randomUUID(), bucket, key, createdAt: at } });
  return db.rateEvent.count({ where: { bucket, key, createdAt: { gte: since } } });
}

export async function oldestRateEventSince(bucket: string, key: string, since: Date): Promise<Date | null> {
  const row = await getDb().rateEvent.findFirst({ where: { bucket, key, createdAt: { gte: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
  return row?.createdAt ?? null;
}

export async function pruneRateEvents(before: Date): Promise<void> {
  await getDb().rateEvent.deleteMany({ where: { createdAt: { lt: before } } });
}

/** An owner's generations the server lost while they ran, most recent first (the gallery's notice). */
export async function listRecentInterrupted(ownerId: string, since: Date, take = 5) {
  return getDb().generation.findMany({
    where: { ownerId, status: "interrupted", deletedAt: null, createdAt: { gte: since } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, userPrompt: true, createdAt: true, errorMessage: true },
    take,
  });
}
