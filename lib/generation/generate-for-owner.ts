import "server-only";
import { addGenerationToCollection } from "@/lib/db/collection-queries";
import { saveLoraDefaults } from "@/lib/db/lora-catalog-queries";
import { runAction } from "@/lib/actions/action";
import { AppError, type Result } from "@/lib/errors";
import { cellJson, type SweepCellRef } from "@/lib/explore/cell";
import { getLimits } from "@/lib/limits/limits";
import { toLimitsView, type LimitsView } from "@/lib/limits/view";
import { chargedModel } from "@/lib/models/for-person";
import { blockingRefusal, refusalCode, refusalKindOf } from "@/lib/models/refusal-rules";
import { clearRefusals, recordRefusal, refusalsFor } from "@/lib/models/refusals";
import { getCatalog } from "@/lib/models/registry";
import { requestAddressKey } from "@/lib/http/client-address";
import { getOwnApiKeys } from "@/lib/owner/own-key";
import { ensureOwnerId, getOwnerId } from "@/lib/owner/session";
import { providerFor, type OwnKeys } from "@/lib/providers";
import { keyScopeFor } from "@/lib/providers/key-scope";
import type { ImageProvider } from "@/lib/providers/types";
import type { RetryPolicy } from "@/lib/together/retry";
import { generate } from "./generate";
import { generationInputSchemaFor, type ValidGenerationInput } from "./schema";
import { toGenerationView, type GenerationView } from "./view";

export type GenerateResult = Result<{ generation: GenerationView; limits: LimitsView }>;

/**
 * What worked is remembered per LoRA (scale, chosen phrases, placement) and applied when the
 * person picks it again. Best effort: the images are already made and paid for.
 */
async function rememberLoraDefaults(ownerId: string, loras: { position: number; path: string; scale: number }[], input: ValidGenerationInput) {
  try {
    for (const l of loras) {
      const chosen = input.loras[l.position - 1]?.triggers ?? [];
      await saveLoraDefaults(ownerId, l.path, { scale: l.scale, triggers: JSON.stringify(chosen), placement: input.triggerPlacement });
    }
  } catch (err) {
    console.error("remembering LoRA defaults failed", err);
  }
}

/**
 * One generation for the browser's owner (its own key when it set one): validate, generate,
 * and, for a sweep cell, file the result into the sweep's collection at its grid cell. Never
 * throws: the studio's action and the sweep route both answer with this result.
 */
export async function generateForOwner(raw: unknown, options: { sweep?: { collectionId: string; cell: SweepCellRef } } = {}): Promise<GenerateResult> {
  return runAction("generation", generationInputSchemaFor(getCatalog()), raw, async (input) => {
    // A request without the owner cookie would start a fresh hourly count each time: it is
    // also held to the hourly limit for everything made from its address.
    const knownOwner = await getOwnerId();
    const ownerId = knownOwner ?? (await ensureOwnerId());
    const addressKey = await requestAddressKey();
    const address = addressKey ? { key: addressKey, anonymous: knownOwner === null } : null;
    const own = await getOwnApiKeys();
    return generateForKnownOwner(ownerId, input, { own, address, sweep: options.sweep });
  });
}

export interface KnownOwnerOptions {
  own: OwnKeys;
  address?: { key: string; anonymous: boolean } | null;
  sweep?: { collectionId: string; cell: SweepCellRef };
  /** Where a finished image is filed (a grid's collection, at its cell). */
  file?: { collectionId: string; cell: string };
  /** Aborts the request like a cancel (a grid's cancel seen by its worker). */
  signal?: AbortSignal;
  /** Replaces Together's own retry policy (a grid worker handles rate limits itself). */
  providerRetry?: RetryPolicy;
  /** Wraps the provider (a grid worker's shared rate-limit gate). */
  wrapProvider?: (provider: ImageProvider, keyScope: string) => ImageProvider;
}

/**
 * The same path for a known owner without a request (a grid cell run by a server worker):
 * refusals, provider, limits and budget at admission, lease, charge accounting. Throws AppErrors.
 */
export async function generateForKnownOwner(ownerId: string, input: ValidGenerationInput, options: KnownOwnerOptions): Promise<{ ok: true; generation: GenerationView; limits: LimitsView }> {
  const { own } = options;
  const model = chargedModel(input.model, own.together);
  const hasLoras = input.loras.length > 0;
  // What a provider already answered for this model stops the next paid attempt here.
  const known = blockingRefusal(await refusalsFor(own), model.id, hasLoras);
  if (known) throw new AppError({ code: refusalCode(known.kind), message: known.message, field: "model" });
  const chosen = providerFor(model, own, { retry: options.providerRetry });
  const keyUsed = own[model.provider];
  const provider = options.wrapProvider ? options.wrapProvider(chosen.provider, keyScopeFor(model.provider, keyUsed)) : chosen.provider;
  const ownKey = chosen.ownKey;
  const row = await generate({ ownerId, input, provider, ownKey, model, address: options.address ?? null, signal: options.signal }).catch(async (err: unknown) => {
    const kind = err instanceof AppError ? refusalKindOf(err.code) : null;
    if (kind) await recordRefusal(model, keyUsed, kind, err instanceof Error ? err.message : String(err)).catch((e) => console.error("remembering a model refusal failed", e));
    throw err;
  });
  await clearRefusals(model, keyUsed, hasLoras).catch((e) => console.error("clearing model refusals failed", e));
  const filing = options.sweep ? { collectionId: options.sweep.collectionId, cell: cellJson(options.sweep.cell) } : options.file;
  if (filing) {
    // The image is made and paid for either way; a sweep deleted meanwhile just keeps it in the gallery.
    await addGenerationToCollection(filing.collectionId, row.id, ownerId, { cell: filing.cell }).catch((err) =>
      console.error("adding a sweep cell to its collection failed", err),
    );
  }
  await rememberLoraDefaults(ownerId, row.loras, input);
  const limits = toLimitsView(await getLimits(ownerId, { ownKey }));
  return { ok: true, generation: toGenerationView(row), limits };
}

