import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { contactSheetLayout, renderContactSheet } from "@/lib/explore/contact-sheet";
import { tileSize, wrapText } from "@/lib/explore/contact-sheet-layout";
import { gridCaption, gridSheet, labelAxes, sheetAspect, sheetCaption, sweepSheet, toSheetItem, type SheetItem } from "@/lib/explore/contact-sheet-spec";
import { layoutGrid } from "@/lib/grid/layout";
import { textWidth } from "@/lib/text/pixel-font";
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
    const look = { aspect: 512 / 384, caption: ["Prompt: a lighthouse at dusk", "Seed 7 | FLUX.1 [dev] LoRA | Together AI (simulated)"] };
    const named: SweepAxes = { x: { ...axes.x!, name: "Tarot scale" }, y: { ...axes.y!, name: "Anime scale" } };
    const png = await renderContactSheet({ axes: named, cells, ...look });
    if (process.env.EXPLORE_SHEET_OUT) await sharp(png).toFile(process.env.EXPLORE_SHEET_OUT);
    const meta = await sharp(png).metadata();
    const L = contactSheetLayout(named, true, 256, look);
    expect([meta.width, meta.height]).toEqual([94 + 4 * 256 + 3 * 8 + 8, 48 + 3 * 192 + 2 * 8 + 8 + 2 * 20 + 8]);
    expect([meta.width, meta.height]).toEqual([L.width, L.height]);
  });
});

describe("tiles take the images' shape", () => {
  it("tileSize: the long side is cellSize, the other follows the aspect (clamped to 1:2…2:1)", () => {
    expect(tileSize(256, 512 / 384)).toEqual({ width: 256, height: 192 });
    expect(tileSize(256, 768 / 1344)).toEqual({ width: 146, height: 256 });
    expect(tileSize(256, 1)).toEqual({ width: 256, height: 256 });
    expect(tileSize(256, 10)).toEqual({ width: 256, height: 128 });
    expect(tileSize(256, Number.NaN)).toEqual({ width: 256, height: 256 });
  });

  it("a landscape sweep is laid out with landscape tiles", () => {
    const L = contactSheetLayout(grid, false, 256, { aspect: 4 / 3 });
    expect([L.tileWidth, L.tileHeight]).toEqual([256, 192]);
    expect([L.width, L.height]).toEqual([886, 48 + 3 * 192 + 2 * 8 + 8]);
    expect(L.tile(1, 2)).toEqual({ left: 94 + 264, top: 48 + 2 * 200 });
  });

  it("renders landscape images edge to edge: no grey letterbox bars in the tile", async () => {
    const png = await renderContactSheet({ axes: row, aspect: 4 / 3, cells: [], cellSize: 256 });
    const L = contactSheetLayout(row, false, 256, { aspect: 4 / 3 });
    expect(await sharp(png).metadata()).toMatchObject({ width: L.width, height: L.height });

    const red = await solid(255, 0, 0, 512, 384);
    const sheet = await renderContactSheet({ axes: row, aspect: 4 / 3, cells: [{ x: 0, y: null, image: red }], cellSize: 256 });
    const { left, top } = L.tile(0, 0);
    // Corners and edge middles of the tile are the image, not the tile grey a square tile would pad with.
    for (const [dx, dy] of [[1, 1], [254, 1], [1, 190], [254, 190], [128, 2], [128, 189]]) {
      expect(await pixel(sheet, left + dx, top + dy), `${dx},${dy}`).toEqual([255, 0, 0]);
    }
    // Just below the tile: the sheet background, not more tile.
    expect(await pixel(sheet, left + 128, top + 192 + 2)).toEqual([0x14, 0x14, 0x14]);
  });
});

describe("caption", () => {
  it("wrapText breaks at words within the width, at most three lines, the last ending in ...", () => {
    const lines = wrapText("a lighthouse at dusk over a stormy sea with gulls and a small red boat in the harbour", 1, 6 * 20 - 1);
    expect(lines.length).toBe(3);
    for (const l of lines) expect(textWidth(l, 1)).toBeLessThanOrEqual(119);
    expect(lines[0]).toBe("A LIGHTHOUSE AT DUSK");
    expect(lines[2].endsWith("...")).toBe(true);
    // Cut after a whole word: what precedes "..." is a word of the text.
    expect("A LIGHTHOUSE AT DUSK OVER A STORMY SEA WITH GULLS AND A SMALL RED BOAT IN THE HARBOUR".split(" ")).toContain(lines[2].slice(0, -3).split(" ").pop());
    expect(wrapText("short", 1, 200)).toEqual(["SHORT"]);
    expect(wrapText("", 1, 200)).toEqual([]);
  });

  it("the layout adds one text line per caption line under the grid", () => {
    const plain = contactSheetLayout(grid, false, 256);
    const captioned = contactSheetLayout(grid, false, 256, { caption: ["Prompt: a lighthouse at dusk", "Seed 7 | FLUX.1 dev | Together AI"] });
    expect(captioned.captionLines).toEqual(["PROMPT: A LIGHTHOUSE AT DUSK", "SEED 7 | FLUX.1 DEV | TOGETHER AI"]);
    expect(captioned.captionTop).toBe(plain.height);
    expect(captioned.height).toBe(plain.height + 2 * 20 + 8);
    expect(captioned.width).toBe(plain.width);
  });

  it("draws the caption's text under the grid", async () => {
    const caption = ["Prompt: a lighthouse at dusk", "Seed 7 | FLUX.1 dev | Together AI"];
    const L = contactSheetLayout(row, false, 128, { caption });
    const png = await renderContactSheet({ axes: row, caption, cells: [], cellSize: 128 });
    const { data, info } = await sharp(png).extract({ left: 0, top: L.captionTop, width: L.width, height: L.height - L.captionTop }).raw().toBuffer({ resolveWithObject: true });
    let light = 0;
    for (let i = 0; i < data.length; i += info.channels) if (data[i] > 0xa0) light++;
    expect(light).toBeGreaterThan(200);
  });
});

