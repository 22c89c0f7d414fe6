import "server-only";
import { getDb, type Db } from "@/lib/db/client";
import { countStarterLoras, insertStarterLoras, type StarterRow } from "@/lib/db/lora-catalog-queries";
import type { LoraBase, LoraCard } from "./card";
import { parseLoraLink } from "./link";
import { invalidateCatalogCache } from "./search/catalog";
import starterData from "./starter-loras.json";
import { humanize } from "./sources/triggers";
import { cardVerdicts } from "./verdicts";

interface StarterLora {
  title: string;
  path: string;
  triggers: string[];
  base: string;
  preview?: string;
  tags: string[];
  weights?: string;
}

export const starterLoras: readonly StarterLora[] = starterData.loras;

const BASES = new Set<LoraBase>(["flux1", "flux2", "sd15", "sdxl", "unknown"]);
const asBase = (b: string): LoraBase => (BASES.has(b as LoraBase) ? (b as LoraBase) : "unknown");

/**
 * A parse-only card for a path (metadataAvailable false: resolving the link later replaces it).
 * Null when the path is not one parseLoraLink accepts.
 */
export function parseOnlyCatalogRow(
  path: string,
  info: { title?: string; triggers?: string[]; tags?: string[]; previewUrl?: string | null; base?: LoraBase } = {},
  now = new Date(),
): StarterRow | null {
  const parsed = parseLoraLink(path);
  if (!parsed.ok) return null;
  const canonical = parsed.path ?? path;
  const fileName = parsed.fileUrl ? decodeURIComponent(new URL(parsed.fileUrl).pathname.split("/").pop() ?? "") || null : null;
  const title =
    info.title ??
    (parsed.hf ? humanize(parsed.hf.file?.split("/").pop() ?? parsed.hf.repo.split("/")[1]) : parsed.replicate ? parsed.replicate.name : fileName ? humanize(fileName) : canonical);
  const base = info.base ?? "unknown";
  const card: LoraCard = {
    path: canonical,
    source: parsed.source,
    pageUrl: parsed.pageUrl,
    title,
    author: parsed.hf?.repo.split("/")[0] ?? parsed.replicate?.owner ?? null,
    triggers: info.triggers ?? [],
    baseModel: null,
    base,
    previewUrl: info.previewUrl ?? null,
    fileUrl: parsed.fileUrl ?? null,
    fileName,
    fileSize: null,
    license: null,
    nsfw: false,
    tags: info.tags ?? [],
    warnings: [],
    fileChoices: [],
    inspection: null,
    verdicts: cardVerdicts(null, base),
    metadataAvailable: false,
    fetchedAt: now.toISOString(),
  };
  return {
    key: parsed.path ?? parsed.pageUrl,
    path: canonical,
    source: parsed.source,
    title,
    base,
    card: JSON.stringify(card),
    triggers: JSON.stringify(card.triggers),
    tags: JSON.stringify(card.tags),
    previewUrl: card.previewUrl,
  };
}

/** The starter set as catalog rows. An entry with `weights` keeps its repo link as the path (Together accepts it). */
export function starterRows(now = new Date()): StarterRow[] {
  return starterLoras.flatMap((l) => {
    const row = parseOnlyCatalogRow(l.path, { title: l.title, triggers: l.triggers, tags: l.tags, previewUrl: l.preview ?? null, base: asBase(l.base) }, now);
    return row ? [row] : [];
  });
}

const done = new WeakMap<Db, Promise<void>>();

/**
 * Seeds the starter LoRAs into the catalog once per database: a count check when already
 * done, then remembered for the process. Safe to call concurrently and repeatedly.
 */
export async function ensureStarterCatalog(): Promise<void> {
  const db = getDb();
  let p = done.get(db);
  if (!p) {
    p = (async () => {
      const rows = starterRows();
      if ((await countStarterLoras()) >= rows.length) return;
      await insertStarterLoras(rows);
      invalidateCatalogCache();
    })();
    done.set(db, p);
    p.catch(() => done.delete(db)); // retry on the next call after a failure
  }
  return p;
}
