import "server-only";
import { setImageThumbnail } from "@/lib/db/image-queries";
import { contentDisposition, imageFileName } from "./file-name";
import { getImageStore } from "./index";
import { sha256Hex } from "./keys";
import { hashOfKey, storeThumbnail, THUMB_MIME_TYPE } from "./thumbnails";

/** For an owner's own images: only the browser keeps them, for a year (bytes behind an id never change). */
export const PRIVATE_IMMUTABLE = "private, max-age=31536000, immutable";
/**
 * For images anyone with a link may see: shared caches and CDNs may keep them, but only for a
 * minute before asking again (a cheap 304 while the link lives, a 404 once it is revoked), so a
 * revoked link stops being served within a minute even by a CDN that ignores the app's 404s.
 */
export const SHARED_REVALIDATE = "public, max-age=60, must-revalidate";

export type ImageVariant = "full" | "thumb";

/** What serving needs of a GenerationImage row (with its generation's seed and prompt, for download names). */
export interface ServableImage {
  /** To record a thumbnail made on first request. */
  id: string;
  index: number;
  storageKey: string;
  contentHash: string;
  mimeType: string;
  thumbKey: string | null;
  /** Without the prompt the download name is just "lorascope-seed-1234-2.jpg". */
  generation: { seed: number; userPrompt?: string | null };
}

export interface ServeImageOptions {
  variant: ImageVariant;
  cacheControl: string;
}

/** `?size=` → variant: absent or "full" → full, "thumb" → thumb, anything else → null (answer 400). */
export function parseImageVariant(size: string | null): ImageVariant | null {
  if (size === null || size === "" || size === "full") return "full";
  return size === "thumb" ? "thumb" : null;
}

/** If-None-Match against one strong ETag, with the weak comparison RFC 9110 asks for here (lists, W/, *). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === opaque);
}

const noStore = (status: number, body: string) => new Response(body, { status, headers: { "cache-control": "no-store" } });

/**
 * The bytes of an image or its WebP thumbnail, for any route that has already decided the caller
 * may see it. ETag is the content hash of what is served; If-None-Match answers 304 without
 * reading the store. `?download=1` asks for an attachment with a descriptive file name. A missing
 * thumbnail (rows from before thumbnails) is made from the image, stored and recorded on first
 * request. 410 when the image's bytes are gone, 503 when the store cannot be reached.
 */
export async function serveImageResponse(request: Request, image: ServableImage, { variant, cacheControl }: ServeImageOptions): Promise<Response> {
  const ifNoneMatch = request.headers.get("if-none-match");
  const download = ["", "1", "true"].includes(new URL(request.url).searchParams.get("download") ?? "-");
  const notModified = (etag: string) => new Response(null, { status: 304, headers: { "cache-control": cacheControl, etag } });

  let bytes: Buffer | null;
  let contentHash: string;
  let mimeType: string;
  try {
    if (variant === "full") {
      contentHash = image.contentHash;
      mimeType = image.mimeType;
      if (etagMatches(ifNoneMatch, `"${contentHash}"`)) return notModified(`"${contentHash}"`);
      bytes = await getImageStore().get(image.storageKey);
      if (!bytes) return noStore(410, "Image bytes missing");
    } else {
      mimeType = THUMB_MIME_TYPE;
      const knownHash = image.thumbKey ? hashOfKey(image.thumbKey) : null;
      if (knownHash && etagMatches(ifNoneMatch, `"${knownHash}"`)) return notModified(`"${knownHash}"`);
      bytes = image.thumbKey ? await getImageStore().get(image.thumbKey) : null;
      if (bytes) {
        contentHash = knownHash ?? sha256Hex(bytes);
      } else {
        // No thumbnail yet, or its object is gone (say, after moving stores): make it from the image.
        const source = await getImageStore().get(image.storageKey);
        if (!source) return noStore(410, "Image bytes missing");
        const thumb = await storeThumbnail(getImageStore(), source);
        await setImageThumbnail(image.id, { thumbKey: thumb.thumbKey, thumbWidth: thumb.thumbWidth, thumbHeight: thumb.thumbHeight });
        bytes = thumb.bytes;
        contentHash = thumb.contentHash;
        if (etagMatches(ifNoneMatch, `"${contentHash}"`)) return notModified(`"${contentHash}"`);
      }
    }
  } catch (err) {
    console.error(`Serving image ${image.id} (${variant}) failed:`, err);
    return noStore(503, "Image storage unavailable; try again.");
  }

  const name = imageFileName({ prompt: image.generation.userPrompt ?? "", seed: image.generation.seed, index: image.index, mimeType, variant });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "cache-control": cacheControl,
      etag: `"${contentHash}"`,
      "content-type": mimeType,
      "content-length": String(bytes.length),
      "content-disposition": contentDisposition(download ? "attachment" : "inline", name),
      "x-content-type-options": "nosniff",
    },
  });
}