const item = (cell: SheetItem["cell"], loras: [string, number][], extra: Partial<SheetItem> = {}): SheetItem => ({
  cell,
  userPrompt: "a lighthouse at dusk",
  seed: 1234,
  modelLabel: "FLUX.1 [dev] LoRA",
  providerLabel: "Together AI (simulated)",
  images: [{ width: 512, height: 384 }],
  loras: loras.map(([name, scale]) => ({ name, scale })),
  ...extra,
});

describe("sheet spec: axis names, aspect, caption", () => {
  const axes: SweepAxes = { x: { name: "LoRA 1 scale", values: [0.3, 0.6] }, y: { name: "LoRA 2 scale", values: [0.5, 1] } };
  const cells = [0, 1].flatMap((y) => [0, 1].map((x) => item({ x, y }, [["Tarot", axes.x!.values[x]], ["Anime", axes.y!.values[y]]])));

  it("names each axis after the LoRA whose scale follows it", () => {
    expect(labelAxes(axes, [item({ baseline: true }, []), ...cells])).toEqual({ x: { name: "Tarot scale", values: [0.3, 0.6] }, y: { name: "Anime scale", values: [0.5, 1] } });
  });

  it("a LoRA 2 sweep with LoRA 1 empty (sent as the only LoRA) is still named after it", () => {
    const one: SweepAxes = { x: { name: "LoRA 2 scale", values: [0.4, 0.8] } };
    expect(labelAxes(one, [item({ x: 0, y: 0 }, [["Anime", 0.4]]), item({ x: 1, y: 0 }, [["Anime", 0.8]])]).x!.name).toBe("Anime scale");
  });

  it("ties go to the axis' slot; no follower or two same-named axes keep the stored names", () => {
    const single: SweepAxes = { x: { name: "LoRA 2 scale", values: [0.5] } };
    expect(labelAxes(single, [item({ x: 0, y: 0 }, [["Tarot", 0.5], ["Anime", 0.5]])]).x!.name).toBe("Anime scale");
    expect(labelAxes(axes, [])).toEqual(axes);
    expect(labelAxes(axes, [item({ x: 0, y: 0 }, [["Tarot", 0.9]])])).toEqual(axes);
    const twins = [0, 1].flatMap((y) => [0, 1].map((x) => item({ x, y }, [["Same", axes.x!.values[x]], ["Same", axes.y!.values[y]]])));
    expect(labelAxes(axes, twins)).toEqual(axes);
  });

  it("aspect: the most common image shape; 1 without images", () => {
    expect(sheetAspect(cells)).toBeCloseTo(4 / 3);
    expect(sheetAspect([...cells, item({ x: 0, y: 0 }, [], { images: [{ width: 768, height: 1344 }] })])).toBeCloseTo(4 / 3);
    expect(sheetAspect([item({ x: 0, y: 0 }, [], { images: [] })])).toBe(1);
  });

  it("caption: prompt, then seed, model and provider; parts that differ say so", () => {
    expect(sheetCaption(cells)).toEqual(["Prompt: a lighthouse at dusk", "Seed 1234 | FLUX.1 [dev] LoRA | Together AI (simulated)"]);
    expect(sheetCaption([...cells, item({ x: 0, y: 0 }, [], { seed: 9 })])[1]).toBe("Seed various | FLUX.1 [dev] LoRA | Together AI (simulated)");
    expect(sheetCaption([])).toEqual([]);
  });

  it("sweepSheet places items as the grid does and describes the placed ones only", () => {
    const items = [{ cell: { baseline: true as const }, r: item({ baseline: true }, []) }, ...cells.map((r) => ({ cell: r.cell, r })), { cell: { x: 9, y: 9 }, r: item({ x: 9, y: 9 }, [], { seed: 1 }) }];
    const sheet = sweepSheet(axes, items, (i) => i.r);
    expect(sheet.hasBaseline).toBe(true);
    expect(sheet.tiles).toHaveLength(5);
    expect(sheet.spec.caption[1]).toContain("Seed 1234");
    expect(sheet.spec.axes.x!.name).toBe("Tarot scale");
    expect(toSheetItem({ ...item(null, []), provider: "fal" }, null).providerLabel).toBe("fal.ai");
  });
});

