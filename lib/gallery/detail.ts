import { parseLoraLink } from "@/lib/loras/parse-link";
import type { ImageRequest } from "@/lib/together/types";

// Pure helpers for the gallery detail page (server side: the link parser checks addresses with node:net).

interface StoredRequest {
  model: string;
  prompt: string;
  width: number;
  height: number;
  steps: number;
  n: number;
  seed: number;
  guidance: number | null;
  loras: { position: number; path: string; scale: number }[];
}

/**
 * The body that was POSTed to /images/generations, rebuilt from the stored row: the same keys
 * in the same order as lib/generation/build-request.ts writes them, with the exact prompt sent.
 */
export function requestFromGeneration(g: StoredRequest): ImageRequest {
  const request: ImageRequest = {
    model: g.model,
    prompt: g.prompt,
    width: g.width,
    height: g.height,
    steps: g.steps,
    n: g.n,
    seed: g.seed,
    response_format: "base64",
    output_format: "jpeg",
  };
  if (g.guidance !== null) request.guidance_scale = g.guidance;
  const loras = [...g.loras].sort((a, b) => a.position - b.position);
  if (loras.length > 0) request.image_loras = loras.map((l) => ({ path: l.path, scale: l.scale }));
  return request;
}

/** Where a person can read about a LoRA: its Hugging Face / Civitai / Replicate page, or the file link itself. */
export function loraPageUrl(path: string): string | null {
  const parsed = parseLoraLink(path);
  if (parsed.ok) return parsed.pageUrl;
  return /^https:\/\//i.test(path) ? path : null;
}
