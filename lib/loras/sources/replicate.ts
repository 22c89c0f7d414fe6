import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import type { ParsedLoraLinkOk } from "@/lib/loras/link";
import { MetadataUnavailableError } from "./errors";
import { distinct, humanize } from "./triggers";
import type { LoraMetadata, MetadataWarning, ResolveOptions } from "./types";
import { getUpstreamJson, opt, trimSlash } from "./upstream";

/**
 * Replicate: `GET {base}/models/{owner}/{name}` (every call needs REPLICATE_API_TOKEN).
 * Without a token the card is built from the link alone; the link still works with Together.
 */


const ReplicateModel = z.looseObject({
  owner: opt(z.string()),
  name: opt(z.string()),
  description: opt(z.string().nullable()),
  visibility: opt(z.string()),
  cover_image_url: opt(z.string().nullable()),
  run_count: opt(z.number()),
  default_example: opt(z.looseObject({ input: opt(z.record(z.string(), z.unknown())), output: opt(z.unknown()) }).nullable()),
  latest_version: opt(z.looseObject({ id: opt(z.string()), openapi_schema: opt(z.unknown()) }).nullable()),
});

// Upper-case words that appear in ordinary prompts and are not made-up trigger tokens.
const COMMON_CAPS = new Set(
  "HDR UHD RAW DSLR SLR CGI UFO USA NYC LED LCD RGB CMYK NASA FBI CIA CEO GPU ISO JPEG PNG GIF NEON THE AND ART LOGO TEXT BMX SUV NYPD VFX IMAX BBC CNN MTV EU UK LA DC VR TV AI HD SD OK DJ PC FX ANIME".split(" "),
);

const NOT_A_TRIGGER = /^(the|a|an|not|none|no|any|required|optional|needed|word|words|phrase|token)$/i;

/**
 * Trigger words, conservatively. Replicate does not store the trainer's `trigger_word` on the
 * model, so only two signals count:
 * 1. the description naming it: `trigger word "X"`, `trigger: X`, `use X in your prompt`;
 * 2. made-up upper-case tokens (TOK, BLKLGHT) in the default example's prompt — outside
 *    quotes (quoted text is lettering in the image), at most two of them, and not when
 *    much of the prompt is upper case (a shouted prompt, not a token).
 */
