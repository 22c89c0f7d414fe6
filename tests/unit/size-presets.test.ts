import { describe, expect, it } from "vitest";
import { getModel } from "@/lib/models/registry";
import { priceRequest } from "@/lib/models/pricing";
import { SIZE_PRESETS, cheaperNearbySize } from "@/lib/models/size-presets";

const flux1 = getModel("black-forest-labs/FLUX.1-dev-lora");

describe("size presets", () => {
  it("fit the model's limits and multiples", () => {
    for (const p of SIZE_PRESETS) {
      expect(p.width % flux1.limits.sizeMultiple, p.id).toBe(0);
      expect(p.height % flux1.limits.sizeMultiple, p.id).toBe(0);
      expect(Math.max(p.width, p.height)).toBeLessThanOrEqual(flux1.limits.maxSize);
    }
  });
  it("the first three bill one megapixel", () => {
    for (const p of SIZE_PRESETS.slice(0, 3)) {
      expect(priceRequest(flux1, { width: p.width, height: p.height, n: 1, steps: 28 }).billedMegapixelsPerImage, p.id).toBe(1);
    }
  });
});

describe("cheaperNearbySize", () => {
  it("1024×1024 (1.05 MP) → a square-ish size under 1 MP that halves the cost", () => {
    const s = cheaperNearbySize(flux1, 1024, 1024, 28)!;
    expect(s.width * s.height).toBeLessThanOrEqual(1_000_000);
    expect(s.width % 8 + (s.height % 8)).toBe(0);
    expect(Math.abs(s.width / s.height - 1)).toBeLessThan(0.02);
    expect(s).toMatchObject({ width: 1000, height: 1000, savesMicroUsd: 35_000 });
  });
  it("keeps the aspect ratio for wide sizes", () => {
    const s = cheaperNearbySize(flux1, 1360, 768, 28)!;
    expect(s.width * s.height).toBeLessThanOrEqual(1_000_000);
    expect(Math.abs(s.width / s.height - 1360 / 768)).toBeLessThan(0.03);
  });
  it("says nothing when already at a boundary or far from one", () => {
    expect(cheaperNearbySize(flux1, 1024, 768, 28)).toBeNull();
    expect(cheaperNearbySize(flux1, 1920, 1920, 28)).toBeNull();
  });
});
