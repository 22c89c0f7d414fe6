import { z } from "zod";
import { placeOnGrid } from "@/lib/sharing/grid";
import type { SweepAxes, SweepCellRef } from "@/lib/sharing/view";
import type { ContactSheetCell } from "./contact-sheet";

/**
 * What a contact sheet download asks for, pure: its URLs, the tile size from `?size=`, and
 * which collection items become which tiles. No sharp here, so pages can import the paths.
 */

/** The owner's download (owner cookie checked by the route). */
export const ownerContactSheetPath = (collectionId: string) => `/api/collections/${encodeURIComponent(collectionId)}/contact-sheet`;
/** The public download, alive only while the collection is shared under this slug. */
export const sharedContactSheetPath = (slug: string) => `/c/${slug}/contact-sheet`;

export const SHEET_SIZE_MIN = 128;
export const SHEET_SIZE_MAX = 512;
/** Same as the renderer's DEFAULT_CELL_SIZE (a test keeps them equal). */
export const SHEET_SIZE_DEFAULT = 256;

const sizeSchema = z
  .string()
  .trim()
  .regex(/^\d{1,6}$/, { error: "size must be a whole number of pixels" })
  .transform(Number)
  .pipe(
    z
      .number()
      .min(SHEET_SIZE_MIN, { error: `size must be at least ${SHEET_SIZE_MIN}` })
      .max(SHEET_SIZE_MAX, { error: `size must be at most ${SHEET_SIZE_MAX}` }),
  );

/** `?size=` (pixels per tile): absent or empty → 256; else a whole number from 128 to 512, or a message for a 400. */
export function parseSheetSize(raw: string | null): { ok: true; size: number } | { ok: false; message: string } {
  if (raw === null || raw.trim() === "") return { ok: true, size: SHEET_SIZE_DEFAULT };
  const parsed = sizeSchema.safeParse(raw);
  return parsed.success ? { ok: true, size: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? "Invalid size" };
}

/** A tile to draw: where it goes (the renderer's cell without its bytes) and the item whose image fills it. */
export interface SheetTile<T> {
  item: T;
  cell: Omit<ContactSheetCell, "image">;
}

/**
 * The items that get a tile: the baseline and every item placed on the grid, placed exactly
 * as the page's table places them (first claim wins; items outside the axes are left off).
 */
export function sheetTiles<T extends { cell: SweepCellRef | null }>(axes: SweepAxes, items: readonly T[]): SheetTile<T>[] {
  const { cells, baseline } = placeOnGrid(items, axes);
  const tiles: SheetTile<T>[] = [];
  if (baseline) tiles.push({ item: baseline, cell: { x: null, baseline: true } });
  for (const item of cells.values()) {
    const c = item.cell;
    if (!c || "baseline" in c) continue; // the grid's cells are never these; this narrows the type
    tiles.push({ item, cell: axes.y ? { x: c.x, y: c.y } : { x: c.x } });
  }
  return tiles;
}
