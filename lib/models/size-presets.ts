import type { ImageModel } from "./catalog";
import { priceRequest } from "./pricing";

export interface SizePreset {
  id: "square" | "portrait" | "landscape" | "square-hd" | "portrait-hd" | "landscape-hd";
  label: string;
  width: number;
  height: number;
}

/** Under 1 MP (billed as 1) first, then the larger sizes people reach for. */
export const SIZE_PRESETS: SizePreset[] = [
  { id: "square", label: "Square", width: 1000, height: 1000 },
  { id: "portrait", label: "Portrait 3:4", width: 864, height: 1152 },
  { id: "landscape", label: "Landscape 4:3", width: 1024, height: 768 },
  { id: "square-hd", label: "Square HD", width: 1024, height: 1024 },
  { id: "portrait-hd", label: "Portrait 2:3", width: 832, height: 1248 },
  { id: "landscape-hd", label: "Landscape 16:9", width: 1344, height: 768 },
];

export interface SizeSuggestion {
  width: number;
  height: number;
  savesMicroUsd: number;
}

/**
 * When a size just crosses a megapixel boundary, the nearest size with about the same
 * aspect ratio that bills one megapixel less. Null when the size is not near a boundary
 * (more than 15% over) or nothing cheaper fits the model's limits.
 */
export function cheaperNearbySize(model: ImageModel, width: number, height: number, steps: number): SizeSuggestion | null {
  const { sizeMultiple: m, minSize, maxSize } = model.limits;
  const pixels = width * height;
  const billed = Math.ceil(pixels / 1_000_000);
  if (billed <= 1) return null;
  const budget = (billed - 1) * 1_000_000;
  if (pixels > budget * 1.15) return null;
  // Scale both sides by the same factor, then walk down in multiples until it fits.
  const factor = Math.sqrt(budget / pixels);
  let w = Math.floor((width * factor) / m) * m;
  let h = Math.floor((height * factor) / m) * m;
  while (w * h > budget) {
    if (w / h > width / height) w -= m;
    else h -= m;
  }
  if (w < minSize || h < minSize || w > maxSize || h > maxSize) return null;
  const before = priceRequest(model, { width, height, n: 1, steps }).microUsdPerImage;
  const after = priceRequest(model, { width: w, height: h, n: 1, steps }).microUsdPerImage;
  return after < before ? { width: w, height: h, savesMicroUsd: before - after } : null;
}
