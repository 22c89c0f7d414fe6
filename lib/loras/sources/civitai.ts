import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import type { ParsedLoraLinkOk } from "@/lib/loras/link";
import { baseFromStated } from "./base-model";
import { LoraNotFoundError } from "./errors";
import { distinct, splitTriggers } from "./triggers";
import type { LoraMetadata, MetadataWarning, ResolveOptions } from "./types";
import { getUpstreamJson, lenientArray, opt, trimSlash } from "./upstream";

/**
 * Civitai: `GET /model-versions/{id}` for a version, `GET /models/{id}` for a model link
 * without one (its newest version with a SafeTensor file is picked). One request either way.
 * Whether a download needs a login is not in the API; the header read finds that out.
 */

const CivitaiFile = z.looseObject({
  name: opt(z.string()),
  sizeKB: opt(z.number()),
  type: opt(z.string()),
  primary: opt(z.boolean()),
  downloadUrl: opt(z.string()),
  metadata: opt(z.looseObject({ format: opt(z.string().nullable()) }).nullable()),
});
const CivitaiImage = z.looseObject({
  url: opt(z.string()),
  type: opt(z.string()),
  nsfwLevel: opt(z.number()),
  // Older answers: "None" | "Soft" | "Mature" | "X", or a boolean.
  nsfw: opt(z.union([z.boolean(), z.string()])),
  meta: opt(z.looseObject({ prompt: opt(z.string()) }).nullable()),
});
const ModelPart = z.looseObject({ name: opt(z.string()), type: opt(z.string()), nsfw: opt(z.boolean()), mode: opt(z.string().nullable()) });
const Version = z.looseObject({
  id: z.number(),
  modelId: opt(z.number()),
  name: opt(z.string()),
  baseModel: opt(z.string()),
  trainedWords: opt(z.array(z.string())),
  availability: opt(z.string()),
  usageControl: opt(z.string()),
  earlyAccessEndsAt: opt(z.string().nullable()),
  stats: opt(z.looseObject({ downloadCount: opt(z.number()), thumbsUpCount: opt(z.number()) })),
  model: opt(ModelPart),
  files: lenientArray(CivitaiFile),
  images: lenientArray(CivitaiImage),
  downloadUrl: opt(z.string()),
});
const Model = z.looseObject({
  id: z.number(),
  name: opt(z.string()),
  type: opt(z.string()),
  nsfw: opt(z.boolean()),
  mode: opt(z.string().nullable()),
  creator: opt(z.looseObject({ username: opt(z.string()) }).nullable()),
  tags: lenientArray(z.union([z.string(), z.looseObject({ name: z.string() })])),
  modelVersions: lenientArray(Version),
});
type CivitaiVersion = z.output<typeof Version>;
type CivitaiFileT = z.output<typeof CivitaiFile>;

const MODEL_FILE_TYPES = new Set(["Model", "Pruned Model"]);
const isSafeTensor = (f: CivitaiFileT) => f.metadata?.format === "SafeTensor" || /\.safetensors$/i.test(f.name ?? "");

/** The LoRA file of a version: the primary SafeTensor model file if there is one. */
function pickFile(v: CivitaiVersion): CivitaiFileT | undefined {
  const models = v.files.filter((f) => !f.type || MODEL_FILE_TYPES.has(f.type));
  return models.find((f) => f.primary && isSafeTensor(f)) ?? models.find(isSafeTensor) ?? models.find((f) => f.primary) ?? models[0];
}

function imageLevel(i: z.output<typeof CivitaiImage>): number {
  if (typeof i.nsfwLevel === "number") return i.nsfwLevel;
  if (i.nsfw === false || i.nsfw === "None") return 1;
  return 32; // unknown counts as adult
}

/** Together's path for a version (always civitai.com, whatever CIVITAI_BASE_URL says). */
export function civitaiDownloadPath(versionId: number, fileType = "Model"): string {
  return `https://civitai.com/api/download/models/${versionId}?type=${encodeURIComponent(fileType)}&format=SafeTensor`;
}

