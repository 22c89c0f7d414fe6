import { describe, expect, it } from "vitest";
import type { ImageModel } from "@/lib/models/catalog";
import { getCatalog, getModel } from "@/lib/models/registry";
import { explainPrice, formatUsd, priceRequest, unpublishedNote } from "@/lib/models/pricing";

const flux1 = getModel("black-forest-labs/FLUX.1-dev-lora");
const base = { steps: 28, n: 1 };

describe("priceRequest (Together's published LoRA pricing)", () => {
  it("1024×768 is 0.79 MP, billed as 1 MP: $0.035", () => {
    const p = priceRequest(flux1, { ...base, width: 1024, height: 768 });
    expect(p.megapixelsPerImage).toBeCloseTo(0.786432, 6);
    expect(p.billedMegapixelsPerImage).toBe(1);
    expect(p.totalMicroUsd).toBe(35_000);
    expect(formatUsd(p.totalMicroUsd)).toBe("$0.035");
  });

  it("1024×1024 is 1.05 MP, billed as 2 MP: $0.070", () => {
    const p = priceRequest(flux1, { ...base, width: 1024, height: 1024 });
    expect(p.billedMegapixelsPerImage).toBe(2);
    expect(formatUsd(p.totalMicroUsd)).toBe("$0.070");
  });

  it("n multiplies the per-image charge", () => {
    const p = priceRequest(flux1, { ...base, width: 1024, height: 768, n: 2 });
    expect(p.totalMicroUsd).toBe(70_000);
    expect(p.billedMegapixels).toBe(2);
    expect(explainPrice(p)).toBe("0.79 MP, billed as 1 MP × 2 images = $0.070");
    expect(priceRequest(flux1, { ...base, width: 1024, height: 1024, n: 4 }).totalMicroUsd).toBe(280_000);
  });

  it("exactly 1,000,000 pixels is 1 MP; one pixel more is 2", () => {
    expect(priceRequest(flux1, { ...base, width: 1000, height: 1000 }).billedMegapixelsPerImage).toBe(1);
    expect(priceRequest(flux1, { ...base, width: 1000, height: 1001 }).billedMegapixelsPerImage).toBe(2);
  });

  it("small images still bill one megapixel", () => {
    expect(priceRequest(flux1, { ...base, width: 256, height: 256 }).totalMicroUsd).toBe(35_000);
  });

  it("applies a proportional steps factor only for models that declare it, rounding up", () => {
    const stepped: ImageModel = { ...flux1, pricing: { ...flux1.pricing, stepsFactor: "proportional" } };
    expect(priceRequest(stepped, { width: 1024, height: 768, n: 1, steps: 14 }).totalMicroUsd).toBe(17_500);
    expect(priceRequest(stepped, { width: 1024, height: 768, n: 1, steps: 29 }).totalMicroUsd).toBe(36_250);
    expect(priceRequest(stepped, { width: 1024, height: 768, n: 1, steps: 1 }).totalMicroUsd).toBe(1_250);
  });

  it("an above-default steps factor only ever scales up", () => {
    const stepped: ImageModel = { ...flux1, pricing: { ...flux1.pricing, stepsFactor: "above-default" } };
    expect(priceRequest(stepped, { width: 1024, height: 768, n: 1, steps: 14 }).totalMicroUsd).toBe(35_000);
    const p = priceRequest(stepped, { width: 1024, height: 768, n: 1, steps: 56 });
    expect(p.totalMicroUsd).toBe(70_000);
    expect(explainPrice(p)).toBe("0.79 MP, billed as 1 MP × 1 image (× 2 for steps) = $0.070");
  });

  it("prices per image whatever the size", () => {
    const perImage: ImageModel = { ...flux1, pricing: { mode: "per-image", microUsdPerImage: 15_400, stepsFactor: "none", published: true } };
    const p = priceRequest(perImage, { ...base, width: 1920, height: 1920, n: 3 });
    expect(p.totalMicroUsd).toBe(46_200);
    expect(p.billedMegapixels).toBe(0);
    expect(explainPrice(p)).toBe("3 images × $0.0154 = $0.0462");
  });

  it("flags prices that are our assumption, saying what the estimate assumes", () => {
    const flux2 = getModel("black-forest-labs/FLUX.2-dev");
    expect(priceRequest(flux2, { ...base, width: 1024, height: 768 }).published).toBe(false);
    expect(unpublishedNote(flux2.pricing)).toMatch(/^Price not published — the estimate assumes \$0\.0154 per image \(/);
    expect(priceRequest(flux1, { ...base, width: 1024, height: 768 }).published).toBe(true);
    expect(unpublishedNote(flux1.pricing)).toBeNull();
  });

  it("prices fal's models per megapixel, rounded up per image", () => {
    const fal2 = getModel("fal-ai/flux-2/lora");
    expect(priceRequest(fal2, { ...base, width: 1024, height: 1024 }).totalMicroUsd).toBe(42_000);
    expect(priceRequest(getModel("fal-ai/flux-lora"), { ...base, width: 1024, height: 768 }).totalMicroUsd).toBe(35_000);
  });
});

describe("formatUsd", () => {
  it.each([
    [0, "$0.000"],
    [35_000, "$0.035"],
    [70_000, "$0.070"],
    [1_000_000, "$1.000"],
    [1_234_567, "$1.234567"],
    [12_500, "$0.0125"],
  ])("%i micro-dollars → %s", (micro, text) => {
    expect(formatUsd(micro)).toBe(text);
  });
});

describe("catalog", () => {
  it("holds the LoRA models per provider with their families and FLUX.1's default of 28 steps", () => {
    expect(getCatalog().models.map((m) => [m.provider, m.id, m.loraFamily])).toEqual([
      ["together", "black-forest-labs/FLUX.1-dev-lora", "flux1"],
      ["together", "black-forest-labs/FLUX.2-dev", "flux2"],
      ["fal", "fal-ai/flux-lora", "flux1"],
      ["fal", "fal-ai/flux-2/lora", "flux2"],
    ]);
    expect(flux1.defaults.steps).toBe(28);
    expect(flux1.limits.maxLoras).toBe(2);
    expect(() => getModel("nope/nothing")).toThrow(/Unknown model/);
  });
});
