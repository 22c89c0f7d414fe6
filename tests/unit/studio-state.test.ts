import { describe, expect, it } from "vitest";
import { initialStudioState, stateFromSearchParams, stateToSearchParams, type StudioState } from "@/lib/studio/state";

const recipe: StudioState = {
  ...initialStudioState(),
  prompt: "a tarot card of a cat & a moon",
  width: 1024,
  height: 1024,
  steps: 30,
  n: 2,
  seed: 1234,
  randomSeed: false,
  loras: [
    { path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.8, triggers: ["in the style of TOK a trtcrd tarot style"] },
    { path: "https://replicate.com/fofr/flux-black-light", scale: 0.55, triggers: ["BLKLGHT"] },
  ],
  customTriggers: ["film grain"],
  placement: "after",
};

describe("recipe links", () => {
  it("round-trip every setting through the URL", () => {
    const query = stateToSearchParams(recipe).toString();
    expect(stateFromSearchParams(new URLSearchParams(query))).toEqual(recipe);
  });

  it("leave defaults out, so a fresh studio has an empty query", () => {
    expect(stateToSearchParams(initialStudioState()).toString()).toBe("");
    expect(stateFromSearchParams(new URLSearchParams(""))).toEqual(initialStudioState());
  });

  it("a random seed is not part of the recipe", () => {
    expect(stateToSearchParams({ ...recipe, randomSeed: true }).has("seed")).toBe(false);
  });

  it("invalid values fall back to defaults instead of breaking", () => {
    const s = stateFromSearchParams(new URLSearchParams("model=nope&w=99999&h=abc&n=9&steps=0&seed=-5&s1=7&l1=https://huggingface.co/a/b&tp=sideways&g=NaN"));
    const d = initialStudioState();
    expect(s).toMatchObject({ model: d.model, width: d.width, height: d.height, n: 1, steps: d.steps, randomSeed: true, placement: "before", guidance: d.guidance });
    expect(s.loras[0]).toEqual({ path: "https://huggingface.co/a/b", scale: 1, triggers: [] });
  });

  it("a LoRA in slot 2 only stays in slot 2", () => {
    const s = stateFromSearchParams(new URLSearchParams("l2=https://huggingface.co/a/b&s2=0.3"));
    expect(s.loras[0].path).toBe("");
    expect(s.loras[1]).toMatchObject({ path: "https://huggingface.co/a/b", scale: 0.3 });
  });

  it("switching model in the URL uses that model's defaults", () => {
    const s = stateFromSearchParams(new URLSearchParams("model=black-forest-labs/FLUX.2-dev"));
    expect(s).toMatchObject({ model: "black-forest-labs/FLUX.2-dev", width: 1024, height: 1024 });
  });
});
