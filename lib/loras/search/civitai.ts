import "server-only";
import { z } from "zod";
import type { LoraFamily } from "@/lib/models/catalog";
import { parseLoraLink } from "@/lib/loras/link";
import { lenientArray, opt } from "@/lib/loras/sources/upstream";
import { distinct } from "@/lib/loras/sources/triggers";
import { endpoints, fetchSearchJson, FAMILY_UPSTREAM, REMOTE_LIMIT, type RemoteSearchOptions, type RemoteSearchResult } from "./remote-common";

/** Civitai model search for a family's LoRAs (docs/lora-links.md); NSFW models are left out. */

const Image = z.looseObject({
  url: opt(z.string()),
  type: opt(z.string()),
  nsfwLevel: opt(z.number()),
  nsfw: opt(z.union([z.boolean(), z.string()])),
});
const Version = z.looseObject({
  id: z.number(),
  baseModel: opt(z.string()),
  trainedWords: opt(z.array(z.string())),
  images: lenientArray(Image),
});
const Item = z.looseObject({
  id: z.number(),
  name: opt(z.string()),
  type: opt(z.string()),
  nsfw: opt(z.boolean()),
  tags: lenientArray(z.union([z.string(), z.looseObject({ name: z.string() })])),
  stats: opt(z.looseObject({ downloadCount: opt(z.number()) })),
  modelVersions: lenientArray(Version),
});
const Answer = z.looseObject({ items: lenientArray(Item) });

const sfw = (i: z.output<typeof Image>) => (typeof i.nsfwLevel === "number" ? i.nsfwLevel <= 1 : i.nsfw === false || i.nsfw === "None");

export function civitaiSearchUrl(baseUrl: string, query: string, family: LoraFamily, limit = REMOTE_LIMIT): string {
  const q = (k: string, v: string | number) => `${k}=${encodeURIComponent(String(v))}`;
  return `${baseUrl.replace(/\/+$/, "")}/models?${[q("types", "LORA"), q("baseModels", FAMILY_UPSTREAM[family].civitaiBaseModel), q("query", query), q("sort", "Most Downloaded"), q("limit", limit)].join("&")}`;
}

export async function searchCivitai(query: string, family: LoraFamily, opts: RemoteSearchOptions = {}): Promise<RemoteSearchResult> {
  const wanted = FAMILY_UPSTREAM[family].civitaiBaseModel;
  const res = await fetchSearchJson(civitaiSearchUrl(endpoints(opts).civitai, query, family, opts.limit), Answer, opts);
  if (!res.ok) return { ok: false, entries: [], error: res.error };
  const entries = res.data.items.flatMap((item) => {
    if (item.nsfw || (item.type && item.type !== "LORA")) return [];
    const version = item.modelVersions.find((v) => !v.baseModel || v.baseModel === wanted);
    if (!version) return [];
    const pageUrl = `https://civitai.com/models/${item.id}?modelVersionId=${version.id}`;
    const parsed = parseLoraLink(pageUrl);
    if (!parsed.ok || !parsed.path) return [];
    const preview = version.images.find((i) => sfw(i) && (!i.type || i.type === "image") && i.url);
    return [
      {
        path: parsed.path,
        pageUrl,
        title: item.name ?? `Civitai model ${item.id}`,
        triggers: distinct(version.trainedWords ?? [], 8),
        tags: item.tags.map((t) => (typeof t === "string" ? t : t.name)).slice(0, 8),
        source: "civitai",
        base: family,
        usageCount: 0,
        lastUsedAt: null,
        starter: false,
        previewUrl: preview?.url ?? null,
        remote: true as const,
        downloads: item.stats?.downloadCount,
      },
    ];
  });
  return { ok: true, entries: entries.slice(0, opts.limit ?? REMOTE_LIMIT) };
}
