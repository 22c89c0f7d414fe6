import type { AppErrorShape } from "@/lib/errors";
import type { GenerationView } from "@/lib/generation/view";
import type { SweepAxes } from "@/lib/sharing/view";
import { cellLabel, type SweepCellRef } from "./cell";
import type { CellStatus } from "./run";

/** One cell of the sweep grid in the studio, as it runs or as it was saved. */
export interface LiveCell {
  key: string;
  x: number | null;
  y: number | null;
  baseline: boolean;
  /** "LoRA 1 scale 0.6, LoRA 2 scale 0.5" or "No LoRA". */
  label: string;
  status: CellStatus;
  attempts: number;
  generation?: GenerationView;
  error?: AppErrorShape;
}

export interface LiveSweep {
  collectionId: string;
  name: string;
  axes: SweepAxes;
  cells: LiveCell[];
  /** Epoch ms until which no new cell starts (a rate limit), else null. */
  pausedUntil: number | null;
  running: boolean;
  /** The images' shape, so waiting tiles already take the space their picture will. */
  width: number;
  height: number;
  /**
   * False for a sweep brought back from its collection (a reload, the back button): the cells'
   * requests are gone with the old page, so a missing cell cannot be retried from here.
   */
  retryable: boolean;
  /** "/c/{slug}" while the sweep's collection is shared, else null. */
  sharePath: string | null;
}

/** A cell's key in a plan and in the grid: "baseline", "x2" or "x2y0". */
export function cellKey(cell: { x: number | null; y: number | null; baseline: boolean }): string {
  if (cell.baseline || cell.x === null) return "baseline";
  return cell.y === null ? `x${cell.x}` : `x${cell.x}y${cell.y}`;
}

/** The grid label of a planned or saved cell. */
export function liveCellLabel(axes: SweepAxes, cell: { x: number | null; y: number | null; baseline: boolean }): string {
  const ref: SweepCellRef = cell.baseline || cell.x === null ? { baseline: true } : { x: cell.x, y: cell.y ?? 0 };
  return cellLabel(axes, ref);
}

export interface SavedSweepItem {
  cell: SweepCellRef | null;
  generation: GenerationView;
}

/**
 * A saved sweep collection drawn as the studio's sweep grid: every position on its axes, the
 * saved result where there is one and "not made" (cancelled or failed) where there is
 * none. The baseline column appears when a baseline result was saved.
 */
export function sweepFromCollection(collection: { id: string; name: string; axes: SweepAxes; sharePath?: string | null }, items: SavedSweepItem[]): LiveSweep | null {
  const { axes } = collection;
  if (!axes.x || axes.x.values.length === 0) return null;
  const xs = axes.x.values.length;
  const ys = axes.y?.values.length ?? 0;
  const byKey = new Map<string, GenerationView>();
  for (const item of items) {
    if (!item.cell) continue;
    if ("baseline" in item.cell) byKey.set("baseline", item.generation);
    else if (item.cell.x < xs && (ys === 0 ? item.cell.y === 0 : item.cell.y < ys)) {
      byKey.set(cellKey({ x: item.cell.x, y: ys === 0 ? null : item.cell.y, baseline: false }), item.generation);
    }
  }
  const positions: { x: number | null; y: number | null; baseline: boolean }[] = [];
  if (byKey.has("baseline")) positions.push({ x: null, y: null, baseline: true });
  for (let y = 0; y < Math.max(1, ys); y++) {
    for (let x = 0; x < xs; x++) positions.push({ x, y: ys === 0 ? null : y, baseline: false });
  }
  const cells: LiveCell[] = positions.map((p) => {
    const key = cellKey(p);
    const generation = byKey.get(key);
    return { key, ...p, label: liveCellLabel(axes, p), status: generation ? "done" : "cancelled", attempts: generation ? 1 : 0, generation };
  });
  const first = items.find((i) => i.generation.images[0])?.generation;
  return {
    collectionId: collection.id,
    name: collection.name,
    axes,
    cells,
    pausedUntil: null,
    running: false,
    width: first?.width ?? 1,
    height: first?.height ?? 1,
    retryable: false,
    sharePath: collection.sharePath ?? null,
  };
}
