import { parseLoraLink } from "@/lib/loras/link";

// Pure helpers for the gallery detail page (server side: the link parser checks addresses with node:net).

/** Where a person can read about a LoRA: its Hugging Face / Civitai / Replicate page, or the file link itself. */
export function loraPageUrl(path: string): string | null {
  const parsed = parseLoraLink(path);
  if (parsed.ok) return parsed.pageUrl;
  return /^https:\/\//i.test(path) ? path : null;
}
