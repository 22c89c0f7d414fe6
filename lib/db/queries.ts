import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "./client";

/** One exported function per query: the rest of the app never builds Prisma calls itself. */

const withParts = {
  images: { orderBy: { index: "asc" as const } },
  loras: { orderBy: { position: "asc" as const } },
};

export type GenerationWithParts = NonNullable<Awaited<ReturnType<typeof getGenerationForOwner>>>;

export interface NewGeneration {
  ownerId: string;
  clientRequestId: string;
  userPrompt: string;
  prompt: string;
  model: string;
  width: number;
  height: number;
  steps: number;
  n: number;
  seed: number;
  guidance: number | null;
  /** The rest of the recipe (JSON list of phrases, "before" | "after"): a re-run rebuilds the same prompt. */
  customTriggers: string;
  triggerPlacement: string;
  provider: string;
  estimateMicroUsd: number;
  ownKey: boolean;
  /** triggers: the LoRA's phrases that were on, as a JSON list. */
  loras: { position: number; path: string; scale: number; triggers: string }[];
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
export async function createPendingGeneration(data: NewGeneration) {
  const { loras, ...fields } = data;
  return getDb().generation.create({
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
      },
      include: withParts,
    });
  });
}

/** A failed generation is kept for history but records no charge. */
export async function failGeneration(id: string, error: { code: string; message: string }) {
  return getDb().generation.update({
    where: { id },
    data: {
      status: "failed",
      errorCode: error.code,
      errorMessage: error.message,
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

/** Generations an owner started since a time that count against the rate limit (failures don't). */
export async function countOwnerGenerationsSince(ownerId: string, since: Date) {
  return getDb().generation.count({
    where: { ownerId, createdAt: { gte: since }, status: { in: ["pending", "succeeded"] } },
  });
}

/** When the oldest counted generation in the window was made, to say when a slot frees up. */
export async function oldestOwnerGenerationSince(ownerId: string, since: Date) {
  const row = await getDb().generation.findFirst({
    where: { ownerId, createdAt: { gte: since }, status: { in: ["pending", "succeeded"] } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  return row?.createdAt ?? null;
}

/** What the deployment's Together key spent since a time: charged successes plus estimates of requests in flight. */
export async function deploymentSpendSince(since: Date): Promise<number> {
  const db = getDb();
  const [charged, pending] = await Promise.all([
    db.generation.aggregate({ _sum: { costMicroUsd: true }, where: { createdAt: { gte: since }, provider: "together", ownKey: false, status: "succeeded" } }),
    db.generation.aggregate({ _sum: { estimateMicroUsd: true }, where: { createdAt: { gte: since }, provider: "together", ownKey: false, status: "pending" } }),
  ]);
  return (charged._sum.costMicroUsd ?? 0) + (pending._sum.estimateMicroUsd ?? 0);
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
