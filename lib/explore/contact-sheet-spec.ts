import { filledSlots, type GridLayout } from "@/lib/grid/layout";
import type { SweepAxes, SweepAxis, SweepCellRef } from "@/lib/sharing/view";
import { recordLabel } from "@/lib/providers/names";
import type { SheetAxes, SheetLook } from "./contact-sheet-layout";
import { sheetTiles, type SheetTile } from "./contact-sheet-request";

/**
 * What a sweep's or a grid's contact sheet says about its tiles, pure: the axes (a sweep's named
 * after the LoRAs they vary, "Tarot scale" not "LoRA 1 scale"; a grid's as its plan labels them),
 * the images' aspect (so tiles take their shape instead of letterboxing into squares), and the
 * caption (prompt, seed, model, provider). Computed from the tiles' results, so the sheet route
 * and the shared page (its og:image size) get the same answer.
 */

/** A tile's result as the sheet needs it (a SharedResult has all of these). */
export interface SheetItem {
  cell: SweepCellRef | null;
  userPrompt: string;
  seed: number;
  modelLabel: string;
  /** The provider as a person reads it ("Together AI (simulated)"). */
  providerLabel: string;
  images: readonly { width: number; height: number }[];
  /** In request order; `name` is the display name the shared pages use. */
  loras: readonly { name: string; scale: number }[];
}

export interface SheetSpec extends Required<SheetLook> {
  axes: SheetAxes;
}

/** Scales as the sweep stores them: rounded, so compare with a little slack. */
const sameScale = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** "LoRA 2 scale" → 1 (the studio slot it was named after); null for any other name. */
function slotOf(axis: SweepAxis): number | null {
  const m = /^LoRA ([12]) scale$/.exec(axis.name);
  return m ? Number(m[1]) - 1 : null;
}

/**
 * The name of the LoRA whose scale follows `axis` in every tile: for each candidate name, its
 * scale in each grid tile must equal the axis value of that tile's column (or row). Ties (one
 * tile, or two LoRAs swept in step) go to the LoRA at the axis' slot; no match keeps the axis name.
 */
function axisLoraName(axis: SweepAxis, which: "x" | "y", items: readonly SheetItem[]): string | null {
  const grid = items.filter((i): i is SheetItem & { cell: { x: number; y: number } } => i.cell !== null && !("baseline" in i.cell));
  if (grid.length === 0) return null;
  const names = [...new Set(grid.flatMap((i) => i.loras.map((l) => l.name)))];
  const follows = names.filter((name) =>
    grid.every((item) => {
      const value = axis.values[item.cell[which]];
      return value !== undefined && item.loras.some((l) => l.name === name && sameScale(l.scale, value));
    }),
  );
  if (follows.length <= 1) return follows[0] ?? null;
  const slot = slotOf(axis);
  const atSlot = slot === null ? undefined : grid[0].loras[slot]?.name;
  return atSlot && follows.includes(atSlot) ? atSlot : follows[0];
}

/** The axes with their LoRA's name in place of "LoRA n": "Tarot scale". */
export function labelAxes(axes: SweepAxes, items: readonly SheetItem[]): SweepAxes {
  const label = (axis: SweepAxis | undefined, which: "x" | "y"): SweepAxis | undefined => {
    if (!axis) return undefined;
    const name = axisLoraName(axis, which, items);
    return name ? { ...axis, name: `${name} scale` } : axis;
  };
  const out: SweepAxes = {};
  const x = label(axes.x, "x");
  const y = label(axes.y, "y");
  if (x) out.x = x;
  if (y) out.y = y;
  // Two different LoRAs can share a display name; then the names would not tell the axes apart.
  if (out.x && out.y && out.x.name === out.y.name) return axes;
  return out;
}

