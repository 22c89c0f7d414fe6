import { z } from "zod/mini";
import "@/lib/validation/mini";
import { findIn, shippedCatalog, type Catalog, type ImageModel } from "@/lib/models/catalog";

export const MAX_SEED = 2_147_483_647;
export const MIN_SCALE = 0;
export const MAX_SCALE = 2;

/** A trimmed string of min..max characters (zod/mini's spelling of `.trim().min().max()`). */
const trimmed = (min: number, max?: number, minMessage?: string) =>
  z.string().check(z.trim(), z.minLength(min, minMessage), ...(max === undefined ? [] : [z.maxLength(max)]));

const triggerList = () => z._default(z.array(trimmed(1, 200)).check(z.maxLength(20)), []);

export const loraInputSchema = z.object({
  path: trimmed(1, 2048, "Paste a LoRA link"),
  scale: z.number().check(z.minimum(MIN_SCALE), z.maximum(MAX_SCALE)),
  /** Trigger phrases the person switched on for this LoRA. */
  triggers: triggerList(),
});

const generationInputBase = z.object({
  /** Random id per click: a double-click or a retried request finds the same generation. */
  clientRequestId: z.uuid(),
  prompt: trimmed(1, 4000, "Write a prompt first"),
  model: trimmed(1, undefined, "Pick a model"),
  width: z.int(),
  height: z.int(),
  steps: z.int(),
  n: z.int().check(z.minimum(1, "At least 1 image"), z.maximum(4, "At most 4 images")),
  seed: z.int().check(z.minimum(0), z.maximum(MAX_SEED)),
  guidance: z.optional(z.number().check(z.minimum(0), z.maximum(20))),
  loras: z.array(loraInputSchema).check(z.maxLength(2, "At most 2 LoRAs")),
  customTriggers: triggerList(),
  triggerPlacement: z._default(z.enum(["before", "after"]), "before"),
});

type BaseInput = z.output<typeof generationInputBase>;

/** The model's limits, as field errors. */
function checkModelLimits(input: BaseInput, model: ImageModel, ctx: z.core.$RefinementCtx<BaseInput>) {
  const { limits } = model;
  for (const side of ["width", "height"] as const) {
    const v = input[side];
    if (v < limits.minSize || v > limits.maxSize) {
      ctx.addIssue({ code: "custom", path: [side], message: `${side === "width" ? "Width" : "Height"} must be between ${limits.minSize} and ${limits.maxSize}` });
    } else if (v % limits.sizeMultiple !== 0) {
      ctx.addIssue({ code: "custom", path: [side], message: `${side === "width" ? "Width" : "Height"} must be a multiple of ${limits.sizeMultiple}` });
    }
  }
  if (input.steps < limits.minSteps || input.steps > limits.maxSteps) {
    ctx.addIssue({ code: "custom", path: ["steps"], message: `Steps must be between ${limits.minSteps} and ${limits.maxSteps}` });
  }
  if (input.n > limits.maxImages) {
    ctx.addIssue({ code: "custom", path: ["n"], message: `This model makes at most ${limits.maxImages} images per request` });
  }
  if (input.loras.length > limits.maxLoras) {
    ctx.addIssue({ code: "custom", path: ["loras"], message: `This model takes at most ${limits.maxLoras} LoRAs` });
  }
  if (input.prompt.length > limits.maxPromptChars) {
    ctx.addIssue({ code: "custom", path: ["prompt"], message: `This model takes prompts of at most ${limits.maxPromptChars} characters` });
  }
}

/**
 * The one schema for a generation request, for a given catalog: the studio validates with it
 * as the person types (the catalog it was rendered with), and the server validates again,
 * with the catalog it runs with, before anything is paid for.
 */
export function generationInputSchemaFor(catalog: Catalog) {
  return generationInputBase.check(
    z.superRefine((input, ctx) => {
      const model = findIn(catalog, input.model);
      if (!model) return void ctx.addIssue({ code: "custom", path: ["model"], message: "This model is not offered here; pick another one" });
      checkModelLimits(input, model, ctx);
    }),
  );
}

/** The schema for the shipped catalog (tests, pure tools); the server uses its runtime catalog. */
export const generationInputSchema = generationInputSchemaFor(shippedCatalog);

export type GenerationInput = z.input<typeof generationInputSchema>;
export type ValidGenerationInput = z.output<typeof generationInputSchema>;

/** First message per field, for inline errors. */
export function fieldErrors(error: z.core.$ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}