function warningsFor(v: CivitaiVersion, model: z.output<typeof ModelPart>, file: CivitaiFileT | undefined): MetadataWarning[] {
  const w: MetadataWarning[] = [];
  const type = model.type;
  if (type && type.toUpperCase() !== "LORA") {
    w.push({
      code: "not_lora",
      message: /locon|dora|lycoris/i.test(type)
        ? `This is a ${type} (a LoRA variant Together may not load); the header check tells more.`
        : `This Civitai model is a ${type}, not a LoRA: Together only applies LoRAs.`,
    });
  }
  if (model.mode === "Archived") w.push({ code: "download_disabled", message: "This model is archived: Civitai no longer offers its download, so Together cannot load it." });
  if (v.usageControl && v.usageControl !== "Download") {
    w.push({ code: "download_disabled", message: "The creator allows only on-site generation: the file cannot be downloaded, so Together cannot load it." });
  }
  const early = v.earlyAccessEndsAt ? Date.parse(v.earlyAccessEndsAt) : NaN;
  if (v.availability === "EarlyAccess" || early > Date.now()) {
    const until = early > Date.now() ? ` until ${new Date(early).toISOString().slice(0, 10)}` : "";
    w.push({ code: "needs_token", message: `This version is in early access${until}: downloading needs a Civitai account, and Together downloads without one.` });
  }
  if (v.availability === "Private") w.push({ code: "private", message: "This version is private on Civitai: Together cannot download it." });
  if (!file || !isSafeTensor(file)) w.push({ code: "no_safetensors", message: "This version has no .safetensors file, so Together cannot load it." });
  return w;
}

function toMetadata(v: CivitaiVersion, model: z.output<typeof ModelPart>, extra: { author?: string | null; tags?: string[]; completePath: boolean }): LoraMetadata {
  const file = pickFile(v);
  const warnings = warningsFor(v, model, file);
  const triggers = splitTriggers(v.trainedWords ?? []);
  const nsfw = model.nsfw === true;
  if (nsfw) warnings.push({ code: "nsfw", message: "The creator marked this model as adult content." });
  if (triggers.length === 0) warnings.push({ code: "no_triggers", message: "The version lists no trained words; the LoRA may work without one." });

  // Lowest-rated stills first: adult previews only when nothing else exists.
  const images = v.images.filter((i) => i.url && i.type !== "video").sort((a, b) => imageLevel(a) - imageLevel(b));
  const modelId = v.modelId;
  const fileType = file?.type && MODEL_FILE_TYPES.has(file.type) ? file.type : "Model";
  return {
    title: model.name ?? `Civitai model ${modelId ?? v.id}`,
    author: extra.author ?? null,
    triggers,
    baseModel: v.baseModel ?? null,
    base: baseFromStated(v.baseModel),
    previewUrl: images[0]?.url ?? null,
    fileUrl: file?.downloadUrl ?? v.downloadUrl ?? civitaiDownloadPath(v.id, fileType),
    fileName: file?.name ?? null,
    fileSize: typeof file?.sizeKB === "number" ? Math.round(file.sizeKB * 1024) : null,
    license: null,
    nsfw,
    tags: extra.tags ?? [],
    warnings,
    ...(extra.completePath ? { path: civitaiDownloadPath(v.id, fileType) } : {}),
    ...(modelId ? { pageUrl: `https://civitai.com/models/${modelId}?modelVersionId=${v.id}` } : {}),
    examplePrompts: distinct(images.filter((i) => imageLevel(i) <= 2).map((i) => i.meta?.prompt), 3),
    stats: { downloads: v.stats?.downloadCount, likes: v.stats?.thumbsUpCount },
  };
}

export async function resolveCivitai(parsed: ParsedLoraLinkOk, opts: ResolveOptions = {}): Promise<LoraMetadata> {
  const { modelId, versionId } = parsed.civitai ?? {};
  const base = trimSlash(opts.civitaiBaseUrl ?? env().civitaiBaseUrl);
  const token = opts.civitaiToken ?? env().civitaiToken;

  if (versionId !== undefined) {
    const v = await getUpstreamJson(
      { source: "civitai", url: `${base}/model-versions/${versionId}`, schema: Version, token, notFoundMessage: `That Civitai model version (${versionId}) does not exist, was removed, or is not public.` },
      opts,
    );
    return toMetadata(v, v.model ?? {}, { completePath: parsed.path === null });
  }
  if (modelId === undefined) throw new TypeError("resolveCivitai needs a parsed Civitai link");

  const m = await getUpstreamJson(
    { source: "civitai", url: `${base}/models/${modelId}`, schema: Model, token, notFoundMessage: `That Civitai model (${modelId}) does not exist, was removed, or is not public.` },
    opts,
  );
  // Versions come newest first.
  const v = m.modelVersions.find((x) => {
    const f = pickFile(x);
    return f !== undefined && isSafeTensor(f);
  }) ?? m.modelVersions[0];
  if (!v) throw new LoraNotFoundError("civitai", `The Civitai model ${m.name ?? modelId} has no published version to download.`);
  const tags = m.tags.map((t) => (typeof t === "string" ? t : t.name));
  return toMetadata({ ...v, modelId: v.modelId ?? m.id }, { name: m.name, type: m.type, nsfw: m.nsfw, mode: m.mode }, {
    author: m.creator?.username ?? null,
    tags: distinct(tags, 12),
    completePath: true,
  });
}
