import type { ImageModel } from "./catalog";

const PIXELS_PER_MEGAPIXEL = 1_000_000;
const MICRO_PER_USD = 1_000_000;

export interface PriceInput {
  width: number;
  height: number;
  n: number;
  steps: number;
}

export interface PriceBreakdown {
  /** Exact megapixels of one image, e.g. 0.786432 for 1024×768. */
  megapixelsPerImage: number;
  /** Whole megapixels charged for one image (rounded up). */
  billedMegapixelsPerImage: number;
  /** Billed megapixels for the whole request. */
  billedMegapixels: number;
  microUsdPerImage: number;
  totalMicroUsd: number;
  n: number;
  /** False when the model's price is our assumption, not Together's published figure. */
  published: boolean;
}

/** Price one request with the model's formula; money stays in integer micro-dollars. */
export function priceRequest(model: ImageModel, input: PriceInput): PriceBreakdown {
  const pixels = input.width * input.height;
  const billedMegapixelsPerImage = Math.max(1, Math.ceil(pixels / PIXELS_PER_MEGAPIXEL));
  let microUsdPerImage = billedMegapixelsPerImage * model.pricing.microUsdPerMegapixel;
  if (model.pricing.stepsFactor) {
    // Round up so an estimate never under-states what is billed.
    microUsdPerImage = Math.ceil((microUsdPerImage * input.steps) / model.defaults.steps);
  }
  return {
    megapixelsPerImage: pixels / PIXELS_PER_MEGAPIXEL,
    billedMegapixelsPerImage,
    billedMegapixels: billedMegapixelsPerImage * input.n,
    microUsdPerImage,
    totalMicroUsd: microUsdPerImage * input.n,
    n: input.n,
    published: model.pricing.published,
  };
}

/** "$0.035", "$0.07" is shown as "$0.070": at least three decimals, more only when needed. */
export function formatUsd(microUsd: number): string {
  const sign = microUsd < 0 ? "-" : "";
  const abs = Math.abs(microUsd);
  const whole = Math.floor(abs / MICRO_PER_USD);
  const fraction = String(abs % MICRO_PER_USD).padStart(6, "0").replace(/0+$/, "").padEnd(3, "0");
  return `${sign}$${whole}.${fraction}`;
}

/** "0.79 MP, billed as 1 MP × 2 images = $0.070" */
export function explainPrice(p: PriceBreakdown): string {
  const mp = p.megapixelsPerImage.toFixed(2);
  const images = `${p.n} image${p.n === 1 ? "" : "s"}`;
  return `${mp} MP, billed as ${p.billedMegapixelsPerImage} MP × ${images} = ${formatUsd(p.totalMicroUsd)}`;
}
