import { pickParameters, type GenerationParameters } from "@/lib/db/generation-columns";
import type { ProviderRequest } from "@/lib/providers/types";
import type { ImageRequest } from "@/lib/together/types";
import { buildPrompt } from "./prompt";
import type { ValidGenerationInput } from "./schema";

/** The settings a request is made of: its parameters (lib/db/generation-columns.ts), the exact prompt to send, the LoRAs. */
export interface RequestRecipe extends GenerationParameters {
  prompt: string;
  loras: { position: number; path: string; scale: number }[];
}

/**
 * The body for POST /images/generations. One function for both the request the studio sends
 * and the one the gallery shows for a stored result, so they cannot drift apart.
 */
export function imageRequestBody(recipe: RequestRecipe): ImageRequest {
  const request: ImageRequest = {
    model: recipe.model,
    prompt: recipe.prompt,
    width: recipe.width,
    height: recipe.height,
    steps: recipe.steps,
    n: recipe.n,
    seed: recipe.seed,
    response_format: "base64",
    output_format: "jpeg",
  };
  if (recipe.guidance !== null && recipe.guidance !== undefined) request.guidance_scale = recipe.guidance;
  const loras = [...recipe.loras].sort((a, b) => a.position - b.position);
  if (loras.length > 0) request.image_loras = loras.map((l) => ({ path: l.path.trim(), scale: l.scale }));
  return request;
}

/** Studio settings → the recipe as sent: enabled triggers folded into the prompt. */
export function buildRecipe(input: ValidGenerationInput): RequestRecipe {
  const triggers = [...input.loras.flatMap((l) => l.triggers), ...input.customTriggers];
  return {
    ...pickParameters(input),
    prompt: buildPrompt(input.prompt, triggers, input.triggerPlacement),
    loras: input.loras.map((l, i) => ({ position: i + 1, path: l.path, scale: l.scale })),
  };
}

/** A recipe as the provider-neutral request every provider takes. */
export function toProviderRequest(recipe: RequestRecipe): ProviderRequest {
  return {
    ...pickParameters(recipe),
    prompt: recipe.prompt,
    loras: [...recipe.loras].sort((a, b) => a.position - b.position).map((l) => ({ path: l.path.trim(), scale: l.scale })),
  };
}

/** Studio settings → Together's exact body. */
export function buildImageRequest(input: ValidGenerationInput): ImageRequest {
  return imageRequestBody(buildRecipe(input));
}
