import "server-only";
import sharp from "sharp";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { markAttempted, setPendingKeys } from "@/lib/db/lease-queries";
import {
  completeGeneration,
  failGeneration,
  getGenerationByRequest,
  type GenerationWithParts,
  type StoredImage,
} from "@/lib/db/queries";
import { admitGeneration } from "@/lib/limits/admission";
import { assertLorasCompatible } from "@/lib/loras/compatibility";
import { recordLoraUsage } from "@/lib/loras/search/usage";
import type { ImageModel } from "@/lib/models/catalog";
import { getModel } from "@/lib/models/registry";
import { priceRequest } from "@/lib/models/pricing";
import { getImageStore } from "@/lib/storage";
import { imageKey, sha256Hex } from "@/lib/storage/keys";
import { makeThumbnail } from "@/lib/storage/thumbnails";
import type { ImageProvider, ProviderImage } from "@/lib/providers/types";
import { pickParameters } from "@/lib/db/generation-columns";
import { buildRecipe, toProviderRequest } from "./build-request";
import { mayHaveBeenCharged, withChargeNote } from "./charge";
import { holdLease, leaseUntil } from "./lease";
import { collectPendingFiles, sweepInterrupted } from "./sweeper";
import type { ValidGenerationInput } from "./schema";

const DUPLICATE_POLL_MS = 250;

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002";
}

