import "server-only";
import { z } from "zod";
import { isHuggingFaceRepoId } from "@/lib/loras/link";
import type { LoraFamily } from "@/lib/models/catalog";
import { lenientArray, opt } from "@/lib/loras/sources/upstream";
import { humanize } from "@/lib/loras/sources/triggers";
import { endpoints, fetchSearchJson, FAMILY_UPSTREAM, REMOTE_LIMIT, type RemoteSearchOptions, type RemoteSearchResult } from "./remote-common";

/** Hugging Face model search for a family's LoRAs (docs/lora-links.md). Search answers carry no trigger phrases. */

const Hit = z.looseObject({
  id: opt(z.string()),
  modelId: opt(z.string()),
  downloads: opt(z.number()),
  likes: opt(z.number()),
  tags: opt(z.array(z.string())),
  private: opt(z.boolean()),
  gated: opt(z.union([z.boolean(), z.string()]).nullable()),
});
const Answer = lenientArray(Hit);

// Tags every diffusers LoRA carries: they say nothing about the style.
const TECH_TAG = /^(base_model:|license:|region:|template:|dataset:|arxiv:|doi:|widget:|(endpoints|autotrain)_compatible$|diffusers$|diffusers-training$|safetensors$|lora$|peft$|text-to-image$|image-to-image$|stable-diffusion$|stable-diffusion-diffusers$|has_space$|not-for-all-audiences$|flux$|flux-diffusers$|flux-lora$)/i;

export function hfSearchUrl(endpoint: string, query: string, family: LoraFamily, limit = REMOTE_LIMIT): string {
  const filter = `base_model:adapter:${FAMILY_UPSTREAM[family].hfBaseModel}`;
  return `${endpoint.replace(/\/+$/, "")}/api/models?search=${encodeURIComponent(query)}&filter=${encodeURIComponent(filter)}&sort=downloads&limit=${limit}`;
}

export async function searchHuggingFace(query: string, family: LoraFamily, opts: RemoteSearchOptions = {}): Promise<RemoteSearchResult> {
  const res = await fetchSearchJson(hfSearchUrl(endpoints(opts).hf, query, family, opts.limit), Answer, opts);
  if (!res.ok) return { ok: false, entries: [], error: res.error };
  const entries = res.data.flatMap((hit) => {
    const id = hit.id ?? hit.modelId;
    if (!id || !isHuggingFaceRepoId(id) || hit.private) return [];
    const nsfw = (hit.tags ?? []).includes("not-for-all-audiences");
    if (nsfw) return [];
    return [
      {
        path: `https://huggingface.co/${id}`,
        pageUrl: `https://huggingface.co/${id}`,
        title: humanize(id.split("/")[1]),
        triggers: [],
        tags: (hit.tags ?? []).filter((t) => !TECH_TAG.test(t) && !t.includes(":")).slice(0, 8),
        source: "huggingface-repo",
        base: family,
        usageCount: 0,
        lastUsedAt: null,
        starter: false,
        previewUrl: null,
        remote: true as const,
        downloads: hit.downloads,
      },
    ];
  });
  return { ok: true, entries: entries.slice(0, opts.limit ?? REMOTE_LIMIT) };
}
