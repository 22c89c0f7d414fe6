import { describe, expect, it } from "vitest";
import { filledSlots, keepInLayout, layoutGrid, parseGridCell, parseGridPlan, type GridLayout } from "@/lib/grid/layout";
import type { StoredGridPlan } from "@/lib/grid/view";

// A saved grid's stored plan and its items' cells → Z slices of labelled rows and columns: the
// one placement the owner's page, the shared page, the contact sheet and og:image all use.

const loras = { kind: "lora1", name: "LoRA 1", labels: ["Tarot", "Anime (XLabs collection)"] };
const prompts = { kind: "prompt-set", name: "Prompt set: Starter set", labels: ["portrait", "landscape", "object"] };
const seeds = { kind: "seed", name: "Seed", labels: ["7", "8"] };
const plan = (axes: StoredGridPlan["axes"], separateBaseline = false) => JSON.stringify({ axes, separateBaseline } satisfies StoredGridPlan);
const at = (cell: object | null, key: string) => ({ item: key, cell: cell === null ? null : JSON.stringify(cell) });

/** Each slice as rows of item keys ("·" for an empty place). */
const picture = (layout: GridLayout<string>) => layout.slices.map((s) => s.rows.map((r) => r.slots.map((slot) => slot.item ?? "·").join(" ")));

