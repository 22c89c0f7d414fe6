import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** A separate key per purpose, derived from the app secret, so cookie signing and sealing never share one. */
function keyFor(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "lorascope", purpose, 32));
}

const TAG_BYTES = 16;

/** AES-256-GCM: the browser holds the value but can neither read nor alter it. */
export function seal(plain: string, secret: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(secret, purpose), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url")).join(".");
}

export function unseal(token: string | undefined, secret: string, purpose: string): string | null {
  if (!token) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  try {
    const [iv, tag, data] = parts.map((p) => Buffer.from(p, "base64url"));
    // GCM would verify a 4- or 8-byte tag too, which is far easier to forge: only the full 16 bytes seal() writes count.
    if (tag.length !== TAG_BYTES) return null;
    const decipher = createDecipheriv("aes-256-gcm", keyFor(secret, purpose), iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
