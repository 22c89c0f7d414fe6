import { z } from "zod";
import { pickParameters, type GenerationParameters } from "@/lib/db/generation-columns";
import type { LoraInfo, PublicGenerationRow } from "@/lib/db/share-queries";
import type { SweepCellRef } from "@/lib/explore/cell";
import type { GridLayout } from "@/lib/grid/layout";
import { loraDisplayName } from "@/lib/loras/link";
import { findModel } from "@/lib/models/registry";
import { PROVIDER_RECORD_NAMES } from "@/lib/providers/names";
import type { ProviderRecordName } from "@/lib/providers/types";
import type { TriggerPlacement } from "@/lib/generation/prompt";
import { storedPhrases, storedPlacement } from "@/lib/generation/recipe";
import { clip } from "@/lib/text/clip";

export type { LoraInfo, PublicGenerationRow, SweepCellRef };

/**
 * What a public (shared) page may show: the images and exactly how they were made. Built
 * from rows that were selected without owner ids, storage keys or share metadata, and
 * mapped here field by field, so nothing private can ride along by accident.
 */

export interface SharedLora {
  position: number;
  /** The exact path sent to Together (what the studio needs to repeat it). */
  path: string;
  scale: number;
  /** Its trigger phrases that were on (null when not recorded): the studio needs them to repeat it. */
  triggers: string[] | null;
  /** The LoRA's title when its card is known, else a name read from the link. */
  name: string;
  /** A page a person can open: the source's page when known, else the link itself. */
  href: string;
}

export interface SharedImage {
  index: number;
  width: number;
  height: number;
  url: string;
  thumbUrl: string;
  downloadUrl: string;
}

/** The parameters (model, size, steps…) as stored: lib/db/generation-columns.ts. */
export interface SharedResult extends GenerationParameters {
  userPrompt: string;
  prompt: string;
  modelLabel: string;
  customTriggers: string[] | null;
  triggerPlacement: TriggerPlacement | null;
  provider: ProviderRecordName;
  billedMegapixels: number;
  costMicroUsd: number;
  createdAt: string;
  images: SharedImage[];
  loras: SharedLora[];
}

export interface SweepAxis {
  name: string;
  values: number[];
}
export interface SweepAxes {
  x?: SweepAxis;
  y?: SweepAxis;
}

export interface SharedCollectionItem extends SharedResult {
  /** Stable key for lists (the generation id, which the collection's image URLs carry anyway). */
  key: string;
  /** Where it sits in a sweep: a grid cell or the no-LoRA baseline; null for plain collections. */
  cell: SweepCellRef | null;
}

export interface SharedCollection {
  name: string;
  description: string | null;
  kind: "manual" | "sweep" | "grid";
  /** A sweep's axes, named after the LoRAs they vary; null otherwise. */
  axes: SweepAxes | null;
  /** A grid's items in their places (lib/grid/layout.ts); null otherwise, or when its plan does not read. */
  grid: GridLayout<SharedCollectionItem> | null;
  items: SharedCollectionItem[];
}

/** The collection kinds the pages tell apart (anything else stored is a plain collection). */
export function collectionKind(kind: string): SharedCollection["kind"] {
  return kind === "sweep" || kind === "grid" ? kind : "manual";
}

/** @deprecated the name of a LoRA from its path is `loraDisplayName` in lib/loras/link.ts; this alias keeps older imports compiling. */
export { loraDisplayName as loraNameFromPath } from "@/lib/loras/link";

function safeHref(candidate: string | null | undefined, fallback: string): string {
  for (const value of [candidate, fallback]) {
    if (!value) continue;
    try {
      const url = new URL(value);
      if (url.protocol === "https:" || url.protocol === "http:") return url.toString();
    } catch {
      // not a URL: try the next one
    }
  }
  return "#";
}

