import type { GenerationView } from "@/lib/generation/view";
import type { GridAxes } from "./plan";

/** What is stored as Grid.plan: the axes with their labels (the cells carry their own inputs). */
export interface StoredGridPlan {
  axes: { x: AxisLabels; y?: AxisLabels; z?: AxisLabels };
  /** True when each grid has a separate no-LoRA cell. */
  separateBaseline: boolean;
}

export interface AxisLabels {
  kind: string;
  name: string;
  labels: string[];
}

export function storedPlan(axes: GridAxes, separateBaseline: boolean): StoredGridPlan {
  const labels = (a: GridAxes["x"]) => ({ kind: a.kind, name: a.name, labels: a.values.map((v) => v.label) });
  return { axes: { x: labels(axes.x), ...(axes.y ? { y: labels(axes.y) } : {}), ...(axes.z ? { z: labels(axes.z) } : {}) }, separateBaseline };
}

export type GridCellStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "interrupted";

export interface GridCellView {
  id: string;
  z: number;
  x: number | null;
  y: number | null;
  baseline: boolean;
  status: GridCellStatus;
  /** Why it failed, in words, with the charge note. */
  error: { code: string; message: string } | null;
  mayBeCharged: boolean;
  /** Waiting out a rate limit until this time (ISO), else null. */
  notBefore: string | null;
  generation: GenerationView | null;
}

export interface GridView {
  id: string;
  name: string;
  plan: StoredGridPlan;
  collectionId: string | null;
  priceMicroUsd: number;
  /** What the finished cells cost, exactly. */
  spentMicroUsd: number;
  cancelled: boolean;
  /** No cell is queued or running. */
  finished: boolean;
  counts: Record<GridCellStatus, number>;
  cells: GridCellView[];
  createdAt: string;
}

export function countCells(cells: readonly { status: GridCellStatus }[]): Record<GridCellStatus, number> {
  const counts: Record<GridCellStatus, number> = { queued: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0, interrupted: 0 };
  for (const c of cells) counts[c.status]++;
  return counts;
}

/** The cell at (z, x, y), or the grid's separate baseline with x = y = null. */
export function cellAt(view: Pick<GridView, "cells">, z: number, x: number | null, y: number | null): GridCellView | undefined {
  return view.cells.find((c) => c.z === z && c.x === x && c.y === y);
}

/** "LoRA 1 Tarot, Seed 7": a cell's place in words, for its accessible name ("No LoRA, Seed 7" for a grid's separate baseline). */
export function cellPlace(plan: StoredGridPlan, cell: Pick<GridCellView, "x" | "y" | "z" | "baseline">): string {
  const parts = cell.x === null ? ["No LoRA"] : [`${plan.axes.x.name} ${plan.axes.x.labels[cell.x] ?? ""}`.trim()];
  if (plan.axes.y && cell.x !== null && cell.y !== null) parts.push(`${plan.axes.y.name} ${plan.axes.y.labels[cell.y] ?? ""}`.trim());
  if (plan.axes.z) parts.push(`${plan.axes.z.name} ${plan.axes.z.labels[cell.z] ?? ""}`.trim());
  return parts.join(", ");
}
