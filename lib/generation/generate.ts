import "server-only";
import sharp from "sharp";
import { AppError, type AppErrorCode } from "@/lib/errors";
import {
  completeGeneration,
  createPendingGeneration,
  failGeneration,
  getGenerationByRequest,
  type GenerationWithParts,
  type StoredImage,
} from "@/lib/db/queries";
import { enforceLimits } from "@/lib/limits/limits";
import { assertLorasCompatible } from "@/lib/loras/compatibility";
import { recordLoraUsage } from "@/lib/loras/search/usage";
import { getModel } from "@/lib/models/catalog";
import { priceRequest } from "@/lib/models/pricing";
import { getImageStore } from "@/lib/storage";
import { imageKey, sha256Hex } from "@/lib/storage/keys";
import { storeThumbnail } from "@/lib/storage/thumbnails";
import type { ImageProvider } from "@/lib/together/client";
import type { ProviderImage } from "@/lib/together/types";
import { buildImageRequest } from "./build-request";
import { trackGeneration } from "./in-flight";
import type { ValidGenerationInput } from "./schema";

const DUPLICATE_POLL_MS = 250;

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002";
}

/** A stored failure becomes the same typed error the first attempt saw. */
function errorOf(row: GenerationWithParts): AppError {
  return new AppError({
    code: (row.errorCode ?? "internal") as AppErrorCode,
    message: row.errorMessage ?? "Generation failed.",
  });
}

/**
 * A second call with the same request id (double-click, network retry) waits for the first
 * to finish and returns its result, so one request is only ever paid for once.
 */
async function awaitExisting(ownerId: string, clientRequestId: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await getGenerationByRequest(ownerId, clientRequestId);
    if (!row) throw new AppError({ code: "internal", message: "The earlier request vanished; try again." });
    if (row.status === "succeeded") return row;
    if (row.status === "failed") throw errorOf(row);
    if (Date.now() > deadline) {
      throw new AppError({ code: "timeout", message: "The same request is still running; wait for it to finish." });
    }
    await new Promise((r) => setTimeout(r, DUPLICATE_POLL_MS));
  }
}

async function storeImage(image: ProviderImage): Promise<StoredImage> {
  const store = getImageStore();
  const contentHash = sha256Hex(image.bytes);
  const storageKey = imageKey(contentHash, image.mimeType);
  const meta = await sharp(image.bytes).metadata();
  await store.put(storageKey, image.bytes, image.mimeType);
  // The image is paid for: a thumbnail that fails must not lose it. The image route makes it later.
  const thumb = await storeThumbnail(store, image.bytes).catch((err: unknown) => {
    console.warn(`Thumbnail for ${storageKey} not made now (it will be on first request):`, err);
    return null;
  });
  return {
    index: image.index,
    storageKey,
    contentHash,
    mimeType: image.mimeType,
    width: meta.width ?? 0,
    height: meta.height ?? 0,
    byteSize: image.bytes.length,
    thumbKey: thumb?.thumbKey ?? null,
    thumbWidth: thumb?.thumbWidth ?? null,
    thumbHeight: thumb?.thumbHeight ?? null,
  };
}

export interface GenerateArgs {
  ownerId: string;
  input: ValidGenerationInput;
  provider: ImageProvider;
  /** Paid with the person's own key: the deployment's budget does not apply. */
  ownKey?: boolean;
  /** How long a duplicate request waits for the original. */
  duplicateWaitMs?: number;
}

/** The generate use case: request → provider → bytes stored → rows written. */
export async function generate({ ownerId, input, provider, ownKey = false, duplicateWaitMs = 180_000 }: GenerateArgs): Promise<GenerationWithParts> {
  const existing = await getGenerationByRequest(ownerId, input.clientRequestId);
  if (existing) return awaitExisting(ownerId, input.clientRequestId, duplicateWaitMs);

  const request = buildImageRequest(input);
  await assertLorasCompatible((request.image_loras ?? []).map((l) => l.path), getModel(input.model));
  const estimate = priceRequest(getModel(input.model), input);
  let pending;
  try {
    pending = await createPendingGeneration({
      ownerId,
      clientRequestId: input.clientRequestId,
      userPrompt: input.prompt,
      prompt: request.prompt,
      model: input.model,
      width: input.width,
      height: input.height,
      steps: input.steps,
      n: input.n,
      seed: input.seed,
      guidance: input.guidance ?? null,
      customTriggers: JSON.stringify(input.customTriggers),
      triggerPlacement: input.triggerPlacement,
      provider: provider.name,
      estimateMicroUsd: estimate.totalMicroUsd,
      ownKey,
      loras: (request.image_loras ?? []).map((l, i) => ({ position: i + 1, path: l.path, scale: l.scale, triggers: JSON.stringify(input.loras[i]?.triggers ?? []) })),
    });
  } catch (err) {
    // Lost the race against an identical request: follow that one instead of paying again.
    if (isUniqueViolation(err)) return awaitExisting(ownerId, input.clientRequestId, duplicateWaitMs);
    throw err;
  }

  const tracked = trackGeneration(ownerId, input.clientRequestId);
  try {
    // Checked after the insert so that concurrent requests count each other.
    await enforceLimits(ownerId, { ownKey });
    const images = await provider.generate(request, { signal: tracked.signal });
    const stored = await Promise.all(images.map(storeImage));
    const price = priceRequest(getModel(input.model), { ...input, n: stored.length });
    const done = await completeGeneration(pending.id, {
      images: stored,
      billedMegapixels: price.billedMegapixels,
      costMicroUsd: price.totalMicroUsd,
    });
    // Best effort: the LoRA search ranks by use; a failure here must not fail a paid generation.
    await recordLoraUsage(done.loras.map((l) => l.path)).catch((e) => console.warn("recording LoRA usage failed", e));
    return done;
  } catch (err) {
    const appError =
      err instanceof AppError
        ? err
        : new AppError({ code: "internal", message: "The images could not be saved on the server. Your settings are kept; try again." }, { cause: err });
    await failGeneration(pending.id, { code: appError.code, message: appError.message });
    throw appError;
  } finally {
    tracked.done();
  }
}
