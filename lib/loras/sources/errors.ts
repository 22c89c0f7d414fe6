import { AppError } from "@/lib/errors";

export type MetadataSource = "huggingface" | "civitai" | "replicate";

/** The source says the repo/model/version does not exist (or is hidden from us): the link cannot work. */
export class LoraNotFoundError extends AppError {
  readonly source: MetadataSource;

  constructor(source: MetadataSource, message: string, options?: { cause?: unknown }) {
    super({ code: "invalid_input", message }, options);
    this.name = "LoraNotFoundError";
    this.source = source;
  }
}

/**
 * The source could not be asked (down, slow, blocked, odd answer). The link may still work:
 * callers fall back to a card built from parsing alone.
 */
export class MetadataUnavailableError extends AppError {
  readonly source: MetadataSource;
  /** HTTP status when the source answered with an error. */
  readonly status?: number;

  constructor(source: MetadataSource, message: string, options?: { cause?: unknown; status?: number }) {
    super({ code: "upstream_unavailable", message }, { cause: options?.cause });
    this.name = "MetadataUnavailableError";
    this.source = source;
    this.status = options?.status;
  }
}
