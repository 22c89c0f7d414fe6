import { z } from "zod";
import raw from "./catalog.json";

/** Which base a LoRA was trained for; a LoRA only applies to a model of the same family. */
export const loraFamilySchema = z.enum(["flux1", "flux2"]);
export type LoraFamily = z.infer<typeof loraFamilySchema>;

const modelSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  loraFamily: loraFamilySchema,
  deprecated: z.boolean(),
  note: z.string(),
  pricing: z.object({
    microUsdPerMegapixel: z.number().int().positive(),
    /** Each image's megapixels are rounded up to a whole number before pricing. */
    rounding: z.literal("ceil-megapixel-per-image"),
    /** When true, the price scales with steps / defaults.steps (some Together models). */
    stepsFactor: z.boolean(),
    /** False when Together has not published the price and the figure is our assumption. */
    published: z.boolean(),
  }),
  defaults: z.object({
    steps: z.number().int().positive(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    guidance: z.number().nonnegative(),
  }),
  limits: z.object({
    minSize: z.number().int().positive(),
    maxSize: z.number().int().positive(),
    sizeMultiple: z.number().int().positive(),
    minSteps: z.number().int().positive(),
    maxSteps: z.number().int().positive(),
    maxImages: z.number().int().positive(),
    maxLoras: z.number().int().nonnegative(),
    maxPromptChars: z.number().int().positive(),
  }),
});
export type ImageModel = z.infer<typeof modelSchema>;

const catalogSchema = z
  .object({ defaultModel: z.string(), models: z.array(modelSchema).min(1) })
  .refine((c) => c.models.some((m) => m.id === c.defaultModel), "defaultModel must be one of models");

/** Parsed once at import: a broken catalog file fails loudly at start, not mid-request. */
export const catalog = catalogSchema.parse(raw);

export const modelIds = catalog.models.map((m) => m.id) as [string, ...string[]];

export function findModel(id: string): ImageModel | undefined {
  return catalog.models.find((m) => m.id === id);
}

export function getModel(id: string): ImageModel {
  const model = findModel(id);
  if (!model) throw new Error(`Unknown model: ${id}`);
  return model;
}

export const defaultModel = getModel(catalog.defaultModel);
