"use server";

import { toErrorShape, type Result } from "@/lib/errors";
import { generate } from "@/lib/generation/generate";
import { fieldErrors, generationInputSchema } from "@/lib/generation/schema";
import { toGenerationView, type GenerationView } from "@/lib/generation/view";
import { ensureOwnerId } from "@/lib/owner/session";
import { getImageProvider } from "@/lib/together/client";

/** Validates, then runs the generate use case; never throws to the browser. */
export async function generateAction(raw: unknown): Promise<Result<{ generation: GenerationView }>> {
  const parsed = generationInputSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const [field, message] = Object.entries(fields)[0] ?? ["form", "Check the settings"];
    return { ok: false, error: { code: "invalid_input", message, field } };
  }
  try {
    const ownerId = await ensureOwnerId();
    const row = await generate({ ownerId, input: parsed.data, provider: getImageProvider() });
    return { ok: true, generation: toGenerationView(row) };
  } catch (err) {
    const error = toErrorShape(err);
    if (error.code === "internal") console.error("generateAction failed", err);
    return { ok: false, error };
  }
}
