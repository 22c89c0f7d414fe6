import type { ImageModel, ModelPricing } from "./catalog";

/**
 * The one price function: the live cost, sweeps, budgets, the gallery and the detail page
 * all ask it. Money stays in integer micro-dollars; rounding always goes up, so an estimate
 * never under-states what is billed. The model in words: docs/pricing.md.
 */

const PIXELS_PER_MEGAPIXEL = 1_000_000;
const MICRO_PER_USD = 1_000_000;

export interface PriceInput {
  width: number;
  height: number;
  n: number;
  steps: number;
}

export interface PriceBreakdown {
  mode: ModelPricing["mode"];
  /** Exact megapixels of one image, e.g. 0.786432 for 1024×768. */
  megapixelsPerImage: number;
  /** Whole megapixels charged for one image (rounded up); 0 when priced per image. */
  billedMegapixelsPerImage: number;
  /** Billed megapixels for the whole request. */
  billedMegapixels: number;
  microUsdPerImage: number;
  totalMicroUsd: number;
  n: number;
  /** The steps multiplier applied (1 when steps do not change the price). */
  stepsMultiplier: number;
  /** False when the model's price is our assumption, not the provider's published figure. */
  published: boolean;
  /** The rate in words: "$0.035 per megapixel", "$0.0154 per image". */
  rate: string;
  /** "Price not published — the estimate assumes …" when the price is not a published one. */
  assumption: string | null;
}

function stepsMultiplier(pricing: ModelPricing, steps: number, defaultSteps: number): number {
  if (pricing.stepsFactor === "proportional") return steps / defaultSteps;
  if (pricing.stepsFactor === "above-default") return Math.max(1, steps / defaultSteps);
  return 1;
}

export function describeRate(pricing: ModelPricing): string {
  return pricing.mode === "per-image" ? `${formatUsd(pricing.microUsdPerImage)} per image` : `${formatUsd(pricing.microUsdPerMegapixel)} per megapixel`;
}

/** "$0.035/MP", "$0.0154/image": the rate where space is short (the Model select). */
export function shortRate(pricing: ModelPricing): string {
  return pricing.mode === "per-image" ? `${formatUsd(pricing.microUsdPerImage)}/image` : `${formatUsd(pricing.microUsdPerMegapixel)}/MP`;
}

/** Price one request with the model's formula. */
export function priceRequest(model: Pick<ImageModel, "pricing" | "defaults">, input: PriceInput): PriceBreakdown {
  const { pricing } = model;
  const megapixels = (input.width * input.height) / PIXELS_PER_MEGAPIXEL;
  let billedMegapixelsPerImage = 0;
  let base: number;
  if (pricing.mode === "per-image") {
    base = pricing.microUsdPerImage;
  } else {
    billedMegapixelsPerImage = Math.max(1, Math.ceil(megapixels));
    base = billedMegapixelsPerImage * pricing.microUsdPerMegapixel;
  }
  const multiplier = stepsMultiplier(pricing, input.steps, model.defaults.steps);
  const microUsdPerImage = Math.ceil(base * multiplier - 1e-9);
  return {
    mode: pricing.mode,
    megapixelsPerImage: megapixels,
    billedMegapixelsPerImage,
    billedMegapixels: billedMegapixelsPerImage * input.n,
    microUsdPerImage,
    totalMicroUsd: microUsdPerImage * input.n,
    n: input.n,
    stepsMultiplier: multiplier,
    published: pricing.published,
    rate: describeRate(pricing),
    assumption: unpublishedNote(pricing),
  };
}

/** "$0.035", "$0.07" is shown as "$0.070": at least three decimals, more only when needed. */
export function formatUsd(microUsd: number): string {
  const sign = microUsd < 0 ? "-" : "";
  const abs = Math.abs(Math.round(microUsd));
  const whole = Math.floor(abs / MICRO_PER_USD);
  const fraction = String(abs % MICRO_PER_USD).padStart(6, "0").replace(/0+$/, "").padEnd(3, "0");
  return `${sign}$${whole}.${fraction}`;
}

const images = (n: number) => `${n} image${n === 1 ? "" : "s"}`;

/**
 * "0.79 MP, billed as 1 MP × 2 images = $0.070", "2 images × $0.0154 = $0.031".
 * The steps factor is named when it changed the price.
 */
export function explainPrice(p: PriceBreakdown): string {
  const steps = p.stepsMultiplier !== 1 ? ` (× ${Number(p.stepsMultiplier.toFixed(2))} for steps)` : "";
  if (p.mode === "per-image") return `${images(p.n)} × ${formatUsd(p.microUsdPerImage)}${steps} = ${formatUsd(p.totalMicroUsd)}`;
  const mp = p.megapixelsPerImage.toFixed(2);
  return `${mp} MP, billed as ${p.billedMegapixelsPerImage} MP × ${images(p.n)}${steps} = ${formatUsd(p.totalMicroUsd)}`;
}

/**
 * What the person reads under an estimate that is not a published price:
 * "Price not published — the estimate assumes $0.0154 per image (third-party figure …)."
 */
export function unpublishedNote(pricing: ModelPricing): string | null {
  if (pricing.published) return null;
  return `Price not published — the estimate assumes ${describeRate(pricing)}${pricing.source ? ` (${pricing.source})` : ""}.`;
}
