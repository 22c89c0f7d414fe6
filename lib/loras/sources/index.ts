import "server-only";
import type { ParsedLoraLinkOk } from "@/lib/loras/link";
import { resolveCivitai } from "./civitai";
import { resolveHuggingFace } from "./huggingface";
import { resolveReplicate } from "./replicate";
import { humanize } from "./triggers";
import type { LoraMetadata, ResolveOptions } from "./types";

export type { FileChoice, LoraMetadata, MetadataWarning, MetadataWarningCode, ResolveOptions } from "./types";
export { LoraNotFoundError, MetadataUnavailableError } from "./errors";

/** A direct file has no metadata API: its name is all there is (the header read does the rest). */
function directFile(parsed: ParsedLoraLinkOk): LoraMetadata {
  const url = new URL(parsed.fileUrl ?? parsed.path ?? parsed.pageUrl);
  const raw = url.pathname.split("/").filter(Boolean).pop() ?? url.hostname;
  let fileName = raw;
  try {
    fileName = decodeURIComponent(raw);
  } catch {
    // keep it encoded
  }
  return {
    title: humanize(fileName),
    author: null,
    triggers: [],
    baseModel: null,
    base: "unknown",
    previewUrl: null,
    fileUrl: url.href,
    fileName,
    fileSize: null,
    license: null,
    nsfw: false,
    tags: [],
    warnings: [],
  };
}

/**
 * What the link's source says about the LoRA. Throws `LoraNotFoundError` when the source says
 * it does not exist, `MetadataUnavailableError` when the source cannot be asked (fall back to
 * a parse-only card).
 */
export async function resolveMetadata(parsed: ParsedLoraLinkOk, opts: ResolveOptions = {}): Promise<LoraMetadata> {
  switch (parsed.source) {
    case "huggingface-repo":
    case "huggingface-file":
      return resolveHuggingFace(parsed, opts);
    case "civitai":
      return resolveCivitai(parsed, opts);
    case "replicate-model":
    case "replicate-version":
      return resolveReplicate(parsed, opts);
    case "direct-file":
      return directFile(parsed);
  }
}
