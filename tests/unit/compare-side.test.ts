import { describe, expect, it } from "vitest";
import { sideCaption } from "@/lib/compare/caption";
import type { CompareParams } from "@/lib/compare/diff";
import { paramsFromGeneration, paramsFromShared } from "@/lib/compare/params";
import { frameAspect, toCompareSide } from "@/lib/compare/side";
import type { GenerationView } from "@/lib/generation/view";
import type { SharedResult } from "@/lib/sharing/view";

const TAROT = "https://huggingface.co/multimodalart/flux-tarot-v1";

const params: CompareParams = {
  userPrompt: "a lighthouse at dusk",
  prompt: "a lighthouse at dusk",
  modelLabel: "FLUX.1 [dev] + LoRA",
  width: 1024,
  height: 768,
  steps: 28,
  n: 1,
  seed: 42,
  guidance: null,
  provider: "simulator",
  loras: [{ position: 1, name: "tarot", path: TAROT, scale: 0.3 }],
  costMicroUsd: 35_000,
};

describe("sideCaption", () => {
  it.each<[string, Pick<CompareParams, "loras" | "seed">, string]>([
    ["one LoRA", params, "A · LoRA 1 × 0.3 · seed 42"],
    ["no LoRA", { seed: 7, loras: [] }, "A · no LoRA · seed 7"],
    [
      "two LoRAs, in position order, scales as written",
      { seed: 1, loras: [{ position: 2, name: "b", path: "b", scale: 1 }, { position: 1, name: "a", path: "a", scale: 0.65 }] },
      "A · LoRA 1 × 0.65 · LoRA 2 × 1 · seed 1",
    ],
  ])("%s", (_name, p, expected) => {
    expect(sideCaption("A", p)).toBe(expected);
  });
});

describe("toCompareSide and frameAspect", () => {
  const image = { url: "/api/images/i?v=abc", width: 1024, height: 768 };

  it("leads the image's alt text with the caption", () => {
    const side = toCompareSide("B", params, image, { href: "/gallery/g", label: "Details" });
    expect(side.caption).toBe("B · LoRA 1 × 0.3 · seed 42");
    expect(side.image).toEqual({ ...image, alt: "B · LoRA 1 × 0.3 · seed 42 — a lighthouse at dusk" });
    expect(toCompareSide("A", params, undefined, null).image).toBeNull();
  });

  it.each<[string, [number, number] | null, [number, number] | null, string]>([
    ["same size", [1024, 768], [1024, 768], "1024 / 768"],
    ["landscape and portrait share a square", [1024, 768], [768, 1024], "1024 / 1024"],
    ["one without an image", [512, 512], null, "512 / 512"],
    ["neither", null, null, "1 / 1"],
  ])("%s", (_name, sa, sb, expected) => {
    const side = (s: [number, number] | null) => toCompareSide("A", params, s ? { url: "/x", width: s[0], height: s[1] } : undefined, null);
    expect(frameAspect(side(sa), side(sb))).toBe(expected);
  });
});

describe("params from owner and shared results", () => {
  it("names an owner's LoRAs from their links and the model from the catalog", () => {
    const g = {
      userPrompt: "u",
      prompt: "p",
      model: "black-forest-labs/FLUX.1-dev-lora",
      width: 1024,
      height: 768,
      steps: 28,
      n: 1,
      seed: 5,
      guidance: 3.5,
      provider: "together",
      costMicroUsd: 35_000,
      loras: [{ position: 1, path: TAROT, scale: 0.8 }],
    } as GenerationView;
    expect(paramsFromGeneration(g)).toEqual({
      userPrompt: "u",
      prompt: "p",
      modelLabel: "FLUX.1 [dev] + LoRA",
      width: 1024,
      height: 768,
      steps: 28,
      n: 1,
      seed: 5,
      guidance: 3.5,
      provider: "together",
      loras: [{ position: 1, name: "multimodalart/flux-tarot-v1", path: TAROT, scale: 0.8 }],
      costMicroUsd: 35_000,
    });
    expect(paramsFromGeneration({ ...g, model: "someone/unknown-model" }).modelLabel).toBe("someone/unknown-model");
  });

  it("keeps a shared result's LoRA names (from their cards)", () => {
    const r = { ...params, model: "m", loras: [{ position: 1, path: TAROT, scale: 0.3, name: "Tarot", href: TAROT }] } as unknown as SharedResult;
    expect(paramsFromShared(r).loras).toEqual([{ position: 1, name: "Tarot", path: TAROT, scale: 0.3 }]);
    expect(paramsFromShared(r).modelLabel).toBe("FLUX.1 [dev] + LoRA");
  });
});
