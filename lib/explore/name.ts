import { COLLECTION_NAME_MAX } from "@/lib/collections/limits";
import type { SweepAxes, SweepAxis } from "@/lib/sharing/view";
import { clip } from "@/lib/text/clip";

/** "0.3–1.2" for an ascending run of values, else the list as entered: "1, 0.5". */
export function describeValues(values: readonly number[]): string {
  if (values.length === 0) return "";
  const ascending = values.every((v, i) => i === 0 || v > values[i - 1]);
  return ascending && values.length > 2 ? `${values[0]}–${values[values.length - 1]}` : values.join(", ");
}

const part = (lora: string | undefined, axis: SweepAxis | undefined) => (axis ? `${lora ?? axis.name.replace(/ scale$/, "")} ${describeValues(axis.values)}` : null);

/**
 * The collection name a sweep is saved under, e.g. "Tarot 0.3–1.2 · a lighthouse at dusk" or
 * "Tarot 0.3–0.9 × Anime 0.5, 1 · …": what varied first, then the prompt, within 80 characters.
 * `loraNames` are the display names of LoRA 1 and 2 as the studio shows them.
 */
export function sweepName(axes: SweepAxes, loraNames: readonly [string | undefined, string | undefined], prompt: string): string {
  const xSlot = axes.x?.name.startsWith("LoRA 2") ? 1 : 0;
  const varied = [part(loraNames[xSlot], axes.x), part(loraNames[1], axes.y)].filter(Boolean).join(" × ");
  const head = clip(varied || "Scale sweep", COLLECTION_NAME_MAX - 12);
  const rest = COLLECTION_NAME_MAX - head.length - 3;
  const text = prompt.trim() ? clip(prompt, rest) : "";
  return text ? `${head} · ${text}` : head;
}
