/**
 * One line of at most `max` characters for titles, labels, alt text and names: whitespace
 * collapsed, an ellipsis where it was cut (right after the last word, not after a space),
 * `fallback` when nothing is left.
 */
export function clip(text: string, max: number, fallback = ""): string {
  const t = text.replace(/\s+/g, " ").trim() || fallback;
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

/**
 * Like clip, but cut at a word boundary (titles: a preview card must not end "lighthou…"), the
 * ellipsis included in `max`. Only when the text's first word alone is longer than most of
 * `max` is it cut inside a word.
 */
export function clipAtWord(text: string, max: number, fallback = ""): string {
  const t = text.replace(/\s+/g, " ").trim() || fallback;
  if (t.length <= max) return t;
  const room = t.slice(0, max - 1);
  // A space right after the room means the room ends on a whole word.
  const end = t[max - 1] === " " ? room.length : room.lastIndexOf(" ");
  const cut = end >= max / 2 ? room.slice(0, end) : room;
  return `${cut.replace(/[\s,;:·—–-]+$/, "")}…`;
}
