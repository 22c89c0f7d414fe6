import { z } from "zod/mini";
import "@/lib/validation/mini";
import { cellPlace, type GridCellStatus, type StoredGridPlan } from "./view";

/**
 * A saved grid (a collection of kind "grid") as Z tabs, rows and columns, pure. The owner's
 * collection page, the shared page, the contact sheet and the shared page's og:image all place
 * the items with this one function, so they cannot disagree. The stored JSON is read here with
 * zod: Collection.axes holds the StoredGridPlan (./view.ts), each CollectionItem.cell holds
 * {z,x,y} or {z,baseline:true} (./worker.ts). A plan that does not read gives null (the pages
 * then show the plain list); an item whose cell does not read or fit goes to `rest`.
 */

/** Indices and label counts far above what a plan makes (6 values, 4 Z), low enough to bound a bad row. */
const MAX_VALUES = 64;
const index = z.int().check(z.minimum(0), z.maximum(MAX_VALUES - 1));
const axisSchema = z.object({
  kind: z.string().check(z.maxLength(40)),
  name: z.string().check(z.minLength(1), z.maxLength(300)),
  labels: z.array(z.string().check(z.maxLength(300))).check(z.minLength(1), z.maxLength(MAX_VALUES)),
});
const planSchema = z.object({
  axes: z.object({ x: axisSchema, y: z.optional(axisSchema), z: z.optional(axisSchema) }),
  separateBaseline: z._default(z.boolean(), false),
});
const cellSchema = z.union([
  // A grid's separate no-LoRA cell (the "No LoRA" value of a LoRA-list axis is an ordinary x or y).
  z.object({ z: index, baseline: z.literal(true), x: z.optional(z.null()) }),
  z.object({ z: index, x: index, y: z.nullish(index) }),
]);

export type GridCellRef = { z: number; baseline: true } | { z: number; x: number; y: number | null };

/** What became of an empty place: the grid cell's own status, or "missing" (no record of it, or removed from the collection). */
export type GridSlotStatus = GridCellStatus | "missing";

export interface GridSlot<T> {
  /** The result filed there; null when the cell has none (yet). */
  item: T | null;
  /** Its place in words ("LoRA 1 Tarot, Seed 7"): accessible name and compare label. */
  place: string;
  /** "succeeded" when it has an item. */
  status: GridSlotStatus;
  /** Why a cell without an image has none ("Together refused…"), when the records say; the owner's page only. */
  reason: string | null;
}

export interface GridSlice<T> {
  /** Index into the Z axis' labels (0 when there is no Z axis). */
  z: number;
  /** The Z value's label; null without a Z axis. */
  label: string | null;
  /** This grid's separate no-LoRA cell; null when the plan has none. */
  baseline: GridSlot<T> | null;
  /** One per Y value (a single row labelled null without a Y axis), each with one slot per X value. */
  rows: { label: string | null; slots: GridSlot<T>[] }[];
}

export interface GridLayout<T> {
  plan: StoredGridPlan;
  /** One per Z value, or one. */
  slices: GridSlice<T>[];
  /** Items with no readable cell, a cell outside the plan, or a place already taken: listed under the grid. */
  rest: T[];
}

/** A grid cell's row (lib/db/grid-queries), for what an empty place says. */
export interface GridCellRecord {
  z: number;
  x: number | null;
  y: number | null;
  status: string;
  /** The cell's error message, for its owner. Left out of what a shared page loads: it can quote a pasted link. */
  errorMessage?: string | null;
}

const STATUSES: readonly GridCellStatus[] = ["queued", "running", "succeeded", "failed", "cancelled", "interrupted"];

