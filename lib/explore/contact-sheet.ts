/**
 * A sweep's contact sheet: one PNG with every cell in its grid position, the axis names
 * and values on the edges, the baseline (if any) in an extra first column, and a caption
 * under the grid. Text is drawn with the pixel font (paths), so it renders on servers
 * without system fonts. Geometry: contact-sheet-layout.ts.
 *
 * Tiles take the images' shape (`aspect`); an image of another shape is fitted into its tile
 * (aspect kept, the rest in the tile colour). A cell with no image, or an image that cannot
 * be decoded, is a neutral tile with "—".
 */
import sharp, { type OverlayOptions } from "sharp";
import type { SweepAxes } from "@/lib/sharing/view";
import { GLYPH_HEIGHT, textPath, textWidth } from "@/lib/text/pixel-font";
import { contactSheetLayout, DEFAULT_CELL_SIZE, fitText as fit, type SheetLook } from "./contact-sheet-layout";

export { contactSheetLayout, DEFAULT_CELL_SIZE, MAX_CELL_SIZE, MIN_CELL_SIZE, type ContactSheetLayout, type SheetLook } from "./contact-sheet-layout";

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

export interface ContactSheetInput extends SheetLook {
  axes: SweepAxes;
  cells: readonly ContactSheetCell[];
  cellSize?: number;
}

const BASELINE_HEADER = "NO LORA";

const COLOURS = { background: "#141414", tile: "#3a3a3a", dash: "#9a9a9a", text: "#eeeeee", muted: "#b8b8b8", caption: "#000000" };

/** "0.30": two decimals for scales; other numbers as short as they can be. */
function formatValue(v: number): string {
  return Math.abs(v) < 100 ? v.toFixed(2) : String(Math.round(v));
}

/** Path for `text` centred horizontally on `cx` with its top at `y`. */
const centred = (text: string, cx: number, y: number, px: number) => textPath(text, Math.round(cx - textWidth(text, px) / 2), y, px);

export async function renderContactSheet(input: ContactSheetInput): Promise<Buffer> {
  const { axes } = input;
  const isBaseline = (c: ContactSheetCell) => c.baseline ?? c.x === null;
  const hasBaseline = input.cells.some(isBaseline);
  const L = contactSheetLayout(axes, hasBaseline, input.cellSize ?? DEFAULT_CELL_SIZE, { aspect: input.aspect, caption: input.caption });
  const { px, gap, line, tileWidth: tw, tileHeight: th } = L;
  const xCount = Math.max(1, axes.x?.values.length ?? 0);
  const textY = (lineIndex: number) => gap + lineIndex * line + Math.floor((line - GLYPH_HEIGHT * px) / 2);

  const svg: string[] = [];
  const text = (d: string, fill: string, extra = "") => d && svg.push(`<path d="${d}" fill="${fill}"${extra}/>`);

  // Top edge: the x axis name over the x columns, then each column's value.
  const xSpan = { left: L.tile(L.xOffset, 0).left, width: xCount * tw + (xCount - 1) * gap };
  if (axes.x) {
    const name = fit(axes.x.name, px, xSpan.width);
    text(centred(name, xSpan.left + xSpan.width / 2, textY(0), px), COLOURS.text);
    axes.x.values.forEach((v, i) => {
      const { left } = L.tile(L.xOffset + i, 0);
      text(centred(fit(formatValue(v), px, tw), left + tw / 2, textY(1), px), COLOURS.muted);
    });
  }
  if (hasBaseline) text(centred(fit(BASELINE_HEADER, px, tw), L.tile(0, 0).left + tw / 2, textY(1), px), COLOURS.muted);

  // Left edge: the y axis name turned 90°, then each row's value right-aligned.
  if (axes.y) {
    const gridHeight = L.rows * th + (L.rows - 1) * gap;
    const name = fit(axes.y.name, px, gridHeight);
    const cx = gap + line / 2;
    const cy = L.top + gridHeight / 2;
    const d = centred(name, cx, Math.round(cy - (GLYPH_HEIGHT * px) / 2), px);
    text(d, COLOURS.text, ` transform="rotate(-90 ${cx} ${cy})"`);
    axes.y.values.forEach((v, j) => {
      const label = fit(formatValue(v), px, 29 * px);
      const { top } = L.tile(0, j);
      text(textPath(label, L.left - gap - textWidth(label, px), Math.round(top + th / 2 - (GLYPH_HEIGHT * px) / 2), px), COLOURS.muted);
    });
  }

  // Under the grid: the caption, one line of text per line, left-aligned with the grid.
  L.captionLines.forEach((captionLine, i) => {
    const y = L.captionTop + i * line + Math.floor((line - GLYPH_HEIGHT * px) / 2);
    text(textPath(captionLine, gap, y, px), i === 0 ? COLOURS.text : COLOURS.muted);
  });

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
      const tile = cell?.image ? await tileImage(cell.image, tw, th) : null;
      if (tile) composites.push({ input: tile, left, top });
      else {
        svg.push(`<rect x="${left}" y="${top}" width="${tw}" height="${th}" fill="${COLOURS.tile}"/>`);
        // "—": the pixel font has no em dash, so it is a bar a third of the tile wide.
        const dashW = Math.round(tw / 3);
        svg.push(`<rect x="${left + (tw - dashW) / 2}" y="${top + Math.round(th / 2) - px}" width="${dashW}" height="${2 * px}" fill="${COLOURS.dash}"/>`);
      }
      const caption = cell?.label ? fit(cell.label, px, tw - 4 * px) : "";
      if (caption) {
        const barH = GLYPH_HEIGHT * px + 4 * px;
        overlay.push(`<rect x="${left}" y="${top + th - barH}" width="${tw}" height="${barH}" fill="${COLOURS.caption}" fill-opacity="0.6"/>`);
        overlay.push(`<path d="${textPath(caption, left + 2 * px, top + th - barH + 2 * px, px)}" fill="#ffffff"/>`);
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

/** The image fitted into its tile (aspect kept), or null when it cannot be decoded. */
async function tileImage(image: Buffer, width: number, height: number): Promise<Buffer | null> {
  try {
    return await sharp(image)
      .resize(width, height, { fit: "contain", background: COLOURS.tile })
      .flatten({ background: COLOURS.tile })
      .png({ compressionLevel: 1 })
      .toBuffer();
  } catch {
    return null;
  }
}
