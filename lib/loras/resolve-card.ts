import "server-only";
import { getLoraByKey, upsertLora } from "@/lib/db/queries";
import { AppError } from "@/lib/errors";
import type { LoraCard, LoraWarning } from "./card";
import { classifyLoraHeader, type LoraClassification } from "./classify";
import { parseLoraLink, type ParsedLoraLinkOk } from "./link";
import { readSafetensorsHeader, SafetensorsError } from "./safetensors";
import { resolveMetadata } from "./sources";
import { MetadataUnavailableError, type LoraMetadata } from "./sources/types";
import { cardVerdicts, withCurrentVerdicts } from "./verdicts";
import { jsonList } from "./json-list";


/** Cards with metadata are refreshed after a week; parse-only cards (upstream was down) after ten minutes. */
const FRESH_MS = { full: 7 * 24 * 3600_000, partial: 10 * 60_000 };

export interface ResolvedCard {
  card: LoraCard;
  notices: string[];
  cached: boolean;
}

function fileName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.split("/").pop() ?? url);
}

/** What parsing alone knows, for when the source cannot be reached. */
function parseOnlyMetadata(parsed: ParsedLoraLinkOk): LoraMetadata {
  const title = parsed.hf?.file ?? parsed.hf?.repo ?? (parsed.replicate ? `${parsed.replicate.owner}/${parsed.replicate.name}` : parsed.fileUrl ? fileName(parsed.fileUrl) : parsed.pageUrl);
  return {
    title,
    author: parsed.hf?.repo.split("/")[0] ?? parsed.replicate?.owner ?? null,
    triggers: [],
    baseModel: null,
    base: "unknown",
    previewUrl: null,
    fileUrl: parsed.fileUrl ?? null,
    fileName: parsed.fileUrl ? fileName(parsed.fileUrl) : null,
    fileSize: null,
    license: null,
    nsfw: false,
    tags: [],
    warnings: [],
  };
}

async function inspect(fileUrl: string): Promise<{ inspection: LoraClassification | null; warning?: LoraWarning; fileSize?: number }> {
  try {
    const read = await readSafetensorsHeader(fileUrl);
    return { inspection: classifyLoraHeader(read.header, read.metadata), fileSize: read.fileSize };
  } catch (err) {
    const message = err instanceof SafetensorsError ? err.message : "the file could not be read";
    return { inspection: null, warning: { code: "header_unreadable", message: `Could not inspect the LoRA file: ${message}` } };
  }
}

/** A card kept while its source is down: verdicts for today's models, one warning saying so. */
function keptCard(known: LoraCard, starter: boolean): LoraCard {
  const warning: LoraWarning = {
    code: "metadata_unavailable",
    message: `The source did not answer, so this could not be refreshed; showing what ${starter ? "the starter set" : "an earlier lookup"} established.`,
  };
  return {
    ...known,
    warnings: [...known.warnings.filter((w) => w.code !== "metadata_unavailable" && w.code !== "header_unreadable"), warning],
    verdicts: cardVerdicts(known.inspection, known.base),
  };
}

/**
 * Pasted link → LoRA card: parse (pure), then the cached card if fresh, else source metadata
 * plus the file's header, verdicts for every catalog model, and the cache updated.
 * Offline, it still answers with what parsing knows and says metadata is unavailable.
 */
