import { createHash } from "node:crypto";

export function sha256Hex(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/** "images/ab/cd/abcd…ef.jpg": two levels of fan-out keep directories small on local disks. */
export function imageKey(contentHash: string, mimeType: string): string {
  if (!/^[0-9a-f]{64}$/.test(contentHash)) throw new Error("contentHash must be sha256 hex");
  const ext = EXTENSIONS[mimeType] ?? "bin";
  return `images/${contentHash.slice(0, 2)}/${contentHash.slice(2, 4)}/${contentHash}.${ext}`;
}
