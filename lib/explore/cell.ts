import { z } from "zod/mini";
import "@/lib/validation/mini";

/** Where one sweep result sits: a grid cell (indices into the axes' values) or the no-LoRA baseline. */
export type SweepCellRef = { x: number; y: number } | { baseline: true };

export const sweepCellSchema = z.union([
  z.strictObject({ baseline: z.literal(true) }),
  z.strictObject({ x: z.int().check(z.minimum(0), z.maximum(63)), y: z.int().check(z.minimum(0), z.maximum(63)) }),
]);

/** The CollectionItem.cell column: {"x":i,"y":j} or {"baseline":true}. */
export function cellJson(cell: SweepCellRef): string {
  return "baseline" in cell ? JSON.stringify({ baseline: true }) : JSON.stringify({ x: cell.x, y: cell.y });
}

/** "LoRA 1 scale 0.6, LoRA 2 scale 0.5", "No LoRA" for the baseline; "" when the cell is not on the axes. */
export function cellLabel(axes: { x?: { name: string; values: number[] }; y?: { name: string; values: number[] } }, cell: SweepCellRef | null): string {
  if (!cell) return "";
  if ("baseline" in cell) return "No LoRA";
  const parts: string[] = [];
  if (axes.x && cell.x < axes.x.values.length) parts.push(`${axes.x.name} ${axes.x.values[cell.x]}`);
  if (axes.y && cell.y < axes.y.values.length) parts.push(`${axes.y.name} ${axes.y.values[cell.y]}`);
  return parts.join(", ");
}
