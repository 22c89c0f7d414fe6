/** Download names for images, e.g. "lorascope-a-lighthouse-at-dusk-seed-1234-2.jpg". Pure. */

export const SLUG_MAX_LENGTH = 60;

const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/** Letters NFKD does not take apart into ASCII plus marks. */
const TRANSLITERATE: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };

/** Cuts at a word boundary when one is in the second half of the limit, then trims dashes. */
function cut(parts: string[], max: number): string {
  let out = parts;
  if (parts.length > max) {
    out = parts.slice(0, max);
    const lastDash = out.lastIndexOf("-");
    if (parts[max] !== "-" && lastDash >= max / 2) out = out.slice(0, lastDash);
  }
  return out.join("").replace(/^-+|-+$/g, "");
}

/** "A Lighthouse at Dusk, café!" → "a-lighthouse-at-dusk-cafe": a–z, 0–9 and single dashes, ≤ max characters. */
export function asciiSlug(text: string, max = SLUG_MAX_LENGTH): string {
  const folded = text
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => TRANSLITERATE[c])
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return cut([...folded], max);
}

/** The same in any script ("夕暮れの灯台" stays itself): letters, digits and dashes, ≤ max user-perceived characters. */
export function unicodeSlug(text: string, max = SLUG_MAX_LENGTH): string {
  const folded = text
    .normalize("NFC")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  const graphemes = [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(folded)].map((s) => s.segment);
  return cut(graphemes, max);
}

export interface ImageFileNameInput {
  /** What the person typed (not the prompt with triggers). */
  prompt: string;
  seed: number;
  /** 0-based position in its generation; names count from 1. */
  index: number;
  mimeType: string;
  variant?: "full" | "thumb";
}

/** Two forms of one name: plain ASCII for `filename=`, and the prompt in its own script for `filename*=`. */
export interface ImageFileName {
  ascii: string;
  utf8: string;
}

export function imageFileName({ prompt, seed, index, mimeType, variant = "full" }: ImageFileNameInput): ImageFileName {
  const tail = `seed-${seed}-${index + 1}${variant === "thumb" ? "-thumb" : ""}.${EXTENSIONS[mimeType] ?? "bin"}`;
  const name = (slug: string) => ["lorascope", slug, tail].filter(Boolean).join("-");
  return { ascii: name(asciiSlug(prompt)), utf8: name(unicodeSlug(prompt)) };
}

/** RFC 8187 (was 5987) value: UTF-8, percent-encoded except attr-char. */
export function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="…"; filename*=UTF-8''…` — the quoted form restricted to characters safe in any client. */
export function contentDisposition(type: "inline" | "attachment", name: ImageFileName): string {
  const ascii = name.ascii.replace(/[^A-Za-z0-9._-]/g, "_");
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(name.utf8)}`;
}

/** "lorascope-sweep-tarot-scales.png": a sweep's contact sheet, named after its collection. */
export function contactSheetFileName(collectionName: string): ImageFileName {
  const name = (slug: string) => `${["lorascope", "sweep", slug].filter(Boolean).join("-")}.png`;
  return { ascii: name(asciiSlug(collectionName)), utf8: name(unicodeSlug(collectionName)) };
}
