import { describe, expect, it } from "vitest";
import { catalog, getModel } from "@/lib/models/catalog";
import { explainPrice, formatUsd, priceRequest } from "@/lib/models/pricing";

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

  it("applies the steps factor only for models that declare it, rounding up", () => {
    const stepped = { ...flux1, pricing: { ...flux1.pricing, stepsFactor: true } };
    expect(priceRequest(stepped, { width: 1024, height: 768, n: 1, steps: 14 }).totalMicroUsd).toBe(17_500);
    expect(priceRequest(stepped, { width: 1024, height: 768, n: 1, steps: 29 }).totalMicroUsd).toBe(36_250);
    expect(priceRequest(stepped, { width: 1024, height: 768, n: 1, steps: 1 }).totalMicroUsd).toBe(1_250);
  });

  it("flags prices that are our assumption", () => {
    const flux2 = getModel("black-forest-labs/FLUX.2-dev");
    expect(priceRequest(flux2, { ...base, width: 1024, height: 768 }).published).toBe(false);
    expect(priceRequest(flux1, { ...base, width: 1024, height: 768 }).published).toBe(true);
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
  it("holds both LoRA models with their families and FLUX.1's default of 28 steps", () => {
    expect(catalog.models.map((m) => [m.id, m.loraFamily])).toEqual([
      ["black-forest-labs/FLUX.1-dev-lora", "flux1"],
      ["black-forest-labs/FLUX.2-dev", "flux2"],
    ]);
    expect(flux1.defaults.steps).toBe(28);
    expect(flux1.limits.maxLoras).toBe(2);
    expect(() => getModel("nope/nothing")).toThrow(/Unknown model/);
  });
});
