import type { SweepAxes, SweepCellRef } from "./view";

/**
 * Where a sweep's items go on its grid. Pure and generic, so the page's table and the
 * downloadable contact sheet place the same items in the same cells.
 */

export interface GridPlacement<T> {
  /** One entry per x value (a single null column when there is no x axis). */
  columns: (number | null)[];
  /** One entry per y value (a single null row when there is no y axis). */
  rows: (number | null)[];
  /** By `gridKey(x, y)`. */
  cells: Map<string, T>;
  /** The image made without LoRAs, shown in its own leading column. */
  baseline: T | null;
  /** Items with no cell, a cell outside the axes, or a place already taken: listed under the grid. */
  rest: T[];
}

export const gridKey = (x: number, y: number) => `${x}:${y}`;

/** The first item claiming a place keeps it (items come in collection order). */
export function placeOnGrid<T extends { cell: SweepCellRef | null }>(items: readonly T[], axes: SweepAxes): GridPlacement<T> {
  const columns = axes.x?.values ?? [null];
  const rows = axes.y?.values ?? [null];
  const cells = new Map<string, T>();
  let baseline: T | null = null;
  const rest: T[] = [];
  for (const item of items) {
    const c = item.cell;
    if (c && "baseline" in c) {
      if (baseline) rest.push(item);
      else baseline = item;
      continue;
    }
    const key = c ? gridKey(c.x, c.y) : "";
    if (!c || c.x >= columns.length || c.y >= rows.length || cells.has(key)) rest.push(item);
    else cells.set(key, item);
  }
  return { columns, rows, cells, baseline, rest };
}
