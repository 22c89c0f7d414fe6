/**
 * A contact sheet's geometry and text fitting, pure (no sharp), so pages can size the sheet
 * (og:image width and height) without drawing it, and tests can check the arithmetic.
 *
 * All in pixels, for tiles whose long side is `cellSize` (default 256):
 *   px    = max(1, floor(cellSize / 128))    font pixel size (2 at 256)
 *   gap   = 4·px                             between tiles and around the grid (8 at 256)
 *   line  = 10·px                            one line of text (7-pixel glyphs + 3 spacing)
 *   tileW × tileH = cellSize on the long side, the images' aspect (clamped to 1:2…2:1) on the other
 *   cols  = (x axis values, or 1) + (1 if a baseline cell is given)
 *   rows  = (y axis values, or 1)
 *   head  = (z axis ? line : 0) + 2·line     the z value, then the x axis name and the column values
 *   rowLabel = the widest y value, at least 29·px ("00.00") and at most 95·px (16 characters)
 *   left  = y axis ? 2·gap + line + rowLabel (+ gap when wider than 29·px) : gap   rotated y name, then row values
 *   width = left + cols·tileW + (cols − 1)·gap + gap
 *   block = head + rows·tileH + (rows − 1)·gap          one grid; a z axis stacks one per value,
 *   sectionTop(s) = gap + s·(block + 3·gap)             3·gap apart
 *   top   = gap + head                       (the first tile's top)
 *   grid  = sectionTop(last) + block + gap
 *   height = grid + (caption lines ? lines·line + gap : 0)
 * e.g. 3 × 3 square tiles of 256 px, no caption: px 2, gap 8, line 20, top 48, left 94 → 886 × 840.
 * The caption (prompt, seed, model, provider) is word-wrapped to the sheet's inner width.
 */
import type { SweepAxis } from "@/lib/sharing/view";
import { printable, textWidth } from "@/lib/text/pixel-font";

export const DEFAULT_CELL_SIZE = 256;
export const MIN_CELL_SIZE = 64;
export const MAX_CELL_SIZE = 1024;
/** Tiles are never more oblong than this (a 1:4 banner would make unreadable columns). */
export const MAX_TILE_ASPECT = 2;
/** Lines of caption at most per paragraph; a longer prompt ends in "...". */
export const MAX_CAPTION_LINES = 3;

/** An axis whose values are words (a grid's LoRA titles, prompt labels, seeds…). */
export interface LabelledAxis {
  name: string;
  labels: readonly string[];
}

/** A sweep's scale axis (numbers, drawn "0.30") or a grid's labelled one. */
export type SheetAxis = SweepAxis | LabelledAxis;

/** x across, y down, and z: one grid per value, stacked. */
export interface SheetAxes {
  x?: SheetAxis;
  y?: SheetAxis;
  z?: LabelledAxis;
}

/** "0.30": two decimals for scales; other numbers as short as they can be. */
export function formatValue(v: number): string {
  return Math.abs(v) < 100 ? v.toFixed(2) : String(Math.round(v));
}

/** An axis' values as drawn. */
export function axisLabels(axis: SheetAxis): readonly string[] {
  return "labels" in axis ? axis.labels : axis.values.map(formatValue);
}

/** Row labels are at least "00.00" wide (a sweep's scales) and at most this many font pixels (16 characters). */
const ROW_LABEL_MIN = 29;
const ROW_LABEL_MAX = 95;
/** Stacked z grids are this many gaps apart. */
const SECTION_GAP = 3;

/** What a sheet looks like beyond its grid: the images' shape and the caption under it. */
export interface SheetLook {
  /** Width ÷ height of the images; 1 (square tiles) when unknown. */
  aspect?: number;
  /** Caption paragraphs, each word-wrapped (e.g. the prompt, then "SEED 7 | model | provider"). */
  caption?: readonly string[];
}

export interface ContactSheetLayout {
  width: number;
  height: number;
  cols: number;
  rows: number;
  px: number;
  gap: number;
  line: number;
  top: number;
  left: number;
  /** The tiles' long side, as asked for. */
  cellSize: number;
  tileWidth: number;
  tileHeight: number;
  /** Column of the first x value: 1 when a baseline column comes first, else 0. */
  xOffset: number;
  /** Width of the y values' column (right-aligned, left of the tiles). */
  rowLabelWidth: number;
  /** Stacked grids: one per z value, else 1. */
  sections: number;
  /** Lines above each grid's tiles: the z value (with a z axis), the x axis name, the column values. */
  headLines: number;
  /** The caption as drawn: wrapped lines, top to bottom, starting at captionTop. */
  captionLines: string[];
  captionTop: number;
  /** Top of grid `section`'s first text line. */
  sectionTop(section: number): number;
  /** Top-left corner of the tile in column `col`, row `row` of grid `section`. */
  tile(col: number, row: number, section?: number): { left: number; top: number };
}