describe("layoutGrid", () => {
  it("X only: one row of one slice, places named by the real axis labels", () => {
    const layout = layoutGrid(plan({ x: loras }), [at({ z: 0, x: 1, y: null }, "anime"), at({ z: 0, x: 0, y: null }, "tarot")])!;
    expect(picture(layout)).toEqual([["tarot anime"]]);
    expect(layout.slices[0]).toMatchObject({ z: 0, label: null, baseline: null });
    expect(layout.slices[0].rows[0].label).toBeNull();
    expect(layout.slices[0].rows[0].slots.map((s) => s.place)).toEqual(["LoRA 1 Tarot", "LoRA 1 Anime (XLabs collection)"]);
    expect(layout.rest).toEqual([]);
  });

  it("X × Y: rows by Y value, empty places say what became of their cell", () => {
    const items = [at({ z: 0, x: 0, y: 0 }, "a"), at({ z: 0, x: 1, y: 2 }, "b")];
    const records = [
      { z: 0, x: 1, y: 0, status: "failed" },
      { z: 0, x: 0, y: 1, status: "queued" },
      { z: 0, x: 1, y: 1, status: "running" },
      { z: 0, x: 0, y: 2, status: "succeeded" }, // removed from the collection since
      { z: 0, x: 1, y: 2, status: "succeeded" },
    ];
    const layout = layoutGrid(plan({ x: loras, y: prompts }), items, records)!;
    expect(picture(layout)).toEqual([["a ·", "· ·", "· b"]]);
    expect(layout.slices[0].rows.map((r) => r.label)).toEqual(["portrait", "landscape", "object"]);
    expect(layout.slices[0].rows.map((r) => r.slots.map((s) => s.status))).toEqual([
      ["succeeded", "failed"],
      ["queued", "running"],
      ["missing", "succeeded"],
    ]);
    expect(layout.slices[0].rows[2].slots[1].place).toBe("LoRA 1 Anime (XLabs collection), Prompt set: Starter set object");
    // No error messages were loaded (a shared page): no reasons.
    expect(layout.slices[0].rows.flatMap((r) => r.slots.map((s) => s.reason))).toEqual([null, null, null, null, null, null]);
  });

  it("an empty place carries its cell's error message when the records have one (the owner's page)", () => {
    const records = [
      { z: 0, x: 1, y: 0, status: "failed", errorMessage: " Together refused the LoRA: its keys do not fit FLUX.1. " },
      { z: 0, x: 0, y: 1, status: "cancelled", errorMessage: "Cancelled before it started. Nothing was charged." },
      { z: 0, x: 1, y: 1, status: "queued", errorMessage: null },
      { z: 0, x: 0, y: 2, status: "succeeded", errorMessage: "stale" },
    ];
    const layout = layoutGrid(plan({ x: loras, y: prompts }), [at({ z: 0, x: 0, y: 0 }, "a")], records)!;
    expect(layout.slices[0].rows.map((r) => r.slots.map((s) => s.reason))).toEqual([
      [null, "Together refused the LoRA: its keys do not fit FLUX.1."],
      ["Cancelled before it started. Nothing was charged.", null],
      [null, null],
    ]);
  });

  it("X × Y × Z: one slice per Z value, each labelled, cells kept to their own slice", () => {
    const items = [at({ z: 1, x: 1, y: 0 }, "z1"), at({ z: 0, x: 0, y: 2 }, "z0")];
    const layout = layoutGrid(plan({ x: loras, y: prompts, z: seeds }), items)!;
    expect(layout.slices.map((s) => s.label)).toEqual(["7", "8"]);
    expect(picture(layout)).toEqual([
      ["· ·", "· ·", "z0 ·"],
      ["· z1", "· ·", "· ·"],
    ]);
    expect(layout.slices[1].rows[0].slots[1].place).toBe("LoRA 1 Anime (XLabs collection), Prompt set: Starter set portrait, Seed 8");
    expect(filledSlots(layout)).toEqual([
      { item: "z0", slice: 0, x: 0, y: 2 },
      { item: "z1", slice: 1, x: 1, y: 0 },
    ]);
  });

  it("a separate no-LoRA baseline per Z value; without one in the plan, a baseline cell is left over", () => {
    const steps = { kind: "steps", name: "Steps", labels: ["20", "28"] };
    const items = [at({ z: 1, baseline: true }, "base8"), at({ z: 0, x: 0, y: null }, "a")];
    const layout = layoutGrid(plan({ x: steps, z: seeds }, true), items, [{ z: 0, x: null, y: null, status: "failed" }])!;
    expect(layout.slices.map((s) => [s.baseline?.item ?? null, s.baseline?.status, s.baseline?.place])).toEqual([
      [null, "failed", "No LoRA, Seed 7"],
      ["base8", "succeeded", "No LoRA, Seed 8"],
    ]);
    expect(filledSlots(layout)[0]).toEqual({ item: "a", slice: 0, x: 0, y: null });
    expect(filledSlots(layout)[1]).toEqual({ item: "base8", slice: 1, x: null, y: null });

    const without = layoutGrid(plan({ x: steps, z: seeds }, false), items)!;
    expect(without.slices.every((s) => s.baseline === null)).toBe(true);
    expect(without.rest).toEqual(["base8"]);
  });

  it("a LoRA list's 'No LoRA' value is an ordinary column", () => {
    const layout = layoutGrid(plan({ x: { ...loras, labels: ["No LoRA", ...loras.labels] } }), [at({ z: 0, x: 0, y: null }, "none")])!;
    expect(layout.slices[0].baseline).toBeNull();
    expect(layout.slices[0].rows[0].slots[0]).toMatchObject({ item: "none", place: "LoRA 1 No LoRA" });
  });

  it("items with no cell, a malformed one, one outside the plan or a place already taken go under the grid", () => {
    const items = [
      at({ z: 0, x: 0, y: 0 }, "first"),
      at({ z: 0, x: 0, y: 0 }, "second"),
      at(null, "none"),
      { item: "garbled", cell: "{not json" },
      at({ x: 1, y: 1 }, "sweep-cell"),
      at({ z: 0, x: 2, y: 0 }, "x-out"),
      at({ z: 0, x: 0, y: 3 }, "y-out"),
      at({ z: 1, x: 0, y: 0 }, "z-out"),
      at({ z: 0, x: 1, y: null }, "y-missing"),
      at({ z: 0, x: -1, y: 0 }, "negative"),
    ];
    const layout = layoutGrid(plan({ x: loras, y: prompts }), items)!;
    expect(picture(layout)).toEqual([["first ·", "· ·", "· ·"]]);
    expect(layout.rest).toEqual(["second", "none", "garbled", "sweep-cell", "x-out", "y-out", "z-out", "y-missing", "negative"]);
  });

  it("a malformed or old plan is null (the pages fall back to the plain list); an unknown status is 'missing'", () => {
    for (const bad of [null, "", "{", "null", "[]", JSON.stringify({ x: { name: "LoRA 1 scale", values: [0.3] } }), plan({ x: { ...loras, labels: [] } }), JSON.stringify({ axes: { x: { name: "x", labels: ["a"] } } }), JSON.stringify({ axes: { x: { ...loras, labels: [1, 2] } } })]) {
      expect(layoutGrid(bad, [at({ z: 0, x: 0, y: null }, "a")]), String(bad)).toBeNull();
      expect(parseGridPlan(bad)).toBeNull();
    }
    // An older row without separateBaseline reads as "none".
    expect(parseGridPlan(JSON.stringify({ axes: { x: loras } }))).toEqual({ axes: { x: loras }, separateBaseline: false });
    const odd = layoutGrid(plan({ x: loras }), [], [{ z: 0, x: 0, y: null, status: "exploded" }])!;
    expect(odd.slices[0].rows[0].slots[0].status).toBe("missing");
  });

  it("parseGridCell reads both stored shapes and nothing else", () => {
    expect(parseGridCell('{"z":2,"baseline":true}')).toEqual({ z: 2, baseline: true });
    expect(parseGridCell('{"z":0,"x":3,"y":null}')).toEqual({ z: 0, x: 3, y: null });
    expect(parseGridCell('{"z":0,"x":3}')).toEqual({ z: 0, x: 3, y: null });
    for (const bad of [null, "", "x", '{"x":1,"y":1}', '{"z":0,"x":1.5,"y":0}', '{"z":0,"baseline":false}', '{"z":64,"x":0,"y":0}']) expect(parseGridCell(bad), String(bad)).toBeNull();
  });
});

describe("keepInLayout", () => {
  it("turns the places of items not kept into 'missing' and drops them from the rest", () => {
    const layout = layoutGrid(plan({ x: loras }, true), [at({ z: 0, x: 0, y: null }, "a"), at({ z: 0, baseline: true }, "base"), at(null, "loose"), at({ z: 0, x: 1, y: null }, "b")])!;
    const kept = keepInLayout(layout, (k) => k !== "a" && k !== "base" && k !== "loose");
    expect(picture(kept)).toEqual([["· b"]]);
    expect(kept.slices[0].rows[0].slots[0].status).toBe("missing");
    expect(kept.slices[0].baseline).toMatchObject({ item: null, status: "missing" });
    expect(kept.rest).toEqual([]);
    // The original is untouched.
    expect(picture(layout)).toEqual([["a b"]]);
  });
});