describe("a grid's contact sheet", () => {
  const planJson = (withZ: boolean, separateBaseline = false) =>
    JSON.stringify({
      axes: {
        x: { kind: "lora1", name: "LoRA 1", labels: ["Tarot", "Anime (XLabs collection)"] },
        y: { kind: "prompt-set", name: "Prompt set: Starter set", labels: ["portrait", "typography", "interior"] },
        ...(withZ ? { z: { kind: "seed", name: "Seed", labels: ["7", "8"] } } : {}),
      },
      separateBaseline,
    });
  const entry = (cell: object, seed = 7) => ({ item: { ...item(null, [], { seed }), provider: "simulator" }, cell: JSON.stringify(cell) });

  it("gridSheet: the plan's labels as axes, every filled place as a tile in its Z section, caption from the tiles", () => {
    const layout = layoutGrid(planJson(true, true), [entry({ z: 0, x: 0, y: 0 }), entry({ z: 1, x: 1, y: 2 }, 8), entry({ z: 1, baseline: true }, 8)])!;
    const sheet = gridSheet(layout, (i) => i);
    expect(sheet.spec.axes).toEqual({
      x: { name: "LoRA 1", labels: ["Tarot", "Anime (XLabs collection)"] },
      y: { name: "Prompt set: Starter set", labels: ["portrait", "typography", "interior"] },
      z: { name: "Seed", labels: ["7", "8"] },
    });
    expect(sheet.tiles.map((t) => t.cell)).toEqual([
      { x: 0, y: 0, z: 0 },
      { x: null, baseline: true, z: 1 },
      { x: 1, y: 2, z: 1 },
    ]);
    expect(sheet.hasBaseline).toBe(true);
    expect(sheet.spec.caption).toEqual(["Prompt: a lighthouse at dusk", "Seed various | FLUX.1 [dev] LoRA | Together AI (simulated)"]);
    expect(gridCaption(layout)).toEqual({ prompt: "a lighthouse at dusk", seed: "various", model: "FLUX.1 [dev] LoRA", provider: "Together AI (simulated)" });
  });

  it("stacks one grid per Z value under its value, row labels as wide as the widest word", () => {
    const axes = gridSheet(layoutGrid<SheetItem>(planJson(true), [])!, (i) => i).spec.axes;
    const flat = contactSheetLayout({ x: axes.x, y: axes.y }, false, 256);
    const stacked = contactSheetLayout(axes, false, 256);
    // "TYPOGRAPHY": 10 characters, 59 font pixels, wider than a scale's 29.
    expect(flat.rowLabelWidth).toBe(textWidth("typography", 2));
    expect(flat.left).toBe(2 * 8 + 20 + 118 + 8);
    expect([stacked.sections, stacked.headLines, flat.sections, flat.headLines]).toEqual([2, 3, 1, 2]);
    const block = 3 * 20 + 3 * 256 + 2 * 8;
    expect(stacked.sectionTop(1)).toBe(8 + block + 3 * 8);
    expect(stacked.height).toBe(8 + block + 3 * 8 + block + 8);
    expect(stacked.tile(1, 2, 1)).toEqual({ left: flat.left + 264, top: stacked.sectionTop(1) + 60 + 2 * 264 });
    // A very long label is cut, not allowed to push the grid off the sheet.
    expect(contactSheetLayout({ x: axes.x, y: { name: "P", labels: ["x".repeat(80)] } }, false, 256).rowLabelWidth).toBe(95 * 2);
  });

  it("renders each Z section's tiles in their own place", async () => {
    const layout = layoutGrid(planJson(true), [entry({ z: 0, x: 0, y: 0 }), entry({ z: 1, x: 1, y: 2 }, 8)])!;
    const sheet = gridSheet(layout, (i) => i);
    const colours = [await solid(255, 0, 0), await solid(0, 0, 255)];
    const png = await renderContactSheet({ ...sheet.spec, cells: sheet.tiles.map((t, i) => ({ ...t.cell, image: colours[i] })), cellSize: 128 });
    const L = contactSheetLayout(sheet.spec.axes, sheet.hasBaseline, 128, sheet.spec);
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([L.width, L.height]);
    const centre = (col: number, r: number, s: number) => [L.tile(col, r, s).left + L.tileWidth / 2, L.tile(col, r, s).top + 10] as const;
    expect(await pixel(png, ...centre(0, 0, 0))).toEqual([255, 0, 0]);
    expect(await pixel(png, ...centre(1, 2, 1))).toEqual([0, 0, 255]);
    // The same places in the other section are empty tiles.
    expect(await pixel(png, ...centre(0, 0, 1))).toEqual([0x3a, 0x3a, 0x3a]);
    expect(await pixel(png, ...centre(1, 2, 0))).toEqual([0x3a, 0x3a, 0x3a]);
  });
});
