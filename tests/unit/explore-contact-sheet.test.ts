import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { contactSheetLayout, renderContactSheet } from "@/lib/explore/contact-sheet";
import { renderSimulatedImage } from "@/lib/together/simulator/render";
import type { SweepAxes } from "@/lib/sharing/view";

const grid: SweepAxes = { x: { name: "LoRA 1 scale", values: [0.3, 0.6, 0.9] }, y: { name: "LoRA 2 scale", values: [0.5, 1, 1.5] } };
const row: SweepAxes = { x: { name: "LoRA 1 scale", values: [0.3, 0.6, 0.9, 1.2] } };

const solid = (r: number, g: number, b: number, width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: { r, g, b } } }).png().toBuffer();

async function pixel(png: Buffer, x: number, y: number) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i], data[i + 1], data[i + 2]];
}

describe("contactSheetLayout", () => {
  it("follows the documented formula: 3 × 3 of 256 px → 886 × 840", () => {
    const L = contactSheetLayout(grid, false, 256);
    expect([L.px, L.gap, L.line, L.top, L.left]).toEqual([2, 8, 20, 48, 94]);
    expect([L.width, L.height]).toEqual([94 + 3 * 256 + 2 * 8 + 8, 48 + 3 * 256 + 2 * 8 + 8]);
    expect([L.width, L.height]).toEqual([886, 840]);
    expect(L.tile(2, 1)).toEqual({ left: 94 + 2 * 264, top: 48 + 264 });
  });

  it("adds a baseline column and handles one-axis sweeps and other cell sizes", () => {
    // 5 × 5 + baseline at 256: 6 columns.
    const big = contactSheetLayout({ x: { name: "a", values: [1, 2, 3, 4, 5] }, y: { name: "b", values: [1, 2, 3, 4, 5] } }, true);
    expect([big.cols, big.rows, big.width, big.height]).toEqual([6, 5, 94 + 6 * 256 + 5 * 8 + 8, 48 + 5 * 256 + 4 * 8 + 8]);
    // One row, no y axis: left is just the gap.
    const one = contactSheetLayout(row, true, 128);
    expect([one.px, one.gap, one.left, one.top]).toEqual([1, 4, 4, 24]);
    expect([one.width, one.height]).toEqual([4 + 5 * 128 + 4 * 4 + 4, 24 + 128 + 4]);
  });

  it("rejects silly cell sizes", () => {
    expect(() => contactSheetLayout(grid, false, 10)).toThrow(RangeError);
    expect(() => contactSheetLayout(grid, false, 100.5)).toThrow(RangeError);
  });
});

describe("renderContactSheet", () => {
  it("renders a PNG of the documented size with images in place and empty tiles neutral", async () => {
    const red = await solid(255, 0, 0);
    const cells = [
      { x: 0, y: 0, image: red, label: "0.3 / 0.5" },
      { x: 2, y: 1, image: await solid(0, 0, 255) },
      { x: 1, y: 2, image: Buffer.from("not an image") },
      { x: 7, y: 7, image: red }, // out of range: skipped
    ];
    const png = await renderContactSheet({ axes: grid, cells, cellSize: 256 });
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe("png");
    expect([meta.width, meta.height]).toEqual([886, 840]);

    const L = contactSheetLayout(grid, false, 256);
    const centre = (col: number, r: number) => [L.tile(col, r).left + 128, L.tile(col, r).top + 100] as const;
    expect(await pixel(png, ...centre(0, 0))).toEqual([255, 0, 0]);
    expect(await pixel(png, ...centre(2, 1))).toEqual([0, 0, 255]);
    // Empty and undecodable cells: the neutral tile.
    expect(await pixel(png, ...centre(1, 0))).toEqual([0x3a, 0x3a, 0x3a]);
    expect(await pixel(png, ...centre(1, 2))).toEqual([0x3a, 0x3a, 0x3a]);
    // The "—" bar in the middle of an empty tile.
    expect(await pixel(png, L.tile(1, 0).left + 128, L.tile(1, 0).top + 128)).toEqual([0x9a, 0x9a, 0x9a]);
  });

  it("draws a baseline in its own first column", async () => {
    const png = await renderContactSheet({
      axes: row,
      cells: [{ x: null, y: null, image: await solid(0, 255, 0) }, { x: 3, y: null, image: null }],
      cellSize: 128,
    });
    const L = contactSheetLayout(row, true, 128);
    expect(await sharp(png).metadata()).toMatchObject({ width: L.width, height: L.height });
    expect(await pixel(png, L.tile(0, 0).left + 64, L.tile(0, 0).top + 40)).toEqual([0, 255, 0]);
  });

  it("renders a real-looking sheet (EXPLORE_SHEET_OUT=/tmp/sheet.png writes it for a look)", async () => {
    const axes: SweepAxes = { x: { name: "LoRA 1 scale", values: [0.3, 0.6, 0.9] }, y: { name: "LoRA 2 scale", values: [0.5, 1, 1.5] } };
    const cells = [];
    cells.push({ x: null, y: null, image: await renderSimulatedImage({ prompt: "a lighthouse at dusk", seed: 7, width: 512, height: 384, loras: [], index: 0, format: "png" }), label: "no lora" });
    for (let y = 0; y < 3; y++) {
      for (let x = 0; x < 3; x++) {
        if (x === 1 && y === 1) {
          cells.push({ x, y, image: null, label: "failed" });
          continue;
        }
        const loras = [
          { path: "https://huggingface.co/a/b", scale: axes.x!.values[x] },
          { path: "https://huggingface.co/c/d", scale: axes.y!.values[y] },
        ];
        cells.push({ x, y, image: await renderSimulatedImage({ prompt: "a lighthouse at dusk", seed: 7, width: 512, height: 384, loras, index: 0, format: "png" }) });
      }
    }
    const png = await renderContactSheet({ axes, cells });
    if (process.env.EXPLORE_SHEET_OUT) await sharp(png).toFile(process.env.EXPLORE_SHEET_OUT);
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([94 + 4 * 256 + 3 * 8 + 8, 840]);
  });
});
