import { z } from "zod/mini";
import "@/lib/validation/mini";
import raw from "./catalog.json";

/**
 * The model catalog's shape and the shipped default. Pure, so the studio (client) and the
 * server read models the same way; the server adds the operator's file (./registry.ts) and
 * hands the merged catalog to pages as data.
 */

/** Which base a LoRA was trained for; a LoRA only applies to a model of the same family. */
export const loraFamilySchema = z.enum(["flux1", "flux2"]);
export type LoraFamily = z.infer<typeof loraFamilySchema>;

export const providerIdSchema = z.enum(["together", "fal"]);

/** none: steps do not change the price; above-default: scaled up by steps / default steps past the default; proportional: scaled by steps / default steps both ways. */
const stepsFactor = z.enum(["none", "above-default", "proportional"]);

const common = {
  stepsFactor,
  /** False when the provider has not published the price and the figure is our assumption. */
  published: z.boolean(),
  /** Where the figure comes from, in words ("fal.ai: $0.021 per megapixel"). */
  source: z.optional(z.string()),
};

export const pricingSchema = z.discriminatedUnion("mode", [
  z.strictObject({
    mode: z.literal("per-megapixel"),
    microUsdPerMegapixel: z.int().check(z.positive()),
    /** Each image's megapixels are rounded up to a whole number first (Together, fal). */
    rounding: z.literal("ceil-per-image"),
    ...common,
  }),
  z.strictObject({
    mode: z.literal("per-image"),
    microUsdPerImage: z.int().check(z.positive()),
    ...common,
  }),
]);
export type ModelPricing = z.infer<typeof pricingSchema>;

export const modelSchema = z.strictObject({
  provider: providerIdSchema,
  /** The provider's model id: a Together model or dedicated endpoint name, a fal endpoint id. */
  id: z.string().check(z.trim(), z.minLength(1)),
  label: z.string().check(z.trim(), z.minLength(1)),
  loraFamily: loraFamilySchema,
  deprecated: z.boolean(),
  note: z.string(),
  pricing: pricingSchema,
  defaults: z.strictObject({
    steps: z.int().check(z.positive()),
    width: z.int().check(z.positive()),
    height: z.int().check(z.positive()),
    guidance: z.number().check(z.nonnegative()),
  }),
  limits: z
    .strictObject({
      minSize: z.int().check(z.positive()),
      maxSize: z.int().check(z.positive()),
      sizeMultiple: z.int().check(z.positive()),
      minSteps: z.int().check(z.positive()),
      maxSteps: z.int().check(z.positive()),
      maxImages: z.int().check(z.positive()),
      maxLoras: z.int().check(z.nonnegative()),
      maxPromptChars: z.int().check(z.positive()),
    })
    .check(
      z.refine((l) => l.minSize <= l.maxSize, { message: "minSize is larger than maxSize", path: ["minSize"] }),
      z.refine((l) => l.minSteps <= l.maxSteps, { message: "minSteps is larger than maxSteps", path: ["minSteps"] }),
    ),
});
export type ImageModel = z.infer<typeof modelSchema>;

export interface Catalog {
  defaultModel: string;
  models: ImageModel[];
}

/** The operator's file: a `models` array (entries shaped like the shipped ones) and an optional default. */
const operatorFileSchema = z.strictObject({
  about: z.optional(z.string()),
  defaultModel: z.optional(z.string()),
  models: z.array(z.unknown()),
});

export class CatalogFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CatalogFileError";
  }
}

function pathText(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i > 0 ? "." : ""}${String(p)}`)).join("");
}

/**
 * Validates a catalog file's JSON. Errors name the file, the model and the field, so an
 * operator can fix it: `models.json: model "acme/flux" (models[2]): pricing.microUsdPerImage: …`.
 */
export function parseCatalogFile(json: unknown, file: string): { defaultModel?: string; models: ImageModel[] } {
  const top = operatorFileSchema.safeParse(json);
  if (!top.success) {
    const issue = top.error.issues[0];
    throw new CatalogFileError(`${file}: ${issue.path.length ? `${pathText(issue.path)}: ` : ""}${issue.message} (expected {"models": [ … ]})`);
  }
  const seen = new Set<string>();
  const models = top.data.models.map((entry, i) => {
    const id = typeof entry === "object" && entry !== null && typeof (entry as { id?: unknown }).id === "string" ? (entry as { id: string }).id : null;
    const where = id ? `model "${id}" (models[${i}])` : `models[${i}]`;
    const parsed = modelSchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = pathText(issue.path) || "entry";
      throw new CatalogFileError(`${file}: ${where}: ${field}: ${issue.message}`);
    }
    if (seen.has(parsed.data.id)) throw new CatalogFileError(`${file}: ${where}: id: "${parsed.data.id}" appears twice`);
    seen.add(parsed.data.id);
    return parsed.data;
  });
  return { defaultModel: top.data.defaultModel, models };
}

/** The operator's models replace shipped ones with the same id and add the rest, in file order. */
export function mergeCatalog(base: Catalog, extra: { defaultModel?: string; models: ImageModel[] }, file = "the operator file"): Catalog {
  const byId = new Map(base.models.map((m) => [m.id, m]));
  for (const m of extra.models) byId.set(m.id, m);
  const defaultModel = extra.defaultModel ?? base.defaultModel;
  if (!byId.has(defaultModel)) throw new CatalogFileError(`${file}: defaultModel: "${defaultModel}" is not one of the models`);
  return { defaultModel, models: [...byId.values()] };
}

function parseShipped(): Catalog {
  const parsed = parseCatalogFile({ models: raw.models, about: raw.about }, "lib/models/catalog.json");
  return mergeCatalog({ defaultModel: raw.defaultModel, models: [] }, { ...parsed, defaultModel: raw.defaultModel }, "lib/models/catalog.json");
}

/** Parsed once at import: a broken shipped catalog fails loudly at start, not mid-request. */
export const shippedCatalog: Catalog = parseShipped();

export function findIn(catalog: Catalog, id: string): ImageModel | undefined {
  return catalog.models.find((m) => m.id === id);
}

export function getIn(catalog: Catalog, id: string): ImageModel {
  const model = findIn(catalog, id);
  if (!model) throw new Error(`Unknown model: ${id}`);
  return model;
}

export function defaultModelOf(catalog: Catalog): ImageModel {
  return getIn(catalog, catalog.defaultModel);
}