/** Tile width and height for images of this aspect: `cellSize` on the long side. */
export function tileSize(cellSize: number, aspect = 1): { width: number; height: number } {
  const a = Number.isFinite(aspect) && aspect > 0 ? Math.min(MAX_TILE_ASPECT, Math.max(1 / MAX_TILE_ASPECT, aspect)) : 1;
  return a >= 1 ? { width: cellSize, height: Math.round(cellSize / a) } : { width: Math.round(cellSize * a), height: cellSize };
}

/** Cuts `text` (after the font drops what it lacks) to fit `maxWidth` at pixel size `px`, ending in "...". */
export function fitText(text: string, px: number, maxWidth: number): string {
  let t = printable(text).replace(/\s+/g, " ").trim();
  if (textWidth(t, px) <= maxWidth) return t;
  while (t.length > 0 && textWidth(`${t}...`, px) > maxWidth) t = t.slice(0, -1);
  return t ? `${t.trimEnd()}...` : "";
}

/**
 * `text` word-wrapped into lines no wider than `maxWidth`, at most `maxLines` (the last one
 * ends in "..." when text was left over). A word longer than a line is cut.
 */
export function wrapText(text: string, px: number, maxWidth: number, maxLines = MAX_CAPTION_LINES): string[] {
  const words = printable(text).split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (textWidth(next, px) <= maxWidth) {
      current = next;
      continue;
    }
    if (current) lines.push(current);
    current = textWidth(word, px) <= maxWidth ? word : fitText(word, px, maxWidth);
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  // Too long: keep maxLines, the last one cut at a word boundary where it can be, then "...".
  let last = lines[maxLines - 1];
  while (last && textWidth(`${last}...`, px) > maxWidth) {
    const space = last.lastIndexOf(" ");
    last = space > 0 ? last.slice(0, space) : last.slice(0, -1);
  }
  return [...lines.slice(0, maxLines - 1), `${last.trimEnd()}...`];
}

/** The sheet's geometry (see the formula at the top of this file). */
export function contactSheetLayout(axes: SheetAxes, hasBaseline: boolean, cellSize: number = DEFAULT_CELL_SIZE, look: SheetLook = {}): ContactSheetLayout {
  if (!Number.isInteger(cellSize) || cellSize < MIN_CELL_SIZE || cellSize > MAX_CELL_SIZE) {
    throw new RangeError(`cellSize must be a whole number from ${MIN_CELL_SIZE} to ${MAX_CELL_SIZE}`);
  }
  const px = Math.max(1, Math.floor(cellSize / 128));
  const gap = 4 * px;
  const line = 10 * px;
  const { width: tileWidth, height: tileHeight } = tileSize(cellSize, look.aspect);
  const xOffset = hasBaseline ? 1 : 0;
  const cols = Math.max(1, axes.x ? axisLabels(axes.x).length : 0) + xOffset;
  const rows = Math.max(1, axes.y ? axisLabels(axes.y).length : 0);
  const sections = Math.max(1, axes.z?.labels.length ?? 0);
  const headLines = (axes.z ? 1 : 0) + 2;
  const head = headLines * line;
  const widest = axes.y ? Math.max(0, ...axisLabels(axes.y).map((l) => textWidth(l, px))) : 0;
  const rowLabelWidth = axes.y ? Math.min(ROW_LABEL_MAX * px, Math.max(ROW_LABEL_MIN * px, widest)) : 0;
  // Words wider than a scale get a gap of their own from the turned y name.
  const left = axes.y ? 2 * gap + line + rowLabelWidth + (rowLabelWidth > ROW_LABEL_MIN * px ? gap : 0) : gap;
  const width = left + cols * tileWidth + (cols - 1) * gap + gap;
  const block = head + rows * tileHeight + (rows - 1) * gap;
  const sectionTop = (section: number) => gap + section * (block + SECTION_GAP * gap);
  const gridBottom = sectionTop(sections - 1) + block + gap;
  const captionLines = (look.caption ?? []).flatMap((p) => (p.trim() ? wrapText(p, px, width - 2 * gap) : []));
  return {
    width,
    height: gridBottom + (captionLines.length ? captionLines.length * line + gap : 0),
    cols,
    rows,
    px,
    gap,
    line,
    top: gap + head,
    left,
    cellSize,
    tileWidth,
    tileHeight,
    xOffset,
    rowLabelWidth,
    sections,
    headLines,
    captionLines,
    captionTop: gridBottom,
    sectionTop,
    tile: (col, row, section = 0) => ({ left: left + col * (tileWidth + gap), top: sectionTop(section) + head + row * (tileHeight + gap) }),
  };
}