export async function resolveLoraCard(input: string, options: { refresh?: boolean; now?: Date } = {}): Promise<ResolvedCard> {
  const parsed = parseLoraLink(input);
  if (!parsed.ok) throw new AppError({ code: "invalid_input", message: parsed.reason, field: "lora" });
  const now = options.now ?? new Date();
  const key = parsed.path ?? parsed.pageUrl;

  const cached = await getLoraByKey(key);
  if (cached && !options.refresh) {
    const age = now.getTime() - cached.fetchedAt.getTime();
    if (age < (cached.metadataAvailable ? FRESH_MS.full : FRESH_MS.partial)) {
      return { card: withCurrentVerdicts(JSON.parse(cached.card) as LoraCard), notices: parsed.notices, cached: true };
    }
  }

  // What the starter set, an earlier lookup or an earlier header reading established: a failed
  // lookup now must not downgrade it to "unknown".
  const known = cached ? (JSON.parse(cached.card) as LoraCard) : null;
  const knowsSomething = known !== null && (cached!.starter || cached!.metadataAvailable || known.inspection !== null || known.base !== "unknown");

  let metadata: LoraMetadata;
  let metadataAvailable = true;
  try {
    metadata = await resolveMetadata(parsed);
  } catch (err) {
    if (!(err instanceof MetadataUnavailableError)) throw err;
    if (known && knowsSomething) return { card: keptCard(known, cached!.starter), notices: parsed.notices, cached: true };
    metadataAvailable = false;
    metadata = parseOnlyMetadata(parsed);
    metadata.warnings.push({ code: "metadata_unavailable", message: "Metadata is unavailable right now (the source did not answer), so nothing is known about this LoRA yet; showing what the link alone says." });
  }

  const path = metadata.path ?? parsed.path;
  if (!path) {
    throw new AppError({
      code: "upstream_unavailable",
      message: "Could not look up which version of that Civitai model to use. Paste a link with ?modelVersionId=…, or try again later.",
      field: "lora",
    });
  }

  const fileUrl = metadata.fileUrl ?? parsed.fileUrl ?? null;
  // Read without tokens, as Together will: a file that needs a login fails here too, and says so.
  const checked = fileUrl ? await inspect(fileUrl) : { inspection: null };
  // A header read before still tells the base when this read failed.
  const inspection = checked.inspection ?? known?.inspection ?? null;
  // Offline, the unread header is part of "the source did not answer": one warning, not two.
  const headerWarning = checked.warning && metadataAvailable && !inspection ? [checked.warning] : [];
  const warnings = [...metadata.warnings, ...headerWarning];
  // The file's shapes are the truth; stated metadata is the fallback, then what was known.
  const statedBase = metadata.base !== "unknown" ? metadata.base : (known?.base ?? "unknown");
  const base = inspection && inspection.base !== "unknown" ? inspection.base : statedBase;
  const verdicts = cardVerdicts(inspection, statedBase);
  const curated = cached?.starter ? { title: cached.title, tags: jsonList(cached.tags), triggers: jsonList(cached.triggers) } : null;

  const card: LoraCard = {
    path,
    source: parsed.source,
    pageUrl: metadata.pageUrl ?? parsed.pageUrl,
    // The starter set's curated title, tags and phrases survive a refresh from the source.
    title: curated ? curated.title : metadata.title,
    author: metadata.author,
    triggers: metadata.triggers.length > 0 || !curated ? metadata.triggers : curated.triggers,
    baseModel: metadata.baseModel,
    base,
    previewUrl: metadata.previewUrl,
    fileUrl,
    fileName: metadata.fileName ?? (fileUrl ? fileName(fileUrl) : null),
    fileSize: checked.fileSize ?? metadata.fileSize,
    license: metadata.license,
    nsfw: metadata.nsfw,
    tags: curated ? [...new Set([...curated.tags, ...metadata.tags])] : metadata.tags,
    warnings,
    fileChoices: metadata.fileChoices ?? [],
    inspection,
    verdicts,
    metadataAvailable,
    fetchedAt: now.toISOString(),
  };
  await upsertLora({
    key,
    path,
    source: card.source,
    title: card.title,
    base: card.base,
    card: JSON.stringify(card),
    metadataAvailable,
    fetchedAt: now,
    triggers: JSON.stringify(card.triggers),
    tags: JSON.stringify(card.tags),
    previewUrl: card.previewUrl,
  });
  return { card, notices: parsed.notices, cached: false };
}
