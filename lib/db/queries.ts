import "server-only";
import { randomUUID } from "node:crypto";
import { getDb, type Db } from "./client";
import type { GenerationParameters } from "./generation-columns";

/** A client or an interactive transaction's client: the limit checks run inside one. */
export type DbClient = Pick<Db, "generation">;

/** One exported function per query: the rest of the app never builds Prisma calls itself. */

const withParts = {
  images: { orderBy: { index: "asc" as const } },
  loras: { orderBy: { position: "asc" as const } },
};

export type GenerationWithParts = NonNullable<Awaited<ReturnType<typeof getGenerationForOwner>>>;

/** A pending row: the parameters as they are stored (lib/db/generation-columns.ts) and the rest of the request. */
export interface NewGeneration extends GenerationParameters {
  ownerId: string;
  clientRequestId: string;
  userPrompt: string;
  prompt: string;
  /** The rest of the recipe (JSON list of phrases, "before" | "after"): a re-run rebuilds the same prompt. */
  customTriggers: string;
  triggerPlacement: string;
  provider: string;
  estimateMicroUsd: number;
  ownKey: boolean;
  /** triggers: the LoRA's phrases that were on, as a JSON list. */
  loras: { position: number; path: string; scale: number; triggers: string }[];
  /** Until when the running instance holds it (renewed while it runs). */
  leaseExpiresAt?: Date;
  /** Keyed hash of the client's address (lib/http/client-address.ts). */
  addressKey?: string | null;
}

export interface StoredImage {
  index: number;
  storageKey: string;
  contentHash: string;
  mimeType: string;
  width: number;
  height: number;
  byteSize: number;
  /** WebP thumbnail in the image store; null when it could not be made (made on first request then). */
  thumbKey: string | null;
  thumbWidth: number | null;
  thumbHeight: number | null;
}

export async function getGenerationByRequest(ownerId: string, clientRequestId: string) {
  return getDb().generation.findUnique({
    where: { ownerId_clientRequestId: { ownerId, clientRequestId } },
    include: withParts,
  });
}

export async function getGenerationForOwner(id: string, ownerId: string) {
  return getDb().generation.findFirst({ where: { id, ownerId, deletedAt: null }, include: withParts });
}

/** Inserts the pending row; throws Prisma's P2002 when the same request id was already used. */
export async function createPendingGeneration(data: NewGeneration, db: DbClient = getDb()) {
  const { loras, ...fields } = data;
  return db.generation.create({
    data: {
      id: randomUUID(),
      ...fields,
      status: "pending",
      loras: { create: loras.map((l) => ({ id: randomUUID(), ...l })) },
    },
  });
}

export async function completeGeneration(
  id: string,
  result: { images: StoredImage[]; billedMegapixels: number; costMicroUsd: number },
) {
  const db = getDb();
  return db.$transaction(async (tx) => {
    await tx.generationImage.createMany({
      data: result.images.map((img) => ({ id: randomUUID(), generationId: id, ...img })),
    });
    return tx.generation.update({
      where: { id },
      data: {
        status: "succeeded",
        billedMegapixels: result.billedMegapixels,
        costMicroUsd: result.costMicroUsd,
        completedAt: new Date(),
        pendingKeys: null,
        mayBeCharged: false,
      },
      include: withParts,
    });
  });
}

/**
 * A failed generation is kept for history and records no charge; when it had reached the
 * provider and nothing proves it was not billed, it is kept as "may have been charged".
 */
export async function failGeneration(id: string, error: { code: string; message: string; mayBeCharged?: boolean }, db: DbClient = getDb()) {
  return db.generation.update({
    where: { id },
    data: {
      status: "failed",
      errorCode: error.code,
      errorMessage: error.message,
      mayBeCharged: error.mayBeCharged ?? false,
      billedMegapixels: 0,
      costMicroUsd: 0,
      completedAt: new Date(),
    },
    include: withParts,
  });
}

export async function listRecentGenerations(ownerId: string, take = 12) {
  return getDb().generation.findMany({
    where: { ownerId, status: "succeeded", deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    include: withParts,
  });
}

/**
 * What counts as an attempt against the hourly limit: running, made, or ended after reaching
 * the provider without proof it was not billed. Refusals and 4xx answers don't count.
 */
const countsAsAttempt = { OR: [{ status: { in: ["pending", "succeeded"] } }, { mayBeCharged: true }] };

/** Generations an owner started since a time that count against the rate limit. */
export async function countOwnerGenerationsSince(ownerId: string, since: Date, db: DbClient = getDb()) {
  return db.generation.count({ where: { ownerId, createdAt: { gte: since }, ...countsAsAttempt } });
}

/** The same count for one address (every owner's requests from it). */
export async function countAddressGenerationsSince(addressKey: string, since: Date, db: DbClient = getDb()) {
  return db.generation.count({ where: { addressKey, createdAt: { gte: since }, ...countsAsAttempt } });
}

export async function oldestAddressGenerationSince(addressKey: string, since: Date, db: DbClient = getDb()) {
  const row = await db.generation.findFirst({
    where: { addressKey, createdAt: { gte: since }, ...countsAsAttempt },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  return row?.createdAt ?? null;
}

/** When the oldest counted generation in the window was made, to say when a slot frees up. */
export async function oldestOwnerGenerationSince(ownerId: string, since: Date, db: DbClient = getDb()) {
  const row = await db.generation.findFirst({
    where: { ownerId, createdAt: { gte: since }, ...countsAsAttempt },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  return row?.createdAt ?? null;
}

/**
 * What the deployment's Together key spent since a time: charged successes, plus the estimates
 * of requests in flight and of those that may have been charged (cancelled, timed out,
 * interrupted… after reaching Together).
 */
export async function deploymentSpendSince(since: Date, db: DbClient = getDb()): Promise<number> {
  const [charged, uncertain] = await Promise.all([
    db.generation.aggregate({ _sum: { costMicroUsd: true }, where: { createdAt: { gte: since }, provider: "together", ownKey: false, status: "succeeded" } }),
    db.generation.aggregate({
      _sum: { estimateMicroUsd: true },
      where: { createdAt: { gte: since }, provider: "together", ownKey: false, OR: [{ status: "pending" }, { status: { not: "succeeded" }, mayBeCharged: true }] },
    }),
  ]);
  return (charged._sum.costMicroUsd ?? 0) + (uncertain._sum.estimateMicroUsd ?? 0);
}

export async function getLoraByKey(key: string) {
  return getDb().lora.findUnique({ where: { key } });
}

/** Cached cards for the given Together paths (the generate action checks their verdicts). */
export async function getLorasByPaths(paths: string[]) {
  if (paths.length === 0) return [];
  return getDb().lora.findMany({ where: { path: { in: paths } }, orderBy: { fetchedAt: "desc" } });
}

export interface LoraCacheRow {
  key: string;
  path: string;
  source: string;
  title: string;
  base: string;
  card: string;
  metadataAvailable: boolean;
  fetchedAt: Date;
  /** JSON arrays of strings, copied from the card for search (lib/loras/search). */
  triggers?: string;
  tags?: string;
  previewUrl?: string | null;
}

export async function upsertLora(row: LoraCacheRow) {
  const { key, ...fields } = row;
  return getDb().lora.upsert({ where: { key }, create: { id: randomUUID(), key, ...fields }, update: fields });
}

export async function pingDatabase(): Promise<void> {
  await getDb().$queryRawUnsafe("SELECT 1");
}
