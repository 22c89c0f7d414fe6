/**
 * A sweep's or a grid's contact sheet: one PNG with every cell in its grid position, the axis
 * names and values on the edges, the baseline (if any) in an extra first column, one grid per
 * z value stacked top to bottom under its value, and a caption under it all. Text is drawn with the pixel font (paths), so it renders on servers
 * without system fonts. Geometry: contact-sheet-layout.ts.
 *
 * Tiles take the images' shape (`aspect`); an image of another shape is fitted into its tile
 * (aspect kept, the rest in the tile colour). A cell with no image, or an image that cannot
 * be decoded, is a neutral tile with "—".
 */
import sharp, { type OverlayOptions } from "sharp";
import { GLYPH_HEIGHT, textPath, textWidth } from "@/lib/text/pixel-font";
import { axisLabels, contactSheetLayout, DEFAULT_CELL_SIZE, fitText as fit, type SheetAxes, type SheetLook } from "./contact-sheet-layout";

export { contactSheetLayout, DEFAULT_CELL_SIZE, MAX_CELL_SIZE, MIN_CELL_SIZE, type ContactSheetLayout, type SheetAxes, type SheetLook } from "./contact-sheet-layout";

export interface ContactSheetCell {
  /** Index into axes.x.values; null (with no y) marks the baseline. */
  x: number | null;
  /** Index into axes.y.values; null or missing for one-axis sheets. */
  y?: number | null;
  /** Set explicitly to place a cell in the baseline column (else: x is null). */
  baseline?: boolean;
  /** Index into axes.z.labels: which stacked grid; 0 or missing without a z axis. */
  z?: number;
  image: Buffer | null;
  /** Short caption drawn at the tile's bottom. */
  label?: string;
}

export interface ContactSheetInput extends SheetLook {
  axes: SheetAxes;
  cells: readonly ContactSheetCell[];
  cellSize?: number;
}

const BASELINE_HEADER = "NO LORA";

const COLOURS = { background: "#141414", tile: "#3a3a3a", dash: "#9a9a9a", text: "#eeeeee", muted: "#b8b8b8", caption: "#000000" };

/** Path for `text` centred horizontally on `cx` with its top at `y`. */
const centred = (text: string, cx: number, y: number, px: number) => textPath(text, Math.round(cx - textWidth(text, px) / 2), y, px);

export async function renderContactSheet(input: ContactSheetInput): Promise<Buffer> {
  const { axes } = input;
  const isBaseline = (c: ContactSheetCell) => c.baseline ?? c.x === null;
  const hasBaseline = input.cells.some(isBaseline);
  const L = contactSheetLayout(axes, hasBaseline, input.cellSize ?? DEFAULT_CELL_SIZE, { aspect: input.aspect, caption: input.caption });
  const { px, gap, line, tileWidth: tw, tileHeight: th } = L;
  const xLabels = axes.x ? axisLabels(axes.x) : [];
  const yLabels = axes.y ? axisLabels(axes.y) : [];
  const xCount = Math.max(1, xLabels.length);
  /** Top of text line `lineIndex` of grid `section`, the glyphs centred in the line. */
  const textY = (section: number, lineIndex: number) => L.sectionTop(section) + lineIndex * line + Math.floor((line - GLYPH_HEIGHT * px) / 2);
  const headFirst = axes.z ? 1 : 0;

  const svg: string[] = [];
  const text = (d: string, fill: string, extra = "") => d && svg.push(`<path d="${d}" fill="${fill}"${extra}/>`);

  for (let s = 0; s < L.sections; s++) {
    // Above each stacked grid: its z value, left-aligned.
    if (axes.z) text(textPath(fit(`${axes.z.name}: ${axes.z.labels[s] ?? ""}`, px, L.width - 2 * gap), gap, textY(s, 0), px), COLOURS.text);

    // Top edge: the x axis name over the x columns, then each column's value.
    const xSpan = { left: L.tile(L.xOffset, 0, s).left, width: xCount * tw + (xCount - 1) * gap };
    if (axes.x) {
      const name = fit(axes.x.name, px, xSpan.width);
      text(centred(name, xSpan.left + xSpan.width / 2, textY(s, headFirst), px), COLOURS.text);
      xLabels.forEach((v, i) => {
        const { left } = L.tile(L.xOffset + i, 0, s);
        text(centred(fit(v, px, tw), left + tw / 2, textY(s, headFirst + 1), px), COLOURS.muted);
      });
    }
    if (hasBaseline) text(centred(fit(BASELINE_HEADER, px, tw), L.tile(0, 0, s).left + tw / 2, textY(s, headFirst + 1), px), COLOURS.muted);

    // Left edge: the y axis name turned 90°, then each row's value right-aligned.
    if (axes.y) {
      const gridHeight = L.rows * th + (L.rows - 1) * gap;
      const gridTop = L.tile(0, 0, s).top;
      const name = fit(axes.y.name, px, gridHeight);
      const cx = gap + line / 2;
      const cy = gridTop + gridHeight / 2;
      const d = centred(name, cx, Math.round(cy - (GLYPH_HEIGHT * px) / 2), px);
      text(d, COLOURS.text, ` transform="rotate(-90 ${cx} ${cy})"`);
      yLabels.forEach((v, j) => {
        const label = fit(v, px, L.rowLabelWidth);
        const { top } = L.tile(0, j, s);
        text(textPath(label, L.left - gap - textWidth(label, px), Math.round(top + th / 2 - (GLYPH_HEIGHT * px) / 2), px), COLOURS.muted);
      });
    }
  }

  // Under the grid: the caption, one line of text per line, left-aligned with the grid.
  L.captionLines.forEach((captionLine, i) => {
    const y = L.captionTop + i * line + Math.floor((line - GLYPH_HEIGHT * px) / 2);
    text(textPath(captionLine, gap, y, px), i === 0 ? COLOURS.text : COLOURS.muted);
  });

  // Place cells; later duplicates of a position win, out-of-range indices are skipped.
  const placed = new Map<string, ContactSheetCell>();
  for (const cell of input.cells) {
    const section = cell.z ?? 0;
    const col = isBaseline(cell) ? 0 : L.xOffset + (cell.x ?? 0);
    const row = isBaseline(cell) ? 0 : (cell.y ?? 0);
    if (!Number.isInteger(section) || section < 0 || section >= L.sections) continue;
    if (!isBaseline(cell) && ((cell.x ?? 0) < 0 || (cell.x ?? 0) >= xCount || row < 0 || row >= L.rows)) continue;
    if (!Number.isInteger(col) || !Number.isInteger(row)) continue;
    placed.set(`${section},${col},${row}`, cell);
  }

  const composites: OverlayOptions[] = [];
  const overlay: string[] = [];
  for (let s = 0; s < L.sections; s++) {
    for (let row = 0; row < L.rows; row++) {
      for (let col = 0; col < L.cols; col++) {
        // The baseline column has a single tile, in the first row.
        if (hasBaseline && col === 0 && row > 0) continue;
        const cell = placed.get(`${s},${col},${row}`);
        const { left, top } = L.tile(col, row, s);
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
