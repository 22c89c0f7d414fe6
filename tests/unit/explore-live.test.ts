import { describe, expect, it } from "vitest";
import { cellKey, liveCellLabel, sweepFromCollection } from "@/lib/explore/live";
import type { GenerationView } from "@/lib/generation/view";

function generation(id: string, width = 1024, height = 768): GenerationView {
  return {
    id,
    status: "succeeded",
    userPrompt: "a lighthouse",
    prompt: "a lighthouse",
    model: "black-forest-labs/FLUX.1-dev-lora",
    width,
    height,
    steps: 28,
    n: 1,
    seed: 7,
    guidance: 3.5,
    customTriggers: [],
    triggerPlacement: "before",
    provider: "simulator",
    billedMegapixels: 1,
    costMicroUsd: 35_000,
    createdAt: "2026-11-28T12:00:00.000Z",
    error: null,
    images: [{ id: `${id}-img`, index: 0, url: `/api/images/${id}-img?v=h`, width, height, mimeType: "image/jpeg" }],
    loras: [],
    sharePath: null,
  };
}

const grid = { x: { name: "LoRA 1 scale", values: [0.3, 0.6, 0.9] }, y: { name: "LoRA 2 scale", values: [0.5, 1] } };
const line = { x: { name: "LoRA 2 scale", values: [0.4, 0.8] } };

describe("cellKey and liveCellLabel", () => {
  it.each([
    [grid, { x: null, y: null, baseline: true }, "baseline", "No LoRA"],
    [line, { x: 1, y: null, baseline: false }, "x1", "LoRA 2 scale 0.8"],
    [grid, { x: 1, y: 1, baseline: false }, "x1y1", "LoRA 1 scale 0.6, LoRA 2 scale 1"],
  ])("%o %o → %s, %s", (axes, cell, key, label) => {
    expect(cellKey(cell)).toBe(key);
    expect(liveCellLabel(axes, cell)).toBe(label);
  });
});

describe("sweepFromCollection", () => {
  it("draws every grid position: saved results done, the rest not made, row by row", () => {
    const sweep = sweepFromCollection({ id: "c1", name: "Tarot sweep", axes: grid }, [
      { cell: { x: 1, y: 0 }, generation: generation("a") },
      { cell: { x: 2, y: 1 }, generation: generation("b") },
    ])!;
    expect(sweep.cells.map((c) => [c.key, c.status])).toEqual([
      ["x0y0", "cancelled"],
      ["x1y0", "done"],
      ["x2y0", "cancelled"],
      ["x0y1", "cancelled"],
      ["x1y1", "cancelled"],
      ["x2y1", "done"],
    ]);
    expect(sweep.cells[1].generation?.id).toBe("a");
    expect(sweep.cells[5].label).toBe("LoRA 1 scale 0.9, LoRA 2 scale 1");
    expect(sweep).toMatchObject({ collectionId: "c1", name: "Tarot sweep", running: false, pausedUntil: null, retryable: false, width: 1024, height: 768, sharePath: null });
  });

  it("puts a saved baseline first and keys one-axis cells by x alone", () => {
    const sweep = sweepFromCollection({ id: "c2", name: "s", axes: line, sharePath: "/c/abc" }, [
      { cell: { x: 0, y: 0 }, generation: generation("a", 768, 1024) },
      { cell: { baseline: true }, generation: generation("base", 768, 1024) },
    ])!;
    expect(sweep.cells.map((c) => [c.key, c.label, c.status])).toEqual([
      ["baseline", "No LoRA", "done"],
      ["x0", "LoRA 2 scale 0.4", "done"],
      ["x1", "LoRA 2 scale 0.8", "cancelled"],
    ]);
    expect([sweep.width, sweep.height]).toEqual([768, 1024]);
    expect(sweep.sharePath).toBe("/c/abc");
  });

  it("ignores items off the axes or without a cell, and has no baseline column when none was saved", () => {
    const sweep = sweepFromCollection({ id: "c3", name: "s", axes: line }, [
      { cell: { x: 5, y: 0 }, generation: generation("off") },
      { cell: { x: 0, y: 3 }, generation: generation("off-y") },
      { cell: null, generation: generation("loose") },
    ])!;
    expect(sweep.cells.map((c) => c.key)).toEqual(["x0", "x1"]);
    expect(sweep.cells.every((c) => c.status === "cancelled" && c.generation === undefined)).toBe(true);
    expect([sweep.width, sweep.height]).toEqual([1024, 768]);
  });

  it("is null for axes with no values", () => {
    expect(sweepFromCollection({ id: "c4", name: "s", axes: {} }, [])).toBeNull();
    expect(sweepFromCollection({ id: "c5", name: "s", axes: { x: { name: "LoRA 1 scale", values: [] } } }, [])).toBeNull();
  });
});
