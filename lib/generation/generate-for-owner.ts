import "server-only";
import { addGenerationToCollection } from "@/lib/db/collection-queries";
import { saveLoraDefaults } from "@/lib/db/lora-catalog-queries";
import { toErrorShape, type Result } from "@/lib/errors";
import { cellJson, type SweepCellRef } from "@/lib/explore/cell";
import { getLimits } from "@/lib/limits/limits";
import { toLimitsView, type LimitsView } from "@/lib/limits/view";
import { getOwnApiKey } from "@/lib/owner/own-key";
import { requestAddressKey } from "@/lib/http/client-address";
import { ensureOwnerId, getOwnerId } from "@/lib/owner/session";
import { getImageProvider } from "@/lib/together/client";
import { generate } from "./generate";
import { fieldErrors, generationInputSchema, type ValidGenerationInput } from "./schema";
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
  const parsed = generationInputSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const [field, message] = Object.entries(fields)[0] ?? ["form", "Check the settings"];
    return { ok: false, error: { code: "invalid_input", message, field } };
  }
  try {
    // A request without the owner cookie would start a fresh hourly count each time: it is
    // also held to the hourly limit for everything made from its address.
    const known = await getOwnerId();
    const ownerId = known ?? (await ensureOwnerId());
    const addressKey = await requestAddressKey();
    const address = addressKey ? { key: addressKey, anonymous: known === null } : null;
    const ownKey = await getOwnApiKey();
    const provider = getImageProvider(ownKey ? { apiKey: ownKey } : {});
    const row = await generate({ ownerId, input: parsed.data, provider, ownKey: ownKey !== null, address });
    if (options.sweep) {
      // The image is made and paid for either way; a sweep deleted meanwhile just keeps it in the gallery.
      await addGenerationToCollection(options.sweep.collectionId, row.id, ownerId, { cell: cellJson(options.sweep.cell) }).catch((err) =>
        console.error("adding a sweep cell to its collection failed", err),
      );
    }
    await rememberLoraDefaults(ownerId, row.loras, parsed.data);
    const limits = toLimitsView(await getLimits(ownerId, { ownKey: ownKey !== null }));
    return { ok: true, generation: toGenerationView(row), limits };
  } catch (err) {
    const error = toErrorShape(err);
    if (error.code === "internal") console.error("generation failed", err);
    return { ok: false, error };
  }
}
