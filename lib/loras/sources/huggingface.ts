import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import type { ParsedLoraLinkOk } from "@/lib/loras/link";
import { baseFromAny } from "./base-model";
import { LoraNotFoundError } from "./errors";
import { distinct, humanize, splitTriggers } from "./triggers";
import type { FileChoice, LoraMetadata, MetadataWarning, ResolveOptions } from "./types";
import { getUpstreamJson, lenientArray, opt, trimSlash } from "./upstream";

/**
 * Hugging Face model info (`GET {HF_ENDPOINT}/api/models/{repo}`) and, for file sizes, one
 * folder listing (`/api/models/{repo}/tree/{rev}[/{dir}]`). Triggers come only from the
 * card's `instance_prompt`; widget texts are example prompts.
 */

const HF_PUBLIC = "https://huggingface.co";
const stringOrList = z.union([z.string(), z.array(z.string())]);

const Widget = z.looseObject({ text: opt(z.string()), output: opt(z.looseObject({ url: opt(z.string()) })) });
const CardData = z.looseObject({
  base_model: opt(stringOrList),
  instance_prompt: opt(stringOrList.nullable()),
  widget: lenientArray(Widget),
  license: opt(z.string()),
  license_name: opt(z.string()),
  tags: opt(z.array(z.string())),
  pretty_name: opt(z.string()),
});
const ModelInfo = z.looseObject({
  id: opt(z.string()),
  author: opt(z.string().nullable()),
  private: opt(z.boolean()),
  gated: opt(z.union([z.boolean(), z.string()]).nullable()),
  downloads: opt(z.number()),
  likes: opt(z.number()),
  tags: opt(z.array(z.string())),
  siblings: opt(lenientArray(z.looseObject({ rfilename: z.string() }))),
  cardData: opt(CardData.nullable()),
});
const TreeEntry = z.looseObject({
  type: opt(z.string()),
  path: z.string(),
  size: opt(z.number()),
  lfs: opt(z.looseObject({ size: opt(z.number()) }).nullable()),
});
const Tree = lenientArray(TreeEntry);

// Tags every diffusers LoRA carries: they say nothing about the style.
const TECH_TAG = /^(base_model:|license:|region:|template:|dataset:|arxiv:|doi:|widget:|(endpoints|autotrain)_compatible$|diffusers$|diffusers-training$|safetensors$|lora$|peft$|text-to-image$|image-to-image$|stable-diffusion$|stable-diffusion-diffusers$|has_space$|not-for-all-audiences$|flux$|flux-diffusers$|flux-lora$)/i;

const isSafetensors = (f: string) => /\.safetensors$/i.test(f);
const encodePath = (p: string) => p.split("/").map(encodeURIComponent).join("/");
const dirOf = (f: string) => (f.includes("/") ? f.slice(0, f.lastIndexOf("/")) : "");
const baseName = (f: string) => f.slice(f.lastIndexOf("/") + 1);

/** Together's path for one file (always huggingface.co, whatever HF_ENDPOINT says). */
export function hfResolvePath(repo: string, revision: string, file: string): string {
  return `${HF_PUBLIC}/${repo}/resolve/${encodeURIComponent(revision)}/${encodePath(file)}`;
}

function previewFrom(url: string | undefined, endpoint: string, repo: string, revision: string): string | null {
  if (!url) return null;
  try {
    const base = new URL(`${endpoint}/${repo}/resolve/${encodeURIComponent(revision)}/`);
    const u = new URL(url, base);
    return u.protocol === "https:" || u.origin === base.origin ? u.href : null;
  } catch {
    return null;
  }
}

async function fileSizes(repo: string, revision: string, dir: string, endpoint: string, token: string | undefined, opts: ResolveOptions) {
  const sizes = new Map<string, number>();
  try {
    const url = `${endpoint}/api/models/${repo}/tree/${encodeURIComponent(revision)}${dir ? `/${encodePath(dir)}` : ""}`;
    const entries = await getUpstreamJson({ source: "huggingface", url, schema: Tree, token, notFoundMessage: "", maxBytes: 1024 * 1024 }, opts);
    for (const e of entries) {
      const size = e.lfs?.size ?? e.size;
      if (e.type !== "directory" && typeof size === "number") sizes.set(e.path, size);
    }
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    // Sizes are a nicety: the card is complete without them.
  }
  return sizes;
}

