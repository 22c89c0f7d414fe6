/**
 * The body Lorascope sends to fal for one neutral ProviderRequest, and the translation of
 * the app's stored LoRA paths into what fal loads. Pure: the contract test validates every
 * body built here against the endpoint's JSON Schema.
 */
import { AppError } from "@/lib/errors";
import { checkLoraPath, isHuggingFaceRepoId } from "@/lib/loras/link";
import type { ProviderRequest } from "@/lib/providers/types";
import { looksLikeFalEndpoint, type FalEndpointId } from "./endpoints";

export interface FalLora {
  path: string;
  scale: number;
}

/** The keys Lorascope sends; both endpoints accept all of them (see contract/*.schema.json). */
export interface FalInput {
  prompt: string;
  image_size: { width: number; height: number };
  num_inference_steps: number;
  guidance_scale?: number;
  seed: number;
  num_images: number;
  loras?: FalLora[];
  output_format: "jpeg";
  enable_safety_checker: boolean;
  sync_mode: false;
}

export type FalLoraPath = { ok: true; path: string } | { ok: false; reason: string };

const FAL_FORMS =
  "fal.ai loads a Hugging Face repo, a Hugging Face /resolve/ link to a .safetensors file, a Civitai download link, or an https link ending in .safetensors";

/**
 * A stored LoRA path (see checkLoraPath in lib/loras/link.ts) as fal receives it: a Hugging Face
 * repo link becomes its repo id (fal: "HF model name that resolves to safetensors
 * weights"); file links (HF /resolve/, Civitai downloads, direct .safetensors) stay URLs
 * (fal: "URL or path to a LoRA safetensors file"). Replicate references name a model on
 * Replicate, not a file, so fal cannot load them.
 */
export function falLoraPath(path: string): FalLoraPath {
  if (isHuggingFaceRepoId(path)) {
    return { ok: true, path }; // already a Hugging Face repo id
  }
  const check = checkLoraPath(path);
  if (!check.ok) return { ok: false, reason: `${FAL_FORMS}; this link is none of those.` };
  switch (check.source) {
    case "huggingface-repo": {
      const [owner, repo] = new URL(path).pathname.split("/").filter(Boolean);
      return { ok: true, path: `${owner}/${repo}` };
    }
    case "huggingface-file":
    case "civitai":
    case "direct-file":
      return { ok: true, path };
    case "replicate-model":
    case "replicate-version":
      return {
        ok: false,
        reason: `fal.ai cannot load a Replicate model reference, which names a model on Replicate rather than a LoRA file. Use the LoRA's Hugging Face repo or a link to its .safetensors file instead (${FAL_FORMS.replace("fal.ai loads ", "")}).`,
      };
  }
}

/**
 * The fal input for a request. The endpoint is the request's model (catalog ids of fal
 * models are fal endpoint ids). Throws an AppError before anything is sent when the model
 * is not a fal endpoint or a LoRA path is one fal cannot load.
 */
export function falInput(request: ProviderRequest, endpoint: string = request.model): FalInput {
  if (!looksLikeFalEndpoint(endpoint)) {
    throw new AppError({ code: "model_not_found", message: `${endpoint} is not a fal.ai endpoint id (owner/app). Pick a fal.ai model from the list.`, field: "model" });
  }
  const loras = request.loras.map((lora, i): FalLora => {
    const translated = falLoraPath(lora.path);
    if (!translated.ok) {
      throw new AppError({ code: "invalid_input", message: `LoRA ${i + 1}: ${translated.reason} Nothing was sent or charged.`, field: `loras.${i}.path` });
    }
    return { path: translated.path, scale: lora.scale };
  });
  const input: FalInput = {
    prompt: request.prompt,
    image_size: { width: request.width, height: request.height },
    num_inference_steps: request.steps,
    ...(request.guidance !== null ? { guidance_scale: request.guidance } : {}),
    seed: request.seed,
    num_images: request.n,
    ...(loras.length > 0 ? { loras } : {}),
    output_format: "jpeg",
    enable_safety_checker: true,
    // Results as URLs in fal's request history; the app downloads them at once.
    sync_mode: false,
  };
  return input;
}

export type { FalEndpointId };
