export type TriggerPlacement = "before" | "after";

/**
 * The exact prompt sent to Together: enabled trigger phrases (LoRA order, then custom),
 * de-duplicated, joined with ", " before or after the person's prompt. Whitespace is
 * normalised so what the studio shows is byte-for-byte what is sent.
 */
export function buildPrompt(userPrompt: string, triggers: string[], placement: TriggerPlacement = "before"): string {
  const prompt = userPrompt.trim().replace(/\s+/g, " ");
  const seen = new Set<string>();
  const phrases: string[] = [];
  for (const raw of triggers) {
    const phrase = raw.trim().replace(/\s+/g, " ");
    const key = phrase.toLowerCase();
    if (!phrase || seen.has(key)) continue;
    // A trigger the person already typed into the prompt is not repeated.
    if (prompt.toLowerCase().includes(key)) continue;
    seen.add(key);
    phrases.push(phrase);
  }
  if (phrases.length === 0) return prompt;
  const joined = phrases.join(", ");
  if (!prompt) return joined;
  return placement === "before" ? `${joined}, ${prompt}` : `${prompt}, ${joined}`;
}
