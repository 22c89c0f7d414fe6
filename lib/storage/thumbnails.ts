import "server-only";
import sharp from "sharp";
import { imageKey, sha256Hex } from "./keys";
import type { ImageStore } from "./types";

/** Long side of a thumbnail: crisp in a 256 CSS-pixel gallery cell on a 2× screen. */
export const THUMB_MAX_EDGE = 512;
export const THUMB_QUALITY = 78;
export const THUMB_MIME_TYPE = "image/webp";

export interface Thumbnail {
  bytes: Buffer;
  /** sha256 of the WebP bytes, hex: the thumbnail is content-addressed like the image. */
  contentHash: string;
  key: string;
  mimeType: typeof THUMB_MIME_TYPE;
  width: number;
  height: number;
}

/** What a GenerationImage row keeps about its thumbnail. */
export interface ThumbnailRef {
  thumbKey: string;
  thumbWidth: number;
  thumbHeight: number;
}

/**
 * A WebP at most THUMB_MAX_EDGE on the long side (never enlarged), metadata stripped. The same
 * source gives the same bytes (and key) with the same sharp/libvips build.
 */
export async function makeThumbnail(source: Buffer): Promise<Thumbnail> {
  const { data, info } = await sharp(source)
    .rotate() // honour EXIF orientation before it is stripped
    .resize({ width: THUMB_MAX_EDGE, height: THUMB_MAX_EDGE, fit: "inside", withoutEnlargement: true })
    .webp({ quality: THUMB_QUALITY, effort: 4 })
    .toBuffer({ resolveWithObject: true });
  const contentHash = sha256Hex(data);
  return { bytes: data, contentHash, key: imageKey(contentHash, THUMB_MIME_TYPE), mimeType: THUMB_MIME_TYPE, width: info.width, height: info.height };
}

/** Makes the thumbnail of an image and puts it in the store; returns what its row records. */
export async function storeThumbnail(store: ImageStore, source: Buffer): Promise<Thumbnail & ThumbnailRef> {
  const thumb = await makeThumbnail(source);
  await store.put(thumb.key, thumb.bytes, thumb.mimeType);
  return { ...thumb, thumbKey: thumb.key, thumbWidth: thumb.width, thumbHeight: thumb.height };
}

/** The content hash a content-addressed key carries ("images/ab/cd/<sha256>.webp"), or null. */
export function hashOfKey(key: string): string | null {
  return /(?:^|\/)([0-9a-f]{64})\.[a-z0-9]+$/.exec(key)?.[1] ?? null;
}
