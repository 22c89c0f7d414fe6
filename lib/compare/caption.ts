import { formatScale } from "@/lib/explore/values";
import type { CompareParams } from "./diff";

export type CompareLetter = "A" | "B";

/**
 * "A · LoRA 1 × 0.3 · seed 42": what tells two cells of a sweep apart at a glance (the LoRA
 * scales and the seed); the full recipe is in the differences table.
 */
export function sideCaption(letter: CompareLetter, params: Pick<CompareParams, "loras" | "seed">): string {
  const loras = [...params.loras].sort((x, y) => x.position - y.position).map((l) => `LoRA ${l.position} × ${formatScale(l.scale)}`);
  return [letter, ...(loras.length ? loras : ["no LoRA"]), `seed ${params.seed}`].join(" · ");
}
