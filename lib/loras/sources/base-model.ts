import type { LoraBase } from "@/lib/loras/card";

/**
 * Maps a base model as a source states it ("black-forest-labs/FLUX.1-dev", "Flux.1 D",
 * "SDXL 1.0", "Pony", "SD 1.5") to a family. FLUX.2 Klein is a smaller model with other
 * widths than FLUX.2 [dev], so it stays unknown rather than being called compatible.
 */
export function baseFromStated(stated: string | null | undefined): LoraBase {
  if (!stated) return "unknown";
  const s = stated.toLowerCase();
  if (/flux[\s._-]*2/.test(s)) return /klein/.test(s) ? "unknown" : "flux2";
  if (/flux[\s._-]*1/.test(s) || /^flux[\s._-]*(dev|schnell|d|s)$/.test(s)) return "flux1";
  if (/sdxl|stable-diffusion-xl|\bpony\b|illustrious|noobai|animagine-xl|playground-v2/.test(s)) return "sdxl";
  if (/\bsd[\s_-]*1[.\s_-]*[45]\b|stable-diffusion-v1[-_.]?[45]|stable-diffusion-v1-5/.test(s)) return "sd15";
  return "unknown";
}

/** The first stated base that maps to a family, else unknown. */
export function baseFromAny(stated: (string | null | undefined)[]): LoraBase {
  for (const s of stated) {
    const base = baseFromStated(s);
    if (base !== "unknown") return base;
  }
  return "unknown";
}
