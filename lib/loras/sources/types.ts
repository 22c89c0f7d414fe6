import type { LoraBase, LoraCard, LoraWarning } from "@/lib/loras/card";
import type { guardedFetchJson } from "@/lib/net/guarded-fetch";

export { LoraNotFoundError, MetadataUnavailableError } from "./errors";

export type MetadataWarning = LoraWarning;
export type MetadataWarningCode = LoraWarning["code"];

/** A file the person can pick when a repo link holds several. `path` is what Together receives. */
export type FileChoice = LoraCard["fileChoices"][number];

/** What a source's API says about a LoRA: the metadata part of a `LoraCard`. */
export type LoraMetadata = Pick<
  LoraCard,
  "title" | "author" | "triggers" | "baseModel" | "previewUrl" | "fileUrl" | "fileName" | "fileSize" | "license" | "nsfw" | "tags"
> & {
  /** From stated metadata only; the header's shapes win later. */
  base: LoraBase;
  /** Set when the resolver completed or corrected the parsed path (a Civitai model link's version). */
  path?: string;
  /** Set when the resolver knows a better human page than the parser did. */
  pageUrl?: string;
  warnings: MetadataWarning[];
  fileChoices?: FileChoice[];
  /** Example prompts from the card; never used as triggers. */
  examplePrompts?: string[];
  stats?: { downloads?: number; likes?: number; runs?: number };
};

export type FetchJson = typeof guardedFetchJson;

/**
 * Endpoints and tokens default to `env()`; pass them to override (tests). For tokens, an
 * empty string means "no token" even when the environment has one.
 */
export interface ResolveOptions {
  /** Default: ALLOW_PRIVATE_FETCH. Tests pass true to reach loopback stand-ins. */
  allowPrivate?: boolean;
  signal?: AbortSignal;
  /** Per request (default 8000). */
  timeoutMs?: number;
  /** Default: `guardedFetchJson`. */
  fetchJson?: FetchJson;
  hfEndpoint?: string;
  hfToken?: string;
  civitaiBaseUrl?: string;
  civitaiToken?: string;
  /** Default https://api.replicate.com/v1. */
  replicateBaseUrl?: string;
  replicateToken?: string;
}
