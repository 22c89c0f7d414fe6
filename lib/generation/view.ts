import type { Generation, GenerationImage, GenerationLora } from "@/lib/db/generated/sqlite/client";
import { pickParameters, type GenerationParameters, type ParameterColumn } from "@/lib/db/generation-columns";
import { generationSharePath } from "@/lib/sharing/slug";
import type { ProviderRecordName } from "@/lib/providers/types";
import type { TriggerPlacement } from "./prompt";
import { storedPhrases, storedPlacement } from "./recipe";

/** What the browser gets about a generation: no owner id, no storage keys. Its parameters as stored (lib/db/generation-columns.ts). */
export interface GenerationView extends GenerationParameters {
  id: string;
  status: "pending" | "succeeded" | "failed" | "interrupted";
  userPrompt: string;
  prompt: string;
  /** Custom phrases and where the triggers went; null on results made before they were kept. */
  customTriggers: string[] | null;
  triggerPlacement: TriggerPlacement | null;
  provider: ProviderRecordName;
  billedMegapixels: number;
  costMicroUsd: number;
  createdAt: string;
  error: { code: string; message: string } | null;
  /** Ended without images after reaching the provider: it may have been charged. */
  mayBeCharged?: boolean;
  images: { id: string; index: number; url: string; width: number; height: number; mimeType: string }[];
  /** triggers: its phrases that were on (null when not recorded). */
  loras: { position: number; path: string; scale: number; triggers: string[] | null }[];
  /** "/s/{slug}" while shared, else null. */
  sharePath: string | null;
}

/** The stored columns a view is built from (the generated Prisma types: one definition of a row). */
type GenerationRow = Pick<
  Generation,
  "id" | "status" | "userPrompt" | "prompt" | ParameterColumn | "provider" | "billedMegapixels" | "costMicroUsd" | "createdAt" | "errorCode" | "errorMessage"
> &
  Partial<Pick<Generation, "mayBeCharged">> &
  Partial<Pick<Generation, "shareSlug" | "customTriggers" | "triggerPlacement">> & {
    images: Pick<GenerationImage, "id" | "index" | "width" | "height" | "mimeType" | "contentHash">[];
    loras: (Pick<GenerationLora, "position" | "path" | "scale"> & Partial<Pick<GenerationLora, "triggers">>)[];
  };

export function imageUrl(imageId: string, contentHash: string): string {
  // The hash in the query makes the URL change whenever the bytes could, so it can be cached forever.
  return `/api/images/${imageId}?v=${contentHash.slice(0, 16)}`;
}

export function toGenerationView(row: GenerationRow): GenerationView {
  return {
    id: row.id,
    status: row.status as GenerationView["status"],
    userPrompt: row.userPrompt,
    prompt: row.prompt,
    ...pickParameters(row),
    customTriggers: storedPhrases(row.customTriggers),
    triggerPlacement: storedPlacement(row.triggerPlacement),
    provider: row.provider as GenerationView["provider"],
    billedMegapixels: row.billedMegapixels,
    costMicroUsd: row.costMicroUsd,
    createdAt: row.createdAt.toISOString(),
    error: row.errorCode ? { code: row.errorCode, message: row.errorMessage ?? "" } : null,
    mayBeCharged: row.mayBeCharged ?? false,
    images: row.images.map((img) => ({
      id: img.id,
      index: img.index,
      url: imageUrl(img.id, img.contentHash),
      width: img.width,
      height: img.height,
      mimeType: img.mimeType,
    })),
    loras: row.loras.map((l) => ({ position: l.position, path: l.path, scale: l.scale, triggers: storedPhrases(l.triggers) })),
    sharePath: row.shareSlug ? generationSharePath(row.shareSlug) : null,
  };
}
