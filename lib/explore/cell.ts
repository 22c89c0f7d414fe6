import { z } from "zod";

/** Where one sweep result sits: a grid cell (indices into the axes' values) or the no-LoRA baseline. */
export type SweepCellRef = { x: number; y: number } | { baseline: true };

export const sweepCellSchema = z.union([
  z.object({ baseline: z.literal(true) }).strict(),
  z.object({ x: z.number().int().min(0).max(63), y: z.number().int().min(0).max(63) }).strict(),
]);

/** The CollectionItem.cell column: {"x":i,"y":j} or {"baseline":true}. */
export function cellJson(cell: SweepCellRef): string {
  return "baseline" in cell ? JSON.stringify({ baseline: true }) : JSON.stringify({ x: cell.x, y: cell.y });
}
