import { sideCaption, type CompareLetter } from "./caption";
import type { CompareParams } from "./diff";
import { clip } from "@/lib/text/clip";

/** One side of a comparison as the (client) compare view gets it: plain, serialisable data. */
export interface CompareSide {
  letter: CompareLetter;
  /** "A · LoRA 1 × 0.3 · seed 42". */
  caption: string;
  /** The first image at full size; null for a result without images. */
  image: { url: string; width: number; height: number; alt: string } | null;
  /** The result's own page (owner) or its full image (shared). */
  link: { href: string; label: string } | null;
}

export function toCompareSide(
  letter: CompareLetter,
  params: CompareParams,
  image: { url: string; width: number; height: number } | undefined,
  link: CompareSide["link"],
): CompareSide {
  const caption = sideCaption(letter, params);
  return {
    letter,
    caption,
    // The caption leads the alt text: it is what tells A from B to a screen reader too.
    image: image ? { url: image.url, width: image.width, height: image.height, alt: `${caption} — ${clip(params.userPrompt, 120, "Untitled")}` } : null,
    link,
  };
}

/**
 * The CSS aspect-ratio of one frame both images fit in ("1024 / 1024" for a landscape and a
 * portrait 1024×768), so A and B sit in boxes of one size and differing shapes letterbox
 * instead of jumping.
 */
export function frameAspect(a: CompareSide, b: CompareSide): string {
  const images = [a.image, b.image].filter((i) => i !== null);
  if (images.length === 0) return "1 / 1";
  return `${Math.max(...images.map((i) => i.width))} / ${Math.max(...images.map((i) => i.height))}`;
}
