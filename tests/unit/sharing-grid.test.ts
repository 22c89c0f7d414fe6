import { describe, expect, it } from "vitest";
import { toOwnerSweepItem } from "@/lib/collections/view";
import { DEFAULT_CELL_SIZE } from "@/lib/explore/contact-sheet";
import { ownerContactSheetPath, parseSheetSize, SHEET_SIZE_DEFAULT, sharedContactSheetPath, sheetTiles } from "@/lib/explore/contact-sheet-request";
import { gridKey, placeOnGrid } from "@/lib/sharing/grid";
import { parseCell, type SweepAxes, type SweepCellRef } from "@/lib/sharing/view";

const grid: SweepAxes = { x: { name: "LoRA 1 scale", values: [0.3, 0.6, 0.9] }, y: { name: "LoRA 2 scale", values: [0.5, 1] } };
const row: SweepAxes = { x: { name: "LoRA 2 scale", values: [0.3, 0.6, 0.9] } };
const item = (key: string, cell: SweepCellRef | null) => ({ key, cell });

describe("parseCell", () => {
  it("reads grid cells, with a missing or null axis as 0", () => {
    expect(parseCell('{"x":2,"y":1}')).toEqual({ x: 2, y: 1 });
    expect(parseCell('{"x":2}')).toEqual({ x: 2, y: 0 });
    expect(parseCell('{"x":2,"y":null}')).toEqual({ x: 2, y: 0 });
    expect(parseCell('{"baseline":false,"x":1,"y":1}')).toEqual({ x: 1, y: 1 });
  });

  it("reads the no-LoRA baseline, whatever else the object says", () => {
    expect(parseCell('{"baseline":true}')).toEqual({ baseline: true });
    expect(parseCell('{"baseline":true,"x":null,"y":null}')).toEqual({ baseline: true });
    expect(parseCell('{"x":0,"y":0,"baseline":true}')).toEqual({ baseline: true });
  });

  it("refuses malformed cells", () => {
    for (const bad of [null, "", "null", "[]", "[]x", '{"x":-1}', '{"x":1.5}', '{"baseline":"yes"}', '{"baseline":1}', '{"y":"1"}']) {
      expect(parseCell(bad), String(bad)).toBeNull();
    }
  });
});

describe("placeOnGrid", () => {
  it("puts each item in its cell, the baseline aside, and the rest under the grid", () => {
    const items = [
      item("base", { baseline: true }),
      item("a", { x: 0, y: 0 }),
      item("b", { x: 2, y: 1 }),
      item("dup", { x: 0, y: 0 }), // place taken: the first claim keeps it
      item("out", { x: 3, y: 0 }), // outside the axes
      item("none", null),
      item("base2", { baseline: true }), // a second baseline is just another result
    ];
    const placed = placeOnGrid(items, grid);
    expect(placed.columns).toEqual([0.3, 0.6, 0.9]);
    expect(placed.rows).toEqual([0.5, 1]);
    expect(placed.baseline?.key).toBe("base");
    expect([...placed.cells.entries()].map(([k, v]) => [k, v.key])).toEqual([
      [gridKey(0, 0), "a"],
      [gridKey(2, 1), "b"],
    ]);
    expect(placed.rest.map((i) => i.key)).toEqual(["dup", "out", "none", "base2"]);
  });

  it("has no baseline when none is given, and one row (or column) without a second axis", () => {
    const one = placeOnGrid([item("a", { x: 1, y: 0 }), item("b", { x: 1, y: 1 })], row);
    expect(one.baseline).toBeNull();
    expect(one.rows).toEqual([null]);
    expect(one.cells.get(gridKey(1, 0))?.key).toBe("a");
    expect(one.rest.map((i) => i.key)).toEqual(["b"]);

    const yOnly = placeOnGrid([item("a", { x: 0, y: 1 }), item("b", { x: 1, y: 0 })], { y: { name: "LoRA 2 scale", values: [0.5, 1] } });
    expect(yOnly.columns).toEqual([null]);
    expect(yOnly.cells.get(gridKey(0, 1))?.key).toBe("a");
    expect(yOnly.rest.map((i) => i.key)).toEqual(["b"]);
  });
});

