/**
 * One line of at most `max` characters for titles, labels, alt text and names: whitespace
 * collapsed, an ellipsis where it was cut (right after the last word, not after a space),
 * `fallback` when nothing is left.
 */
export function clip(text: string, max: number, fallback = ""): string {
  const t = text.replace(/\s+/g, " ").trim() || fallback;
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}
