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
 *   top   = gap + 2·line                     x axis name, then the column values
 *   left  = y axis ? 2·gap + line + 29·px    rotated y name, then row values ("00.00" wide)
 *                : gap
 *   width = left + cols·tileW + (cols − 1)·gap + gap
 *   grid  = top + rows·tileH + (rows − 1)·gap + gap
 *   height = grid + (caption lines ? lines·line + gap : 0)
 * e.g. 3 × 3 square tiles of 256 px, no caption: px 2, gap 8, line 20, top 48, left 94 → 886 × 840.
 * The caption (prompt, seed, model, provider) is word-wrapped to the sheet's inner width.
 */
import type { SweepAxes } from "@/lib/sharing/view";
import { printable, textWidth } from "@/lib/text/pixel-font";

export const DEFAULT_CELL_SIZE = 256;
export const MIN_CELL_SIZE = 64;
export const MAX_CELL_SIZE = 1024;
/** Tiles are never more oblong than this (a 1:4 banner would make unreadable columns). */
export const MAX_TILE_ASPECT = 2;
/** Lines of caption at most per paragraph; a longer prompt ends in "...". */
export const MAX_CAPTION_LINES = 3;

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
  /** The caption as drawn: wrapped lines, top to bottom, starting at captionTop. */
  captionLines: string[];
  captionTop: number;
  /** Top-left corner of the tile in column `col`, row `row`. */
  tile(col: number, row: number): { left: number; top: number };
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
export function contactSheetLayout(axes: SweepAxes, hasBaseline: boolean, cellSize: number = DEFAULT_CELL_SIZE, look: SheetLook = {}): ContactSheetLayout {
  if (!Number.isInteger(cellSize) || cellSize < MIN_CELL_SIZE || cellSize > MAX_CELL_SIZE) {
    throw new RangeError(`cellSize must be a whole number from ${MIN_CELL_SIZE} to ${MAX_CELL_SIZE}`);
  }
  const px = Math.max(1, Math.floor(cellSize / 128));
  const gap = 4 * px;
  const line = 10 * px;
  const { width: tileWidth, height: tileHeight } = tileSize(cellSize, look.aspect);
  const xOffset = hasBaseline ? 1 : 0;
  const cols = Math.max(1, axes.x?.values.length ?? 0) + xOffset;
  const rows = Math.max(1, axes.y?.values.length ?? 0);
  const top = gap + 2 * line;
  const left = axes.y ? 2 * gap + line + 29 * px : gap;
  const width = left + cols * tileWidth + (cols - 1) * gap + gap;
  const gridBottom = top + rows * tileHeight + (rows - 1) * gap + gap;
  const captionLines = (look.caption ?? []).flatMap((p) => (p.trim() ? wrapText(p, px, width - 2 * gap) : []));
  return {
    width,
    height: gridBottom + (captionLines.length ? captionLines.length * line + gap : 0),
    cols,
    rows,
    px,
    gap,
    line,
    top,
    left,
    cellSize,
    tileWidth,
    tileHeight,
    xOffset,
    captionLines,
    captionTop: gridBottom,
    tile: (col, row) => ({ left: left + col * (tileWidth + gap), top: top + row * (tileHeight + gap) }),
  };
}
