/**
 * A sweep's contact sheet: one PNG with every cell in its grid position, the axis names
 * and values on the edges, and the baseline (if any) in an extra first column. Text is
 * drawn with the pixel font (paths), so it renders on servers without system fonts.
 *
 * Layout, all in pixels, for cells of `cellSize` (default 256):
 *   px   = max(1, floor(cellSize / 128))    font pixel size (2 at 256)
 *   gap  = 4·px                             between tiles and around the grid (8 at 256)
 *   line = 10·px                            one line of text (7-pixel glyphs + 3 spacing)
 *   cols = (x axis values, or 1) + (1 if a baseline cell is given)
 *   rows = (y axis values, or 1)
 *   top  = gap + 2·line                     x axis name, then the column values
 *   left = y axis ? 2·gap + line + 29·px    rotated y name, then row values ("00.00" wide)
 *               : gap
 *   width  = left + cols·cellSize + (cols − 1)·gap + gap
 *   height = top  + rows·cellSize + (rows − 1)·gap + gap
 * e.g. 3 × 3 cells of 256 px: px 2, gap 8, line 20, top 48, left 94 → 886 × 840.
 *
 * Images are scaled to fit their square tile (aspect kept, letterboxed in the tile colour).
 * A cell with no image, or an image that cannot be decoded, is a neutral tile with "—".
 */
import sharp, { type OverlayOptions } from "sharp";
import type { SweepAxes } from "@/lib/sharing/view";
import { GLYPH_HEIGHT, printable, textPath, textWidth } from "@/lib/text/pixel-font";

export interface ContactSheetCell {
  /** Index into axes.x.values; null (with no y) marks the baseline. */
  x: number | null;
  /** Index into axes.y.values; null or missing for one-axis sheets. */
  y?: number | null;
  /** Set explicitly to place a cell in the baseline column (else: x is null). */
  baseline?: boolean;
  image: Buffer | null;
  /** Short caption drawn at the tile's bottom. */
  label?: string;
}

export interface ContactSheetInput {
  axes: SweepAxes;
  cells: readonly ContactSheetCell[];
  cellSize?: number;
}

export const DEFAULT_CELL_SIZE = 256;
export const MIN_CELL_SIZE = 64;
export const MAX_CELL_SIZE = 1024;
const BASELINE_HEADER = "NO LORA";

const COLOURS = { background: "#141414", tile: "#3a3a3a", dash: "#9a9a9a", text: "#eeeeee", muted: "#b8b8b8", caption: "#000000" };

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
  cellSize: number;
  /** Column of the first x value: 1 when a baseline column comes first, else 0. */
  xOffset: number;
  /** Top-left corner of the tile in column `col`, row `row`. */
  tile(col: number, row: number): { left: number; top: number };
}

/** The sheet's geometry (see the formula at the top of this file). */
export function contactSheetLayout(axes: SweepAxes, hasBaseline: boolean, cellSize: number = DEFAULT_CELL_SIZE): ContactSheetLayout {
  if (!Number.isInteger(cellSize) || cellSize < MIN_CELL_SIZE || cellSize > MAX_CELL_SIZE) {
    throw new RangeError(`cellSize must be a whole number from ${MIN_CELL_SIZE} to ${MAX_CELL_SIZE}`);
  }
  const px = Math.max(1, Math.floor(cellSize / 128));
  const gap = 4 * px;
  const line = 10 * px;
  const xOffset = hasBaseline ? 1 : 0;
  const cols = Math.max(1, axes.x?.values.length ?? 0) + xOffset;
  const rows = Math.max(1, axes.y?.values.length ?? 0);
  const top = gap + 2 * line;
  const left = axes.y ? 2 * gap + line + 29 * px : gap;
  return {
    width: left + cols * cellSize + (cols - 1) * gap + gap,
    height: top + rows * cellSize + (rows - 1) * gap + gap,
    cols,
    rows,
    px,
    gap,
    line,
    top,
    left,
    cellSize,
    xOffset,
    tile: (col, row) => ({ left: left + col * (cellSize + gap), top: top + row * (cellSize + gap) }),
  };
}

/** "0.30": two decimals for scales; other numbers as short as they can be. */
function formatValue(v: number): string {
  return Math.abs(v) < 100 ? v.toFixed(2) : String(Math.round(v));
}

/** Cuts `text` (after the font drops what it lacks) to fit `maxWidth` at pixel size `px`. */
function fit(text: string, px: number, maxWidth: number): string {
  let t = printable(text).trim();
  if (textWidth(t, px) <= maxWidth) return t;
  while (t.length > 0 && textWidth(`${t}...`, px) > maxWidth) t = t.slice(0, -1);
  return t ? `${t.trimEnd()}...` : "";
}

/** Path for `text` centred horizontally on `cx` with its top at `y`. */
const centred = (text: string, cx: number, y: number, px: number) => textPath(text, Math.round(cx - textWidth(text, px) / 2), y, px);

