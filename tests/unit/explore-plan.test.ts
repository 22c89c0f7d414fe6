import { describe, expect, it } from "vitest";
import { planSweep, sweepCost } from "@/lib/explore/plan";
import { buildPrompt } from "@/lib/generation/prompt";
import { getModel } from "@/lib/models/registry";
import { priceRequest } from "@/lib/models/pricing";
import { initialStudioState, type StudioState } from "@/lib/studio/state";

const state: StudioState = {
  ...initialStudioState(),
  prompt: "a lighthouse at dusk",
  width: 1024,
  height: 768,
  n: 3,
  seed: 777,
  randomSeed: true,
  loras: [
    { path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.8, triggers: ["trtcrd tarot style"] },
    { path: "https://replicate.com/fofr/flux-black-light", scale: 0.55, triggers: ["BLKLGHT"] },
  ],
  customTriggers: ["film grain"],
};

const promptOf = (s: StudioState) =>
  buildPrompt(s.prompt, [...s.loras.filter((l) => l.path).flatMap((l) => l.triggers), ...s.customTriggers], s.placement);

describe("planSweep", () => {
  it("sweeps LoRA 1 along x, keeping LoRA 2 as set", () => {
    const plan = planSweep(state, { vary: "lora1", x: [0.3, 0.6, 0.9], baseline: false });
    expect(plan.errors).toEqual([]);
    expect(plan.axes).toEqual({ x: { name: "LoRA 1 scale", values: [0.3, 0.6, 0.9] } });
    expect(plan.cells.map((c) => [c.key, c.x, c.y, c.baseline])).toEqual([
      ["x0", 0, null, false],
      ["x1", 1, null, false],
      ["x2", 2, null, false],
    ]);
    expect(plan.cells.map((c) => c.state.loras.map((l) => l.scale))).toEqual([
      [0.3, 0.55],
      [0.6, 0.55],
      [0.9, 0.55],
    ]);
  });

  it("sweeps LoRA 2 along x", () => {
    const plan = planSweep(state, { vary: "lora2", x: [0, 1], y: [0.5], baseline: false });
    expect(plan.errors).toEqual([]);
    expect(plan.axes).toEqual({ x: { name: "LoRA 2 scale", values: [0, 1] } });
    expect(plan.cells.map((c) => c.state.loras.map((l) => l.scale))).toEqual([
      [0.8, 0],
      [0.8, 1],
    ]);
  });

  it("builds a grid for both: LoRA 1 on x, LoRA 2 on y, row by row", () => {
    const plan = planSweep(state, { vary: "both", x: [0.5, 1], y: [0.2, 0.4, 0.6], baseline: false });
    expect(plan.errors).toEqual([]);
    expect(plan.axes).toEqual({ x: { name: "LoRA 1 scale", values: [0.5, 1] }, y: { name: "LoRA 2 scale", values: [0.2, 0.4, 0.6] } });
    expect(plan.cells).toHaveLength(6);
    expect(plan.cells.map((c) => c.key)).toEqual(["x0y0", "x1y0", "x0y1", "x1y1", "x0y2", "x1y2"]);
    const c = plan.cells.find((cell) => cell.x === 1 && cell.y === 2)!;
    expect(c.state.loras.map((l) => l.scale)).toEqual([1, 0.6]);
  });

  it("pins a random seed, forces one image per cell, and leaves everything else alone", () => {
    const plan = planSweep(state, { vary: "lora1", x: [0.3, 0.6], baseline: true });
    expect(plan.seedFixed).toBe(true);
    expect(plan.seed).toBe(777);
    for (const cell of plan.cells) {
      expect(cell.state.seed).toBe(777);
      expect(cell.state.randomSeed).toBe(false);
      expect(cell.state.n).toBe(1);
      expect(cell.state.prompt).toBe(state.prompt);
      expect([cell.state.width, cell.state.height, cell.state.steps, cell.state.guidance, cell.state.model]).toEqual([
        state.width, state.height, state.steps, state.guidance, state.model,
      ]);
    }
    expect(planSweep({ ...state, randomSeed: false }, { vary: "lora1", x: [1], baseline: false }).seedFixed).toBe(false);
  });

  it("does not share arrays with the input state", () => {
    const plan = planSweep(state, { vary: "lora1", x: [0.3, 0.6], baseline: false });
    plan.cells[0].state.loras[0].triggers.push("x");
    expect(state.loras[0].triggers).toEqual(["trtcrd tarot style"]);
    expect(plan.cells[1].state.loras[0].triggers).toEqual(["trtcrd tarot style"]);
  });

  it("puts the baseline first: no LoRAs, the same final prompt", () => {
    const plan = planSweep(state, { vary: "both", x: [0.5], y: [0.5], baseline: true });
    expect(plan.cells.map((c) => c.key)).toEqual(["baseline", "x0y0"]);
    const [base, cell] = plan.cells;
    expect(base).toMatchObject({ x: null, y: null, baseline: true });
    expect(base.state.loras.every((l) => l.path === "")).toBe(true);
    expect(promptOf(base.state)).toBe(promptOf(cell.state));
    expect(promptOf(base.state)).toBe("trtcrd tarot style, BLKLGHT, film grain, a lighthouse at dusk");
  });

  it("requires the swept slot(s) to hold a LoRA", () => {
    const noSecond: StudioState = { ...state, loras: [state.loras[0], { path: " ", scale: 1, triggers: [] }] };
    expect(planSweep(noSecond, { vary: "lora1", x: [1], baseline: false }).errors).toEqual([]);
    const p2 = planSweep(noSecond, { vary: "lora2", x: [1], baseline: false });
    expect(p2.errors).toEqual(["LoRA 2 is empty: add a LoRA to sweep its scale"]);
    expect(p2.cells).toEqual([]);
    expect(planSweep(noSecond, { vary: "both", x: [1], y: [1], baseline: false }).errors).toContain("LoRA 2 is empty: add a LoRA to sweep its scale");
  });

  it("requires values, in range, without duplicates, at most 5", () => {
    expect(planSweep(state, { vary: "lora1", x: [], baseline: false }).errors).toEqual(["Enter at least one scale for LoRA 1"]);
    expect(planSweep(state, { vary: "both", x: [1], baseline: false }).errors).toEqual(["Enter at least one scale for LoRA 2"]);
    expect(planSweep(state, { vary: "lora1", x: [0.5, 2.5], baseline: false }).errors[0]).toMatch(/2\.5 is outside 0–2/);
    expect(planSweep(state, { vary: "lora1", x: [0.5, 0.5], baseline: false }).errors[0]).toMatch(/twice/);
    expect(planSweep(state, { vary: "lora1", x: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], baseline: false }).errors[0]).toMatch(/at most 5/);
  });

  it("reports problems of the recipe itself but keeps the cells for a preview", () => {
    const plan = planSweep({ ...state, prompt: " " }, { vary: "lora1", x: [0.5, 1], baseline: true });
    expect(plan.errors).toEqual(["Write a prompt first"]);
    expect(plan.cells).toHaveLength(3);
  });
});

describe("sweepCost", () => {
  const model = getModel(state.model);
  it("prices each cell as a one-image request", () => {
    const plan = planSweep(state, { vary: "both", x: [0.5, 1, 1.5], y: [0.5, 1, 1.5], baseline: true });
    const one = priceRequest(model, { width: 1024, height: 768, steps: state.steps, n: 1 }).totalMicroUsd;
    expect(one).toBe(35_000);
    expect(sweepCost(plan.cells, model)).toEqual({ perImageMicroUsd: one, totalMicroUsd: 10 * one, count: 10, published: model.pricing.published, assumption: null });
  });

  it("is zero for no cells", () => {
    expect(sweepCost([], model)).toMatchObject({ perImageMicroUsd: 0, totalMicroUsd: 0, count: 0 });
  });

  it("rounds megapixels up per image", () => {
    const plan = planSweep({ ...state, width: 1920, height: 1080 }, { vary: "lora1", x: [1, 2], baseline: false });
    expect(sweepCost(plan.cells, model)).toMatchObject({ perImageMicroUsd: 3 * 35_000, totalMicroUsd: 6 * 35_000, count: 2 });
  });
});
