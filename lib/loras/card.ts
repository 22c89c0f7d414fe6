import type { LoraSource } from "./link";
import type { LoraBase, LoraClassification, LoraVerdict } from "./classify";

export type { LoraBase, LoraVerdict };

export interface LoraWarning {
  code:
    | "gated"
    | "private"
    | "multiple_files"
    | "needs_token"
    | "nsfw"
    | "metadata_unavailable"
    | "header_unreadable"
    | "link_rewritten"
    | "no_triggers"
    | "no_safetensors"
    | "not_lora"
    | "download_disabled";
  message: string;
}

/** What reading the safetensors header found (absent when it was not read). */
export type LoraInspection = LoraClassification;

/**
 * Everything the studio shows about a LoRA link before money is spent. Built from parsing
 * (always), source metadata (Hugging Face / Civitai / Replicate, when reachable) and the
 * file's header (when readable), and cached in the database.
 */
export interface LoraCard {
  /** Canonical path sent to Together in image_loras. */
  path: string;
  source: LoraSource;
  /** Human page to link out to. */
  pageUrl: string;
  title: string;
  author: string | null;
  triggers: string[];
  /** Base model as the source states it, e.g. "black-forest-labs/FLUX.1-dev" or "Flux.1 D". */
  baseModel: string | null;
  /** Best knowledge of the base: the header's shapes win over stated metadata. */
  base: LoraBase;
  previewUrl: string | null;
  /** URL of the .safetensors file itself, when known (for header inspection). */
  fileUrl: string | null;
  fileName: string | null;
  fileSize: number | null;
  license: string | null;
  nsfw: boolean;
  tags: string[];
  warnings: LoraWarning[];
  /** For a repo holding several .safetensors files: a /resolve/ link per file (Together needs one). */
  fileChoices: { name: string; path: string; size?: number }[];
  inspection: LoraInspection | null;
  /** Per catalog model id. */
  verdicts: Record<string, LoraVerdict>;
  /** False when only parsing could be done (offline, upstream down). */
  metadataAvailable: boolean;
  fetchedAt: string;
}
