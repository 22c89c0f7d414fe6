import { describe, expect, it } from "vitest";
import { contactSheetKey, SHEET_RENDER_VERSION, type SheetState } from "@/lib/explore/contact-sheet-key";

const axes = { x: { name: "LoRA 1 scale", values: [0.3, 0.6] } };
const base: SheetState = {
  axes,
  tiles: [
    { cell: { x: 0 }, storageKey: "images/aa/bb/aabb.jpg" },
    { cell: { x: 1 }, storageKey: "images/cc/dd/ccdd.jpg" },
  ],
  cellSize: 256,
};

describe("contactSheetKey", () => {
  it("is stable for the same state and lives under contact-sheets/", () => {
    expect(contactSheetKey(base)).toBe(contactSheetKey(structuredClone(base)));
    expect(contactSheetKey(base)).toMatch(/^contact-sheets\/[0-9a-f]{2}\/[0-9a-f]{64}\.png$/);
  });

  it("changes with anything that changes the pixels: size, an image, a tile's place, a missing tile, the axes", () => {
    const keys = new Set([
      contactSheetKey(base),
      contactSheetKey({ ...base, cellSize: 512 }),
      contactSheetKey({ ...base, tiles: [base.tiles[0], { ...base.tiles[1], storageKey: "images/ee/ff/eeff.jpg" }] }),
      contactSheetKey({ ...base, tiles: [base.tiles[0], { ...base.tiles[1], storageKey: null }] }),
      contactSheetKey({ ...base, tiles: [{ ...base.tiles[0], cell: { x: 1 } }, { ...base.tiles[1], cell: { x: 0 } }] }),
      contactSheetKey({ ...base, tiles: [base.tiles[0]] }),
      contactSheetKey({ ...base, tiles: [...base.tiles, { cell: { x: null, baseline: true }, storageKey: "images/11/22/1122.jpg" }] }),
      contactSheetKey({ ...base, axes: { x: { name: "LoRA 2 scale", values: [0.3, 0.6] } } }),
      // The axis named after its LoRA, the tiles' shape, the caption: all drawn, so all in the key.
      contactSheetKey({ ...base, axes: { x: { name: "Tarot scale", values: [0.3, 0.6] } } }),
      contactSheetKey({ ...base, aspect: 4 / 3 }),
      contactSheetKey({ ...base, caption: ["Prompt: a lighthouse"] }),
      contactSheetKey({ ...base, caption: ["Prompt: a lighthouse", "Seed 7"] }),
    ]);
    expect(keys.size).toBe(12);
  });

  it("is versioned: sheets stored by the first renderer (square tiles, no caption) are not served", async () => {
    expect(SHEET_RENDER_VERSION).toBeGreaterThanOrEqual(2);
    // The key the version-1 renderer stored this state under (the same hash without look, version 1).
    const { createHash } = await import("node:crypto");
    const tiles = base.tiles.map((t) => [t.cell.baseline ? "baseline" : [t.cell.x, t.cell.y ?? null], t.storageKey]);
    const v1 = createHash("sha256").update(JSON.stringify([1, base.axes, base.cellSize, tiles])).digest("hex");
    expect(contactSheetKey(base)).not.toBe(`contact-sheets/${v1.slice(0, 2)}/${v1}.png`);
  });
});