describe("contact sheet requests", () => {
  it("tiles exactly what the grid shows: baseline first, then the placed cells", () => {
    const items = [item("a", { x: 1, y: 1 }), item("base", { baseline: true }), item("dup", { x: 1, y: 1 }), item("out", { x: 9, y: 0 }), item("none", null)];
    const tiles = sheetTiles(grid, items);
    expect(tiles.map((t) => [t.item.key, t.cell])).toEqual([
      ["base", { x: null, baseline: true }],
      ["a", { x: 1, y: 1 }],
    ]);
    // One-axis sheets leave y out, as the renderer expects.
    expect(sheetTiles(row, [item("a", { x: 2, y: 0 })]).map((t) => t.cell)).toEqual([{ x: 2 }]);
  });

  it("reads ?size= as 128–512 whole pixels, 256 when absent", () => {
    expect(SHEET_SIZE_DEFAULT).toBe(DEFAULT_CELL_SIZE);
    expect(parseSheetSize(null)).toEqual({ ok: true, size: 256 });
    expect(parseSheetSize("")).toEqual({ ok: true, size: 256 });
    expect(parseSheetSize("128")).toEqual({ ok: true, size: 128 });
    expect(parseSheetSize(" 512 ")).toEqual({ ok: true, size: 512 });
    for (const bad of ["127", "513", "0", "-256", "256.5", "1e2", "0x100", "abc", "99999999"]) {
      const parsed = parseSheetSize(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/size/);
    }
  });

  it("has one URL for the owner and one under the share slug", () => {
    expect(ownerContactSheetPath("c-123")).toBe("/api/collections/c-123/contact-sheet");
    expect(sharedContactSheetPath("AbCdEfGhIjKlMnOpQrStUvWx")).toBe("/c/AbCdEfGhIjKlMnOpQrStUvWx/contact-sheet");
  });
});

describe("toOwnerSweepItem", () => {
  it("is the public grid's item with owner-only image URLs and the parsed cell", () => {
    const view = toOwnerSweepItem({
      generationId: "gen-1",
      cell: '{"baseline":true}',
      generation: {
        id: "gen-1",
        userPrompt: "a lighthouse",
        prompt: "a lighthouse",
        model: "black-forest-labs/FLUX.1-dev-lora",
        width: 512,
        height: 384,
        steps: 4,
        n: 2,
        seed: 7,
        guidance: null,
        customTriggers: null,
        triggerPlacement: null,
        provider: "simulator",
        billedMegapixels: 0.4,
        costMicroUsd: 1234,
        createdAt: new Date("2025-01-02T03:04:05Z"),
        images: [
          { id: "img-a", index: 0, width: 512, height: 384, contentHash: "ab".repeat(32) },
          { id: "img-b", index: 1, width: 512, height: 384, contentHash: "cd".repeat(32) },
        ],
        loras: [{ position: 1, path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.8, triggers: null }],
      },
    });
    expect(view.key).toBe("gen-1");
    expect(view.cell).toEqual({ baseline: true });
    expect(view.images.map((i) => [i.url, i.thumbUrl, i.downloadUrl])).toEqual([
      [`/api/images/img-a?v=${"ab".repeat(8)}`, `/api/images/img-a?v=${"ab".repeat(8)}&size=thumb`, `/api/images/img-a?v=${"ab".repeat(8)}&download=1`],
      [`/api/images/img-b?v=${"cd".repeat(8)}`, `/api/images/img-b?v=${"cd".repeat(8)}&size=thumb`, `/api/images/img-b?v=${"cd".repeat(8)}&download=1`],
    ]);
    expect(view.loras[0]).toMatchObject({ name: "multimodalart/flux-tarot-v1", scale: 0.8 });
  });
});
