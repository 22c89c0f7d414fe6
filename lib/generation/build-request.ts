import type { ImageRequest } from "@/lib/together/types";
import { buildPrompt } from "./prompt";
import type { ValidGenerationInput } from "./schema";

/** Studio settings → the exact body for POST /images/generations. */
export function buildImageRequest(input: ValidGenerationInput): ImageRequest {
  const triggers = [...input.loras.flatMap((l) => l.triggers), ...input.customTriggers];
  const request: ImageRequest = {
    model: input.model,
    prompt: buildPrompt(input.prompt, triggers, input.triggerPlacement),
    width: input.width,
    height: input.height,
    steps: input.steps,
    n: input.n,
    seed: input.seed,
    response_format: "base64",
    output_format: "jpeg",
  };
  if (input.guidance !== undefined) request.guidance_scale = input.guidance;
  if (input.loras.length > 0) {
    request.image_loras = input.loras.map((l) => ({ path: l.path.trim(), scale: l.scale }));
  }
  return request;
}
