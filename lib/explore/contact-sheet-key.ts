import { createHash } from "node:crypto";
import type { ContactSheetCell } from "./contact-sheet";
import type { SheetAxes, SheetLook } from "./contact-sheet-layout";

/**
 * Bump when the renderer draws the same input differently: every stored sheet is then drawn anew.
 * 2: tiles take the images' shape, axes are named after their LoRA, a caption under the grid.
 * 3: grids: labelled axes, one grid per z value stacked, row labels as wide as the widest.
 */
export const SHEET_RENDER_VERSION = 3;

export interface SheetState extends SheetLook {
  /** As drawn (the LoRA-named axes; a grid's labels). */
  axes: SheetAxes;
  /** Each tile's place and the storage key of the image drawn in it (null: the empty tile). */
  tiles: readonly { cell: Omit<ContactSheetCell, "image">; storageKey: string | null }[];
  cellSize: number;
}

/**
 * Where a rendered sheet is stored: named by everything that decides its pixels — the axes,
 * which image sits in which tile (storage keys are content hashes, so new bytes mean a new key),
 * the tile size, the tiles' shape, the caption and the renderer's version. The collection's name is not in it (it only names
 * the download), so renaming redraws nothing; filing, removing or deleting a cell does.
 */
export function contactSheetKey(state: SheetState): string {
  const tiles = state.tiles.map((t) => [t.cell.z ?? 0, t.cell.baseline ? "baseline" : [t.cell.x, t.cell.y ?? null], t.storageKey]);
  const hash = createHash("sha256").update(JSON.stringify([SHEET_RENDER_VERSION, state.axes, state.cellSize, tiles, state.aspect ?? 1, state.caption ?? []])).digest("hex");
  return `contact-sheets/${hash.slice(0, 2)}/${hash}.png`;
}
