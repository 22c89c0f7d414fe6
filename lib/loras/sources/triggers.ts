const MAX_TRIGGERS = 10;
const MAX_LENGTH = 300;

/**
 * Trigger phrases from a stated list or string. A comma list of short phrases
 * ("wbgmsst, white background") is split; a sentence that happens to contain a comma stays
 * whole, because some triggers are sentences.
 */
export function splitTriggers(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (typeof item !== "string") continue;
    const whole = item.trim();
    const parts = whole.split(/[,;\n]/).map((p) => p.trim()).filter(Boolean);
    const shortList = parts.length > 1 && parts.every((p) => p.split(/\s+/).length <= 4 && p.length <= 40);
    for (const phrase of shortList ? parts : [whole]) {
      const key = phrase.toLowerCase();
      if (!phrase || phrase.length > MAX_LENGTH || seen.has(key)) continue;
      seen.add(key);
      out.push(phrase);
    }
  }
  return out.slice(0, MAX_TRIGGERS);
}

/** Distinct, trimmed, non-empty strings, at most `max`. */
export function distinct(values: (string | null | undefined)[], max: number): string[] {
  const out: string[] = [];
  for (const v of values) {
    const t = v?.trim();
    if (t && !out.includes(t)) out.push(t);
    if (out.length >= max) break;
  }
  return out;
}

/** "flux-tarot_v1" → "flux tarot v1": repo and file names read as titles. */
export function humanize(name: string): string {
  return name.replace(/\.safetensors$/i, "").replace(/[-_]+/g, " ").replace(/\s+/g, " ").trim() || name;
}