export function replicateTriggers(description: string | null | undefined, input: Record<string, unknown> | undefined): string[] {
  const found: string[] = [];
  const desc = description ?? "";
  const patterns = [
    /trigger(?:ing)?(?:\s+(?:word|phrase|token|keyword))?s?\s*(?:is|are|:|=|-)?\s*["'“`]([^"'”`\n]{1,60})["'”`]/gi,
    /trigger(?:ing)?(?:\s+(?:word|phrase|token|keyword))?s?\s*(?:is|:|=)\s*([A-Za-z0-9_-]{2,32})\b/gi,
    /\b(?:[Uu]se|[Ii]nclude|[Aa]dd)\s+(?:the\s+(?:word|token|phrase)\s+)?["'“`]?([A-Z][A-Z0-9_]{2,23})["'”`]?\s+(?:in\s+(?:your|the)\s+prompts?|to\s+trigger)/g,
  ];
  for (const re of patterns) for (const m of desc.matchAll(re)) if (!NOT_A_TRIGGER.test(m[1].trim())) found.push(m[1].trim());

  const stated = Object.entries(input ?? {}).find(([k, v]) => /^trigger(_word|_phrase)?$/i.test(k) && typeof v === "string");
  if (stated) found.push(stated[1] as string);

  const prompt = typeof input?.prompt === "string" ? input.prompt : "";
  const unquoted = prompt.replace(/"[^"]*"|“[^”]*”/g, " ");
  const tokens = [...unquoted.matchAll(/\b[A-Z][A-Z0-9_]{2,23}\b/g)].map((m) => m[0]).filter((t) => !COMMON_CAPS.has(t) && /[A-Z].*[A-Z]/.test(t));
  const caps = distinct(tokens, 10);
  const words = unquoted.split(/[\s,]+/).filter(Boolean).length;
  const shouted = tokens.length / Math.max(words, 1) > 0.3;
  if (caps.length <= 2 && !shouted) found.push(...caps);
  return distinct(found, 3);
}

/** Models trained with Replicate's FLUX.1 LoRA trainers expose `lora_scale` and a dev/schnell `model` switch. */
function looksLikeFluxTrainerOutput(schema: unknown): boolean {
  const props = (schema as { components?: { schemas?: { Input?: { properties?: Record<string, { enum?: unknown[]; allOf?: unknown[] }> } } } } | undefined)
    ?.components?.schemas?.Input?.properties;
  if (!props || !("lora_scale" in props)) return false;
  const enumText = JSON.stringify((schema as { components?: { schemas?: Record<string, unknown> } }).components?.schemas ?? {});
  return "extra_lora" in props || /"enum":\[[^\]]*"(dev|schnell)"/.test(enumText);
}

function linkOnly(owner: string, name: string, message: string): LoraMetadata {
  return {
    title: humanize(name),
    author: owner,
    triggers: [],
    baseModel: null,
    base: "unknown",
    previewUrl: null,
    fileUrl: null,
    fileName: null,
    fileSize: null,
    license: null,
    nsfw: false,
    tags: [],
    warnings: [{ code: "metadata_unavailable", message }],
  };
}

export async function resolveReplicate(parsed: ParsedLoraLinkOk, opts: ResolveOptions = {}): Promise<LoraMetadata> {
  if (!parsed.replicate) throw new TypeError("resolveReplicate needs a parsed Replicate link");
  const { owner, name } = parsed.replicate;
  const token = opts.replicateToken ?? env().replicateApiToken;
  if (!token) return linkOnly(owner, name, "Replicate metadata needs REPLICATE_API_TOKEN; the link still works with Together.");

  let m: z.output<typeof ReplicateModel>;
  try {
    m = await getUpstreamJson(
      {
        source: "replicate",
        url: `${trimSlash(opts.replicateBaseUrl ?? env().replicateBaseUrl)}/models/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`,
        schema: ReplicateModel,
        token,
        notFoundMessage: `That Replicate model (${owner}/${name}) does not exist or is private.`,
      },
      opts,
    );
  } catch (err) {
    if (err instanceof MetadataUnavailableError && (err.status === 401 || err.status === 403)) {
      return linkOnly(owner, name, `Replicate refused REPLICATE_API_TOKEN (HTTP ${err.status}), so no details could be read; the link still works with Together.`);
    }
    throw err;
  }

  const input = m.default_example?.input;
  const triggers = replicateTriggers(m.description, input);
  const output = m.default_example?.output;
  const firstOutput = Array.isArray(output) ? output.find((o) => typeof o === "string") : typeof output === "string" ? output : undefined;
  const preview = [m.cover_image_url, firstOutput].find((u): u is string => typeof u === "string" && u.startsWith("https://")) ?? null;
  const warnings: MetadataWarning[] = [];
  if (m.visibility === "private") warnings.push({ code: "private", message: "This Replicate model is private: Together may not be able to load it." });
  if (triggers.length === 0) warnings.push({ code: "no_triggers", message: "Replicate does not say which trigger word the LoRA was trained with; check its page or examples." });

  return {
    title: humanize(m.name ?? name),
    author: m.owner ?? owner,
    triggers,
    baseModel: null,
    base: looksLikeFluxTrainerOutput(m.latest_version?.openapi_schema) ? "flux1" : "unknown",
    previewUrl: preview,
    fileUrl: null,
    fileName: null,
    fileSize: null,
    license: null,
    nsfw: false,
    tags: [],
    warnings,
    examplePrompts: distinct([typeof input?.prompt === "string" ? input.prompt : undefined], 1),
    stats: { runs: m.run_count },
  };
}