/** Width ÷ height of the images: the most common shape among the tiles' first images; 1 when none. */
export function sheetAspect(items: readonly SheetItem[]): number {
  const counts = new Map<string, { aspect: number; count: number }>();
  for (const item of items) {
    const image = item.images[0];
    if (!image || image.width <= 0 || image.height <= 0) continue;
    const key = `${image.width}x${image.height}`;
    const entry = counts.get(key) ?? { aspect: image.width / image.height, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  let best: { aspect: number; count: number } | null = null;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best?.aspect ?? 1;
}

/** One value when every tile agrees, else "various" (a sweep keeps all of these fixed; a hand-filed tile or a grid's axis may not). */
function common<T>(values: readonly T[], show: (v: T) => string): string | null {
  const distinct = [...new Set(values.map(show))];
  if (distinct.length === 0) return null;
  return distinct.length === 1 ? distinct[0] : "various";
}

/** What the results share, each part "various" where they differ: the caption of a sheet and of a grid's page. */
export interface CaptionFacts {
  prompt: string;
  seed: string;
  model: string;
  provider: string;
}

export function captionFacts(items: readonly Pick<SheetItem, "userPrompt" | "seed" | "modelLabel" | "providerLabel">[]): CaptionFacts | null {
  if (items.length === 0) return null;
  return {
    prompt: common(items, (i) => i.userPrompt.replace(/\s+/g, " ").trim() || "untitled")!,
    seed: common(items, (i) => String(i.seed))!,
    model: common(items, (i) => i.modelLabel)!,
    provider: common(items, (i) => i.providerLabel)!,
  };
}

/**
 * The caption under the grid: the prompt, then "SEED 1234 | FLUX.1 [dev] | Together AI". The
 * sheet's pixel font has no quotes or middle dots, so labels and bars separate the parts.
 */
export function sheetCaption(items: readonly SheetItem[]): string[] {
  const facts = captionFacts(items);
  if (!facts) return [];
  return [`Prompt: ${facts.prompt}`, [`Seed ${facts.seed}`, facts.model, facts.provider].filter(Boolean).join(" | ")];
}

/** Everything the sheet draws besides the tiles themselves. */
export function sheetSpec(axes: SweepAxes, items: readonly SheetItem[]): SheetSpec {
  return { axes: labelAxes(axes, items), aspect: sheetAspect(items), caption: sheetCaption(items) };
}

/** A shared page's result (or one built the same way for the sheet route) as a sheet item. */
export function toSheetItem(result: Omit<SheetItem, "providerLabel" | "cell"> & { provider: string }, cell: SweepCellRef | null): SheetItem {
  return {
    cell,
    userPrompt: result.userPrompt,
    seed: result.seed,
    modelLabel: result.modelLabel,
    providerLabel: recordLabel(result.provider),
    images: result.images,
    loras: result.loras,
  };
}

/**
 * The tiles a collection's items become (placed as the page's grid places them), whether there
 * is a baseline column, and the spec drawn around them: the one answer the sheet route draws and
 * the shared page announces as its og:image.
 */
export function sweepSheet<T extends { cell: SweepCellRef | null }>(axes: SweepAxes, items: readonly T[], toItem: (item: T) => SheetItem) {
  const tiles = sheetTiles(axes, items);
  return { tiles, hasBaseline: tiles.some((t) => t.cell.baseline), spec: sheetSpec(axes, tiles.map((t) => toItem(t.item))) };
}

/** A sweep's axes named as its sheet names them, from its items (the shared and owner pages' tables, cell labels and compare labels). */
export function namedSweepAxes<T extends { cell: SweepCellRef | null } & Omit<SheetItem, "providerLabel" | "cell"> & { provider: string }>(axes: SweepAxes, items: readonly T[]): SweepAxes {
  return labelAxes(axes, sheetTiles(axes, items).map((t) => toSheetItem(t.item, t.item.cell)));
}

/**
 * A grid's tiles (every filled place, each z value's grid stacked in `z` order), whether a
 * baseline column is drawn, and the spec: its plan's axes and labels, the images' shape, the
 * caption. Same shape of answer as sweepSheet, for the same two callers.
 */
export function gridSheet<T>(layout: GridLayout<T>, toItem: (item: T) => SheetItem) {
  const tiles: SheetTile<T>[] = filledSlots(layout).map((s) => ({
    item: s.item,
    cell: s.x === null ? { x: null, baseline: true, z: s.slice } : { x: s.x, y: s.y, z: s.slice },
  }));
  const { x, y, z } = layout.plan.axes;
  const axes: SheetAxes = { x: { name: x.name, labels: x.labels } };
  if (y) axes.y = { name: y.name, labels: y.labels };
  if (z) axes.z = { name: z.name, labels: z.labels };
  const items = tiles.map((t) => toItem(t.item));
  return { tiles, hasBaseline: tiles.some((t) => t.cell.baseline), spec: { axes, aspect: sheetAspect(items), caption: sheetCaption(items) } satisfies SheetSpec };
}

/** A saved grid's caption for its pages: what its placed results share (the sheet's caption says the same). */
export function gridCaption<T extends Omit<SheetItem, "providerLabel" | "cell"> & { provider: string }>(layout: GridLayout<T>): CaptionFacts | null {
  return captionFacts(filledSlots(layout).map((s) => toSheetItem(s.item, null)));
}
