/**
 * Where the owner's compare page leads back to: the page the comparison was opened from
 * (the studio with its recipe and sweep, the gallery with its filters, a collection), carried
 * in `back=` so a reload keeps it. Only those local paths are accepted: anything else, and
 * anything that could leave the site ("//host", "/\host"), falls back to the gallery.
 */

export interface BackLink {
  href: string;
  label: string;
}

const PLACES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\/$/, "Studio"],
  [/^\/gallery$/, "Gallery"],
  [/^\/collections$/, "Collections"],
  [/^\/collections\/[\w-]{1,64}$/, "Collection"],
];

/** Long enough for a studio recipe with two LoRA links and a sweep; a URL stays well under it. */
const MAX_LENGTH = 4000;
const ORIGIN = "http://lorascope.invalid";

export function parseBackParam(value: string | string[] | undefined): BackLink | null {
  if (typeof value !== "string" || value.length > MAX_LENGTH) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== ORIGIN) return null;
  const place = PLACES.find(([pattern]) => pattern.test(url.pathname));
  return place ? { href: url.pathname + url.search, label: place[1] } : null;
}
