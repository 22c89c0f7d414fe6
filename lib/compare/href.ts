/** Compare links and their query: `${hrefBase}?a={generationId}&b={generationId}`. */

/** "/compare?a=…&b=…" or "/c/{slug}/compare?a=…&b=…"; `back` is the page to return to (see ./back). */
export function compareHref(hrefBase: string, a: string, b: string, back?: string): string {
  return `${hrefBase}?${new URLSearchParams(back ? { a, b, back } : { a, b }).toString()}`;
}

/** Generation ids are UUIDs; anything else is refused before it reaches a query. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

type Param = string | string[] | undefined;

export type ComparePair = { kind: "pair"; a: string; b: string } | { kind: "missing" } | { kind: "invalid" };

/**
 * Reads `a` and `b` from a page's search params: "missing" when either is absent or empty
 * (the page asks to pick two), "invalid" when one is not an id or is given twice (404).
 */
export function parseComparePair(params: { a?: Param; b?: Param }): ComparePair {
  const { a, b } = params;
  if (Array.isArray(a) || Array.isArray(b)) return { kind: "invalid" };
  if (!a || !b) return { kind: "missing" };
  if (!ID.test(a) || !ID.test(b)) return { kind: "invalid" };
  return { kind: "pair", a, b };
}
