/**
 * Public share links: /s/{slug} for a result, /c/{slug} for a collection. The slug itself (its
 * randomness and shape) is the share column's rule, in lib/db/share-slug.ts.
 */
export { SHARE_SLUG_BYTES, SHARE_SLUG_LENGTH, isShareSlug, newShareSlug } from "@/lib/db/share-slug";

export function generationSharePath(slug: string): string {
  return `/s/${slug}`;
}

export function collectionSharePath(slug: string): string {
  return `/c/${slug}`;
}