export async function renderContactSheet(input: ContactSheetInput): Promise<Buffer> {
  const { axes } = input;
  const isBaseline = (c: ContactSheetCell) => c.baseline ?? c.x === null;
  const hasBaseline = input.cells.some(isBaseline);
  const L = contactSheetLayout(axes, hasBaseline, input.cellSize ?? DEFAULT_CELL_SIZE);
  const { px, gap, line, cellSize } = L;
  const xCount = Math.max(1, axes.x?.values.length ?? 0);
  const textY = (lineIndex: number) => gap + lineIndex * line + Math.floor((line - GLYPH_HEIGHT * px) / 2);

  const svg: string[] = [];
  const text = (d: string, fill: string, extra = "") => d && svg.push(`<path d="${d}" fill="${fill}"${extra}/>`);

  // Top edge: the x axis name over the x columns, then each column's value.
  const xSpan = { left: L.tile(L.xOffset, 0).left, width: xCount * cellSize + (xCount - 1) * gap };
  if (axes.x) {
    const name = fit(axes.x.name, px, xSpan.width);
    text(centred(name, xSpan.left + xSpan.width / 2, textY(0), px), COLOURS.text);
    axes.x.values.forEach((v, i) => {
      const { left } = L.tile(L.xOffset + i, 0);
      text(centred(fit(formatValue(v), px, cellSize), left + cellSize / 2, textY(1), px), COLOURS.muted);
    });
  }
  if (hasBaseline) text(centred(fit(BASELINE_HEADER, px, cellSize), L.tile(0, 0).left + cellSize / 2, textY(1), px), COLOURS.muted);

  // Left edge: the y axis name turned 90°, then each row's value right-aligned.
  if (axes.y) {
    const gridHeight = L.rows * cellSize + (L.rows - 1) * gap;
    const name = fit(axes.y.name, px, gridHeight);
    const cx = gap + line / 2;
    const cy = L.top + gridHeight / 2;
    const d = centred(name, cx, Math.round(cy - (GLYPH_HEIGHT * px) / 2), px);
    text(d, COLOURS.text, ` transform="rotate(-90 ${cx} ${cy})"`);
    axes.y.values.forEach((v, j) => {
      const label = fit(formatValue(v), px, 29 * px);
      const { top } = L.tile(0, j);
      text(textPath(label, L.left - gap - textWidth(label, px), Math.round(top + cellSize / 2 - (GLYPH_HEIGHT * px) / 2), px), COLOURS.muted);
    });
  }

  // Place cells; later duplicates of a position win, out-of-range indices are skipped.
  const placed = new Map<string, ContactSheetCell>();
  for (const cell of input.cells) {
    const col = isBaseline(cell) ? 0 : L.xOffset + (cell.x ?? 0);
    const row = isBaseline(cell) ? 0 : (cell.y ?? 0);
    if (!isBaseline(cell) && ((cell.x ?? 0) < 0 || (cell.x ?? 0) >= xCount || row < 0 || row >= L.rows)) continue;
    if (!Number.isInteger(col) || !Number.isInteger(row)) continue;
    placed.set(`${col},${row}`, cell);
  }

  const composites: OverlayOptions[] = [];
  const overlay: string[] = [];
  for (let row = 0; row < L.rows; row++) {
    for (let col = 0; col < L.cols; col++) {
      // The baseline column has a single tile, in the first row.
      if (hasBaseline && col === 0 && row > 0) continue;
      const cell = placed.get(`${col},${row}`);
      const { left, top } = L.tile(col, row);
      const tile = cell?.image ? await tileImage(cell.image, cellSize) : null;
      if (tile) composites.push({ input: tile, left, top });
      else {
        svg.push(`<rect x="${left}" y="${top}" width="${cellSize}" height="${cellSize}" fill="${COLOURS.tile}"/>`);
        // "—": the pixel font has no em dash, so it is a bar a third of the tile wide.
        const dashW = Math.round(cellSize / 3);
        svg.push(`<rect x="${left + (cellSize - dashW) / 2}" y="${top + cellSize / 2 - px}" width="${dashW}" height="${2 * px}" fill="${COLOURS.dash}"/>`);
      }
      const caption = cell?.label ? fit(cell.label, px, cellSize - 4 * px) : "";
      if (caption) {
        const barH = GLYPH_HEIGHT * px + 4 * px;
        overlay.push(`<rect x="${left}" y="${top + cellSize - barH}" width="${cellSize}" height="${barH}" fill="${COLOURS.caption}" fill-opacity="0.6"/>`);
        overlay.push(`<path d="${textPath(caption, left + 2 * px, top + cellSize - barH + 2 * px, px)}" fill="#ffffff"/>`);
      }
    }
  }

  const wrap = (parts: string[]) =>
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${L.height}" viewBox="0 0 ${L.width} ${L.height}">${parts.join("")}</svg>`);
  // Edges and empty tiles under the images; captions over them.
  const layers: OverlayOptions[] = [{ input: wrap(svg), left: 0, top: 0, density: 72 }, ...composites];
  if (overlay.length) layers.push({ input: wrap(overlay), left: 0, top: 0, density: 72 });

  return sharp({ create: { width: L.width, height: L.height, channels: 3, background: COLOURS.background } })
    .composite(layers)
    .png({ compressionLevel: 6 })
    .toBuffer();
}

/** The image fitted into a square tile, or null when it cannot be decoded. */
async function tileImage(image: Buffer, size: number): Promise<Buffer | null> {
  try {
    return await sharp(image)
      .resize(size, size, { fit: "contain", background: COLOURS.tile })
      .flatten({ background: COLOURS.tile })
      .png({ compressionLevel: 1 })
      .toBuffer();
  } catch {
    return null;
  }
}
