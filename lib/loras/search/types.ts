import type { LoraBase } from "@/lib/loras/card";

/** What search ranks: a catalog row (local) or an upstream search hit (remote). */
export interface LoraSearchEntry {
  /** Canonical path sent to Together in image_loras. */
  path: string;
  title: string;
  triggers: string[];
  tags: string[];
  /** LoraSource ("huggingface-repo", "civitai", …). */
  source: string;
  base: LoraBase | string;
  usageCount: number;
  lastUsedAt: Date | null;
  starter: boolean;
  previewUrl?: string | null;
  /** Human page to link out to (for Civitai: the model page with ?modelVersionId). */
  pageUrl?: string;
  remote?: boolean;
  downloads?: number;
}

/** The owner's remembered defaults for a LoRA. */
export interface LoraPreferenceView {
  scale: number | null;
  triggers: string[] | null;
  placement: string | null;
}

/** One search hit as the UI receives it (plain JSON: dates as ISO strings). */
export interface LoraSearchResult {
  path: string;
  title: string;
  triggers: string[];
  tags: string[];
  source: string;
  base: string;
  previewUrl: string | null;
  pageUrl: string | null;
  usageCount: number;
  lastUsedAt: string | null;
  starter: boolean;
  remote: boolean;
  downloads: number | null;
  favorite: boolean;
  preference: LoraPreferenceView | null;
  /** Ranking score (higher is better); 0 for remote hits, which keep the upstream order. */
  score: number;
}

export type RemoteStatus = "ok" | "partial" | "unavailable" | "skipped";