/** A stored failure (or interruption) becomes the same typed error the first attempt saw. */
function errorOf(row: GenerationWithParts): AppError {
  return new AppError({
    code: (row.errorCode ?? (row.status === "interrupted" ? "interrupted" : "internal")) as AppErrorCode,
    message: row.errorMessage ?? "Generation failed.",
    ...(row.mayBeCharged ? { mayBeCharged: true } : {}),
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
    if (row.status === "failed" || row.status === "interrupted") throw errorOf(row);
    // Its instance stopped renewing the lease (killed, restarted): settle it now instead of waiting.
    if (!row.leaseExpiresAt || row.leaseExpiresAt.getTime() < Date.now()) {
      await sweepInterrupted();
      continue;
    }
    if (Date.now() > deadline) {
      throw new AppError({ code: "timeout", message: "The same request is still running; wait for it to finish." });
    }
    await new Promise((r) => setTimeout(r, DUPLICATE_POLL_MS));
  }
}

/** An image's bytes, hash, size and thumbnail, worked out before anything is written. */
async function prepareImage(image: ProviderImage) {
  const contentHash = sha256Hex(image.bytes);
  const storageKey = imageKey(contentHash, image.mimeType);
  const meta = await sharp(image.bytes).metadata();
  // The image is paid for: a thumbnail that fails must not lose it. The image route makes it later.
  const thumb = await makeThumbnail(image.bytes).catch((err: unknown) => {
    console.warn(`Thumbnail for ${storageKey} not made now (it will be on first request):`, err);
    return null;
  });
  return { image, contentHash, storageKey, meta, thumb };
}

/**
 * Writes a request's images and thumbnails. Their keys are noted on the row first, so the files
 * of a request that dies before its image rows exist can be found and collected (./sweeper.ts).
 */
async function storeImages(generationId: string, images: ProviderImage[]): Promise<StoredImage[]> {
  const store = getImageStore();
  const prepared = await Promise.all(images.map(prepareImage));
  await setPendingKeys(generationId, prepared.flatMap((p) => (p.thumb ? [p.storageKey, p.thumb.key] : [p.storageKey])));
  return Promise.all(
    prepared.map(async ({ image, contentHash, storageKey, meta, thumb }) => {
      await store.put(storageKey, image.bytes, image.mimeType);
      const thumbStored = thumb
        ? await store.put(thumb.key, thumb.bytes, thumb.mimeType).then(
            () => true,
            (err: unknown) => (console.warn(`Thumbnail for ${storageKey} not stored now (it will be on first request):`, err), false),
          )
        : false;
      return {
        index: image.index,
        storageKey,
        contentHash,
        mimeType: image.mimeType,
        width: meta.width ?? 0,
        height: meta.height ?? 0,
        byteSize: image.bytes.length,
        thumbKey: thumbStored ? thumb!.key : null,
        thumbWidth: thumbStored ? thumb!.width : null,
        thumbHeight: thumbStored ? thumb!.height : null,
      };
    }),
  );
}

export interface GenerateArgs {
  ownerId: string;
  input: ValidGenerationInput;
  provider: ImageProvider;
  /** Paid with the person's own key: the deployment's budget does not apply. */
  ownKey?: boolean;
  /** Where the request came from (keyed hash), and whether it came without an owner cookie (then limited per address too). */
  address?: { key: string; anonymous: boolean } | null;
  /** How long a duplicate request waits for the original. */
  duplicateWaitMs?: number;
  /** The model as priced for this person (Together's published price when known); default: the catalog's. */
  model?: ImageModel;
  /** Aborts like a cancel (a grid worker that saw its grid cancelled). */
  signal?: AbortSignal;
}

/** The generate use case: request → provider → bytes stored → rows written. */
export async function generate({ ownerId, input, provider, ownKey = false, address = null, duplicateWaitMs = 180_000, model: priced, signal: outer }: GenerateArgs): Promise<GenerationWithParts> {
  const existing = await getGenerationByRequest(ownerId, input.clientRequestId);
  if (existing) return awaitExisting(ownerId, input.clientRequestId, duplicateWaitMs);

  const model = priced ?? getModel(input.model);
  const request = toProviderRequest(buildRecipe(input));
  await assertLorasCompatible(request.loras.map((l) => l.path), model);
  const estimate = priceRequest(model, input);
  let pending;
  try {
    // Inserted and checked against the limits in one step, exact under concurrency (admission.ts).
    pending = await admitGeneration({
      ownerId,
      clientRequestId: input.clientRequestId,
      userPrompt: input.prompt,
      prompt: request.prompt,
      ...pickParameters(input),
      customTriggers: JSON.stringify(input.customTriggers),
      triggerPlacement: input.triggerPlacement,
      provider: provider.name,
      estimateMicroUsd: estimate.totalMicroUsd,
      ownKey,
      loras: request.loras.map((l, i) => ({ position: i + 1, path: l.path, scale: l.scale, triggers: JSON.stringify(input.loras[i]?.triggers ?? []) })),
      leaseExpiresAt: leaseUntil(),
      addressKey: address?.key ?? null,
    }, { anonymous: address?.anonymous ?? false });
  } catch (err) {
    // Lost the race against an identical request: follow that one instead of paying again.
    if (isUniqueViolation(err)) return awaitExisting(ownerId, input.clientRequestId, duplicateWaitMs);
    throw err;
  }

  const lease = holdLease(pending.id, ownerId, input.clientRequestId);
  const signal = outer ? AbortSignal.any([lease.signal, outer]) : lease.signal;
  let attempted = false;
  try {
    if (signal.aborted) throw new AppError({ code: "cancelled", message: "Generation cancelled before it was sent. Nothing was charged." });
    // From here the provider may do (and bill) the work, whatever happens to this process.
    await markAttempted(pending.id);
    attempted = true;
    const images = await provider.generate(request, { signal });
    const stored = await storeImages(pending.id, images);
    const price = priceRequest(model, { ...input, n: stored.length });
    const done = await completeGeneration(pending.id, {
      images: stored,
      billedMegapixels: price.billedMegapixels,
      costMicroUsd: price.totalMicroUsd,
    });
    // Best effort: the LoRA search ranks by use; a failure here must not fail a paid generation.
    await recordLoraUsage(done.loras.map((l) => l.path)).catch((e) => console.warn("recording LoRA usage failed", e));
    return done;
  } catch (err) {
    const caught =
      err instanceof AppError
        ? err
        : new AppError({ code: "internal", message: "The images could not be saved on the server. Your settings are kept; try again." }, { cause: err });
    const mayBeCharged = mayHaveBeenCharged({ attempted, code: caught.code });
    const appError = new AppError({ ...caught.toJSON(), message: withChargeNote(caught.message, mayBeCharged), mayBeCharged }, { cause: caught.cause ?? caught });
    const failed = await failGeneration(pending.id, { code: appError.code, message: appError.message, mayBeCharged });
    await collectPendingFiles(pending.id, failed.pendingKeys).catch((e) => console.warn(`files of failed generation ${pending.id} not collected:`, e));
    throw appError;
  } finally {
    lease.release();
  }
}
