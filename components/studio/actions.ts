"use server";

import { z } from "zod";
import { toErrorShape, type Result } from "@/lib/errors";
import { generate } from "@/lib/generation/generate";
import { saveLoraDefaults } from "@/lib/db/lora-catalog-queries";
import { fieldErrors, generationInputSchema, type ValidGenerationInput } from "@/lib/generation/schema";
import { toGenerationView, type GenerationView } from "@/lib/generation/view";
import { getLimits } from "@/lib/limits/limits";
import { toLimitsView, type LimitsView } from "@/lib/limits/view";
import { getOwnApiKey, removeOwnApiKey, setOwnApiKey } from "@/lib/owner/own-key";
import { ensureOwnerId, getOwnerId } from "@/lib/owner/session";
import { getImageProvider } from "@/lib/together/client";

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

/** Validates, then runs the generate use case; never throws to the browser. */
export async function generateAction(raw: unknown): Promise<Result<{ generation: GenerationView; limits: LimitsView }>> {
  const parsed = generationInputSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const [field, message] = Object.entries(fields)[0] ?? ["form", "Check the settings"];
    return { ok: false, error: { code: "invalid_input", message, field } };
  }
  try {
    const ownerId = await ensureOwnerId();
    const ownKey = await getOwnApiKey();
    const provider = getImageProvider(ownKey ? { apiKey: ownKey } : {});
    const row = await generate({ ownerId, input: parsed.data, provider, ownKey: ownKey !== null });
    await rememberLoraDefaults(ownerId, row.loras, parsed.data);
    const limits = toLimitsView(await getLimits(ownerId, { ownKey: ownKey !== null }));
    return { ok: true, generation: toGenerationView(row), limits };
  } catch (err) {
    const error = toErrorShape(err);
    if (error.code === "internal") console.error("generateAction failed", err);
    return { ok: false, error };
  }
}

/** Gives a new browser its owner cookie up front, so even its first generation can be cancelled. */
export async function ensureOwnerAction(): Promise<void> {
  await ensureOwnerId();
}

const apiKeySchema = z
  .string()
  .trim()
  .min(20, "That does not look like a Together API key (too short)")
  .max(200, "That does not look like a Together API key (too long)")
  .regex(/^[A-Za-z0-9_\-.]+$/, "A Together API key has only letters, digits, '_', '-' and '.'");

export interface OwnKeyState {
  set: boolean;
  hint: string | null;
  limits: LimitsView;
}

/** Keeps the person's own key in a sealed httpOnly cookie; it is never sent back to the page. */
export async function setOwnKeyAction(raw: unknown): Promise<Result<{ key: OwnKeyState }>> {
  const parsed = apiKeySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: "invalid_input", message: parsed.error.issues[0].message, field: "apiKey" } };
  await setOwnApiKey(parsed.data);
  const limits = toLimitsView(await getLimits(await getOwnerId(), { ownKey: true }));
  return { ok: true, key: { set: true, hint: `…${parsed.data.slice(-4)}`, limits } };
}

export async function removeOwnKeyAction(): Promise<{ key: OwnKeyState }> {
  await removeOwnApiKey();
  return { key: { set: false, hint: null, limits: toLimitsView(await getLimits(await getOwnerId(), { ownKey: false })) } };
}