function parseJson(json: string | null): unknown {
  if (!json) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** The stored plan, or null when absent or malformed. */
export function parseGridPlan(json: string | null): StoredGridPlan | null {
  const parsed = planSchema.safeParse(parseJson(json));
  return parsed.success ? parsed.data : null;
}

/** An item's place in the grid, or null when absent or malformed. */
export function parseGridCell(json: string | null): GridCellRef | null {
  const parsed = cellSchema.safeParse(parseJson(json));
  if (!parsed.success) return null;
  const c = parsed.data;
  return "baseline" in c ? { z: c.z, baseline: true } : { z: c.z, x: c.x, y: c.y ?? null };
}

const placeKey = (z: number, x: number | null, y: number | null) => (x === null ? `${z}:baseline` : `${z}:${x}:${y ?? "-"}`);

/**
 * The grid's slices with every item in its place (the first to claim a place keeps it; entries
 * come in collection order) and, for empty places, what the grid's cell records say became of
 * them. Null when the plan does not read.
 */
export function layoutGrid<T>(planJson: string | null, entries: readonly { item: T; cell: string | null }[], records: readonly GridCellRecord[] = []): GridLayout<T> | null {
  const plan = parseGridPlan(planJson);
  if (!plan) return null;
  const { x, y, z } = plan.axes;
  const zCount = z ? z.labels.length : 1;
  const placed = new Map<string, T>();
  const rest: T[] = [];
  for (const { item, cell: json } of entries) {
    const cell = parseGridCell(json);
    const key = !cell || cell.z >= zCount ? null : "baseline" in cell ? (plan.separateBaseline ? placeKey(cell.z, null, null) : null) : fits(cell) ? placeKey(cell.z, cell.x, cell.y) : null;
    if (key === null || placed.has(key)) rest.push(item);
    else placed.set(key, item);
  }
  function fits(cell: { x: number; y: number | null }): boolean {
    if (cell.x >= x.labels.length) return false;
    return y ? cell.y !== null && cell.y < y.labels.length : cell.y === null;
  }
  const recorded = new Map(records.map((r) => [placeKey(r.z, r.x, r.y), r]));
  const slot = (zi: number, xi: number | null, yi: number | null): GridSlot<T> => {
    const key = placeKey(zi, xi, yi);
    const item = placed.get(key) ?? null;
    const place = cellPlace(plan, { z: zi, x: xi, y: yi, baseline: xi === null });
    if (item !== null) return { item, place, status: "succeeded", reason: null };
    const record = recorded.get(key);
    const status = record?.status as GridCellStatus | undefined;
    // A cell that succeeded but has no item here was removed from the collection (or its result deleted).
    if (!status || !STATUSES.includes(status) || status === "succeeded") return { item: null, place, status: "missing", reason: null };
    return { item: null, place, status, reason: record?.errorMessage?.trim() || null };
  };
  const slices = Array.from({ length: zCount }, (_, zi): GridSlice<T> => ({
    z: zi,
    label: z ? z.labels[zi] : null,
    baseline: plan.separateBaseline ? slot(zi, null, null) : null,
    rows: (y ? y.labels : [null]).map((label, yi) => ({ label, slots: x.labels.map((_, xi) => slot(zi, xi, y ? yi : null)) })),
  }));
  return { plan, slices, rest };
}

/** The same layout with only the items `keep` accepts (the others' places become "missing"): the owner's grid follows removals. */
export function keepInLayout<T>(layout: GridLayout<T>, keep: (item: T) => boolean): GridLayout<T> {
  const filter = (s: GridSlot<T>): GridSlot<T> => (s.item !== null && !keep(s.item) ? { ...s, item: null, status: "missing" } : s);
  return {
    ...layout,
    slices: layout.slices.map((slice) => ({ ...slice, baseline: slice.baseline && filter(slice.baseline), rows: slice.rows.map((r) => ({ ...r, slots: r.slots.map(filter) })) })),
    rest: layout.rest.filter(keep),
  };
}

/** Every filled place in drawing order (slice by slice, the baseline first, then row by row): what a contact sheet tiles. */
export function filledSlots<T>(layout: GridLayout<T>): { item: T; slice: number; x: number | null; y: number | null }[] {
  const out: { item: T; slice: number; x: number | null; y: number | null }[] = [];
  const hasY = layout.plan.axes.y !== undefined;
  layout.slices.forEach((slice, s) => {
    if (slice.baseline?.item) out.push({ item: slice.baseline.item, slice: s, x: null, y: null });
    slice.rows.forEach((row, yi) => row.slots.forEach((slot, xi) => slot.item !== null && out.push({ item: slot.item, slice: s, x: xi, y: hasY ? yi : null })));
  });
  return out;
}

/** What an empty place says, for people. */
export const EMPTY_SLOT_TEXT: Record<Exclude<GridSlotStatus, "succeeded">, string> = {
  queued: "Not run yet",
  running: "Generating…",
  failed: "Failed",
  cancelled: "Cancelled",
  interrupted: "Interrupted",
  missing: "No result",
};