export async function resolveHuggingFace(parsed: ParsedLoraLinkOk, opts: ResolveOptions = {}): Promise<LoraMetadata> {
  if (!parsed.hf) throw new TypeError("resolveHuggingFace needs a parsed Hugging Face link");
  const { repo, file: linkedFile, folder } = parsed.hf;
  const revision = parsed.hf.revision ?? "main";
  const endpoint = trimSlash(opts.hfEndpoint ?? env().hfEndpoint);
  const token = opts.hfToken ?? env().hfToken;

  const infoUrl = `${endpoint}/api/models/${repo}${revision === "main" ? "" : `/revision/${encodeURIComponent(revision)}`}`;
  const info = await getUpstreamJson(
    {
      source: "huggingface",
      url: infoUrl,
      schema: ModelInfo,
      token,
      // Without a token the hub answers 401 for repos that are missing or private.
      notFound: [401, 404, 410],
      notFoundMessage: `That Hugging Face repo (${repo}${revision === "main" ? "" : ` at ${revision}`}) does not exist or is private${token ? ", or HF_TOKEN is not valid" : ""}.`,
    },
    opts,
  );

  const card = info.cardData ?? undefined;
  const warnings: MetadataWarning[] = [];
  const tags = info.tags ?? [];
  const siblings = info.siblings?.map((s) => s.rfilename);
  const safetensors = siblings?.filter(isSafetensors) ?? [];

  if (info.gated) warnings.push({ code: "gated", message: "This repo is gated: it needs access approval on Hugging Face, and Together cannot download it." });
  if (info.private) warnings.push({ code: "private", message: "This repo is private: Together cannot download it." });

  let chosen: string | undefined;
  let path: string | undefined;
  let fileChoices: FileChoice[] | undefined;
  if (linkedFile) {
    if (siblings && !siblings.includes(linkedFile)) {
      const others = safetensors.length ? ` It has: ${safetensors.slice(0, 5).join(", ")}.` : "";
      throw new LoraNotFoundError("huggingface", `The repo ${repo} has no file ${linkedFile}${revision === "main" ? "" : ` at ${revision}`}.${others}`);
    }
    chosen = linkedFile;
  } else if (siblings) {
    const inFolder = folder ? safetensors.filter((f) => f.startsWith(`${folder}/`)) : [];
    const candidates = inFolder.length ? inFolder : safetensors;
    if (safetensors.length === 0) {
      const pickled = siblings.filter((f) => /\.(bin|ckpt|pt|pth|pkl)$/i.test(f));
      warnings.push({
        code: "no_safetensors",
        message: `This repo has no .safetensors file, so Together cannot load it${pickled.length ? ` (it has ${pickled.slice(0, 3).join(", ")}: pickled formats Together does not load)` : ""}.`,
      });
    } else if (safetensors.length === 1) {
      chosen = safetensors[0];
    } else if (candidates.length === 1) {
      chosen = candidates[0];
      path = hfResolvePath(repo, revision, chosen);
      warnings.push({ code: "link_rewritten", message: `Using ${chosen}, the only .safetensors file in ${folder}/: Together needs a file link when a repo holds several.` });
    } else {
      fileChoices = candidates.map((name) => ({ name, path: hfResolvePath(repo, revision, name) }));
      const list = candidates.slice(0, 6).join(", ") + (candidates.length > 6 ? ", …" : "");
      warnings.push({ code: "multiple_files", message: `This repo holds ${candidates.length} .safetensors files (${list}); Together needs a link to one of them. Pick a file.` });
    }
  }

  const wanted = chosen ? [chosen] : (fileChoices?.map((c) => c.name) ?? []);
  const dirs = new Set(wanted.map(dirOf));
  const sizes = dirs.size === 1 ? await fileSizes(repo, revision, [...dirs][0], endpoint, token, opts) : new Map<string, number>();
  if (fileChoices) fileChoices = fileChoices.map((c) => (sizes.has(c.name) ? { ...c, size: sizes.get(c.name) } : c));

  const triggers = splitTriggers(card?.instance_prompt);
  const stated = [...[card?.base_model ?? []].flat(), ...tags.filter((t) => t.startsWith("base_model:")).map((t) => t.split(":").pop())];
  const widgets = card?.widget ?? [];
  const nsfw = tags.includes("not-for-all-audiences");
  if (nsfw) warnings.push({ code: "nsfw", message: "The author marked this repo Not-For-All-Audiences." });
  if (triggers.length === 0) warnings.push({ code: "no_triggers", message: "The model card names no trigger phrase; the LoRA may work without one." });

  const licenseTag = tags.find((t) => t.startsWith("license:"))?.slice("license:".length);
  const license = card?.license === "other" && card.license_name ? card.license_name : (card?.license ?? licenseTag ?? null);
  const repoName = repo.split("/")[1];
  const title = card?.pretty_name ?? (linkedFile && safetensors.length > 1 ? `${humanize(repoName)}: ${humanize(baseName(linkedFile))}` : humanize(repoName));

  return {
    title,
    author: info.author ?? repo.split("/")[0],
    triggers,
    baseModel: stated.find((s): s is string => !!s) ?? null,
    base: baseFromAny(stated),
    previewUrl: widgets.map((w) => previewFrom(w.output?.url, endpoint, repo, revision)).find((u) => u !== null) ?? null,
    fileUrl: chosen ? `${endpoint}/${repo}/resolve/${encodeURIComponent(revision)}/${encodePath(chosen)}` : null,
    fileName: chosen ? baseName(chosen) : null,
    fileSize: chosen ? (sizes.get(chosen) ?? null) : null,
    license,
    nsfw,
    tags: distinct((card?.tags ?? tags).filter((t) => !TECH_TAG.test(t)), 12),
    warnings,
    ...(path ? { path } : {}),
    ...(fileChoices ? { fileChoices } : {}),
    examplePrompts: distinct(widgets.map((w) => w.text), 5),
    stats: { downloads: info.downloads, likes: info.likes },
  };
}