export function toSharedLora(l: { position: number; path: string; scale: number; triggers?: string | string[] | null }, info?: LoraInfo): SharedLora {
  return {
    position: l.position,
    path: l.path,
    scale: l.scale,
    triggers: Array.isArray(l.triggers) ? l.triggers : storedPhrases(l.triggers),
    name: info?.title?.trim() || loraDisplayName(l.path),
    href: safeHref(info?.pageUrl, l.path),
  };
}

/** Image URLs carry the slug (so a revoked link stops serving them) and a content version. */
export type ImageUrlFor = (index: number, contentHash: string) => string;

export function generationImageUrl(slug: string): ImageUrlFor {
  return (index, contentHash) => `/s/${slug}/images/${index}?v=${contentHash.slice(0, 16)}`;
}

export function collectionImageUrl(slug: string, generationId: string): ImageUrlFor {
  return (index, contentHash) => `/c/${slug}/images/${encodeURIComponent(generationId)}/${index}?v=${contentHash.slice(0, 16)}`;
}

export function toSharedResult(row: PublicGenerationRow, urlFor: ImageUrlFor, loraInfo: ReadonlyMap<string, LoraInfo> = new Map()): SharedResult {
  return {
    userPrompt: row.userPrompt,
    prompt: row.prompt,
    ...pickParameters(row),
    modelLabel: findModel(row.model)?.label ?? row.model,
    customTriggers: storedPhrases(row.customTriggers),
    triggerPlacement: storedPlacement(row.triggerPlacement),
    provider: (PROVIDER_RECORD_NAMES as readonly string[]).includes(row.provider) ? (row.provider as ProviderRecordName) : "simulator",
    billedMegapixels: row.billedMegapixels,
    costMicroUsd: row.costMicroUsd,
    createdAt: row.createdAt.toISOString(),
    images: row.images.map((img) => {
      const url = urlFor(img.index, img.contentHash);
      return { index: img.index, width: img.width, height: img.height, url, thumbUrl: `${url}&size=thumb`, downloadUrl: `${url}&download=1` };
    }),
    loras: row.loras.map((l) => toSharedLora(l, loraInfo.get(l.path))),
  };
}

const axisSchema = z.object({ name: z.string().max(80), values: z.array(z.number().finite()).max(64) });
const axesSchema = z.object({ x: axisSchema.optional(), y: axisSchema.optional() });
// Lenient on read: older rows may lack y, and null stands for "no such axis" as in the sweep plan.
const cellSchema = z.object({ x: z.number().int().min(0).nullish(), y: z.number().int().min(0).nullish(), baseline: z.boolean().optional() });

/** Sweep axes from the Collection.axes column; null when absent or malformed (the page falls back to a plain grid). */
export function parseAxes(json: string | null): SweepAxes | null {
  if (!json) return null;
  try {
    const parsed = axesSchema.safeParse(JSON.parse(json));
    if (!parsed.success || (!parsed.data.x && !parsed.data.y)) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

/**
 * An item's place in a sweep: {"x":i,"y":j} (a missing axis is 0) or {"baseline":true} for the
 * image made without LoRAs; null when absent or malformed.
 */
export function parseCell(json: string | null): SweepCellRef | null {
  if (!json) return null;
  try {
    const parsed = cellSchema.safeParse(JSON.parse(json));
    if (!parsed.success) return null;
    return parsed.data.baseline ? { baseline: true } : { x: parsed.data.x ?? 0, y: parsed.data.y ?? 0 };
  } catch {
    return null;
  }
}

/** "a lighthouse at dusk — LoRAs: flux-tarot-v1 @ 0.8" for previews. */
export function describeResult(r: Pick<SharedResult, "userPrompt" | "loras" | "modelLabel">, maxLength = 280): string {
  const loras = r.loras.length ? ` — LoRA${r.loras.length > 1 ? "s" : ""}: ${r.loras.map((l) => `${l.name} @ ${l.scale}`).join(", ")}` : "";
  const text = `${r.userPrompt.trim() || "Untitled"}${loras} · ${r.modelLabel}`;
  return clip(text, maxLength);
}
