import { z } from "zod/mini";
import "@/lib/validation/mini";
import type { ModelPricing } from "./catalog";

/**
 * Reading Together's `GET /v1/models` (pure). The body is a bare array of ModelInfo
 * (`id`, `object`, `created`, `type`, optional `display_name`, `pricing`…). Image prices are
 * not in Together's published contract; the forms seen in the wild are
 * `pricing.image_pixel.price_per_megapixel` and a per-image `pricing.image.price` /
 * `example_price` (USD). Anything else is not read as a price.
 */

export interface DiscoveredModel {
  id: string;
  type: string;
  label: string | null;
  /** A price Together published for the model, or null. */
  pricing: ModelPricing | null;
}

const usd = z.number().check(z.positive());
const pricingSchema = z.looseObject({
  image_pixel: z.catch(z.optional(z.partial(z.object({ price_per_megapixel: usd }))), undefined),
  image: z.catch(z.optional(z.partial(z.object({ price: usd, example_price: usd, price_per_image: usd }))), undefined),
});

const itemSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  type: z.catch(z.optional(z.string()), undefined),
  display_name: z.catch(z.nullish(z.string()), undefined),
  pricing: z.catch(z.nullish(pricingSchema), undefined),
});

const toMicro = (dollars: number) => Math.round(dollars * 1_000_000);

export function discoveredPricing(pricing: z.infer<typeof pricingSchema> | null | undefined): ModelPricing | null {
  const perMp = pricing?.image_pixel?.price_per_megapixel;
  if (perMp) {
    return { mode: "per-megapixel", microUsdPerMegapixel: toMicro(perMp), rounding: "ceil-per-image", stepsFactor: "none", published: true, source: "Together's model list" };
  }
  const perImage = pricing?.image?.price_per_image ?? pricing?.image?.price ?? pricing?.image?.example_price;
  if (perImage) return { mode: "per-image", microUsdPerImage: toMicro(perImage), stepsFactor: "none", published: true, source: "Together's model list" };
  return null;
}

/** The list, tolerant of extra fields and of a `{data: […]}` wrapper; entries without an id are skipped. */
export function parseModelList(json: unknown): DiscoveredModel[] {
  const list = Array.isArray(json) ? json : Array.isArray((json as { data?: unknown })?.data) ? (json as { data: unknown[] }).data : null;
  if (!list) throw new Error("Together's model list is not a JSON array");
  return list.flatMap((raw) => {
    const item = itemSchema.safeParse(raw);
    if (!item.success) return [];
    return [{ id: item.data.id, type: item.data.type ?? "unknown", label: item.data.display_name ?? null, pricing: discoveredPricing(item.data.pricing) }];
  });
}

/** What one refresh found, for one key. */
export interface DiscoverySnapshot {
  status: "never" | "ok" | "error";
  /** ISO time of the last successful read. */
  fetchedAt: string | null;
  /** Why the last read failed, in words (status "error"). */
  error: string | null;
  models: DiscoveredModel[];
}

export const NEVER_DISCOVERED: DiscoverySnapshot = { status: "never", fetchedAt: null, error: null, models: [] };

/** Whether the model is listed: null when nothing is known (never read, or only a failed read). */
export function isListed(snapshot: DiscoverySnapshot, modelId: string): boolean | null {
  if (!snapshot.fetchedAt) return null;
  return snapshot.models.some((m) => m.id === modelId);
}

/** Together's image models the catalog does not have yet (worth an operator's look). */
export function newImageModels(snapshot: DiscoverySnapshot, catalogIds: ReadonlySet<string>): DiscoveredModel[] {
  return snapshot.models.filter((m) => m.type === "image" && !catalogIds.has(m.id));
}
