/**
 * What fal's result URLs serve is untrusted: the app decides an image's type from its
 * bytes, never from a Content-Type header or a file name. Pure.
 */
export type ImageMime = "image/jpeg" | "image/png" | "image/webp";

/** JPEG, PNG or WebP by magic bytes; null for anything else (HTML error pages, JSON, truncated data). */
export function imageMimeType(bytes: Uint8Array): ImageMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return "image/png";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return null;
}

/** `data:[mime][;base64],payload` → bytes (fal answers with data URIs in sync mode); null if it is not one. */
export function decodeDataUri(uri: string): Buffer | null {
  const match = /^data:([^,]*),(.*)$/s.exec(uri);
  if (!match) return null;
  const params = match[1].split(";");
  if (params.includes("base64")) {
    const payload = match[2].replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(payload)) return null;
    return Buffer.from(payload, "base64");
  }
  try {
    return Buffer.from(decodeURIComponent(match[2]), "latin1");
  } catch {
    return null;
  }
}
