import { describe, expect, it } from "vitest";
import { describeValues, sweepName } from "@/lib/explore/name";
import { addExploreParams, defaultExploreSettings, exploreFromSearchParams, sweptScaleReasons } from "@/lib/explore/settings";

describe("explore settings in the URL", () => {
  it("single-image mode has no explore settings", () => {
    expect(exploreFromSearchParams(new URLSearchParams("p=hello"))).toBeNull();
    expect(addExploreParams(new URLSearchParams("p=hello"), null).toString()).toBe("p=hello");
  });
  it("defaults leave only mode=explore", () => {
    const params = addExploreParams(new URLSearchParams(), defaultExploreSettings());
    expect(params.toString()).toBe("mode=explore");
    expect(exploreFromSearchParams(params)).toEqual(defaultExploreSettings());
  });
  it("round-trips a grid with a baseline and typed ranges", () => {
    const settings = { vary: "both" as const, x: "0.3, 0.6, 0.9", y: "0.2-1 step 0.4", baseline: true };
    expect(exploreFromSearchParams(addExploreParams(new URLSearchParams(), settings))).toEqual(settings);
  });
  it("drops y when only one LoRA varies, and ignores an unknown vary", () => {
    const params = addExploreParams(new URLSearchParams(), { vary: "lora2", x: "1", y: "0.1", baseline: false });
    expect(params.has("sy")).toBe(false);
    expect(exploreFromSearchParams(new URLSearchParams("mode=explore&vary=all"))?.vary).toBe("lora1");
  });
});

describe("sweep names", () => {
  it("describes ascending runs as a range, other lists as entered", () => {
    expect(describeValues([0.3, 0.6, 0.9, 1.2])).toBe("0.3–1.2");
    expect(describeValues([0.5, 1])).toBe("0.5, 1");
    expect(describeValues([1, 0.5, 0.2])).toBe("1, 0.5, 0.2");
  });
  it("names what varied, then the prompt", () => {
    const axes = { x: { name: "LoRA 1 scale", values: [0.3, 0.6, 0.9] } };
    expect(sweepName(axes, ["Tarot", undefined], "a lighthouse at dusk")).toBe("Tarot 0.3–0.9 · a lighthouse at dusk");
  });
  it("a LoRA 2 sweep uses LoRA 2's name; a grid names both", () => {
    expect(sweepName({ x: { name: "LoRA 2 scale", values: [0.5, 1] } }, ["Tarot", "Anime"], "")).toBe("Anime 0.5, 1");
    const grid = { x: { name: "LoRA 1 scale", values: [0.3, 0.6, 0.9] }, y: { name: "LoRA 2 scale", values: [0.5, 1] } };
    expect(sweepName(grid, ["Tarot", "Anime"], "fox")).toBe("Tarot 0.3–0.9 × Anime 0.5, 1 · fox");
  });
  it("stays within the 80-character collection name limit", () => {
    const name = sweepName({ x: { name: "LoRA 1 scale", values: [0.3, 0.6, 0.9] } }, ["A very long LoRA title ".repeat(4), undefined], "prompt ".repeat(30));
    expect(name.length).toBeLessThanOrEqual(80);
    expect(name).toContain("…");
  });
});

describe("the scales a sweep sets", () => {
  const base = defaultExploreSettings();
  it("locks only the slots the sweep varies, naming the values", () => {
    expect(sweptScaleReasons({ ...base, vary: "lora1", x: "0.3, 0.6" })).toEqual(["The sweep sets this scale: 0.3, 0.6.", undefined]);
    expect(sweptScaleReasons({ ...base, vary: "lora2", x: "0.5-1 step 0.5" })).toEqual([undefined, "The sweep sets this scale: 0.5, 1."]);
    const both = sweptScaleReasons({ ...base, vary: "both", x: "0.3", y: "0.9, 1.2" });
    expect(both).toEqual(["The sweep sets this scale: 0.3.", "The sweep sets this scale: 0.9, 1.2."]);
  });
  it("still locks the slot while the values are being typed", () => {
    expect(sweptScaleReasons({ ...base, vary: "lora1", x: "0.3-" })[0]).toMatch(/sweep sets this scale/);
  });
});
