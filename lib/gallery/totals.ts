import { formatUsd } from "@/lib/models/pricing";
import { loraDisplayName } from "@/lib/loras/link";
import { plural } from "./format";
import { hasActiveFilters, type GalleryParams } from "./filters";
import type { GalleryWindowTotals } from "./view";

/**
 * Words for the gallery's totals, so each number says what it covers: the spend windows count
 * everything paid for (deleted results included), the filtered line only what is listed.
 */

/** "$0.385 · 11 images" */
export function totalsLine(t: GalleryWindowTotals): string {
  return `${formatUsd(t.spendMicroUsd)} · ${plural(t.images, "image")}`;
}

/** "11 images · 2 deleted, still counted", or just the images. */
export function spendNote(t: GalleryWindowTotals): string {
  return t.deletedGenerations > 0 ? `${plural(t.images, "image")} · ${t.deletedGenerations} deleted, still counted` : plural(t.images, "image");
}

/** What the active filters are, in words ("“fox” · LoRA owner/repo · FLUX.1 · 1–3 Dec"); null when none. */
export function filterSummary(params: GalleryParams, modelLabels: Record<string, string> = {}): string | null {
  if (!hasActiveFilters(params)) return null;
  const parts: string[] = [];
  if (params.q) parts.push(`“${params.q}”`);
  if (params.lora) parts.push(`LoRA ${loraDisplayName(params.lora)}`);
  if (params.model) parts.push(modelLabels[params.model] ?? params.model);
  if (params.provider) parts.push(params.provider === "simulator" ? "simulated" : "Together");
  if (params.from || params.to) parts.push(params.from && params.to ? `${params.from} to ${params.to}` : params.from ? `from ${params.from}` : `until ${params.to}`);
  return parts.join(" · ");
}
