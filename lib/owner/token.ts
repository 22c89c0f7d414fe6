import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** 128 random bits, url-safe: owner ids are never guessable. */
export function newOwnerId(): string {
  return randomBytes(16).toString("base64url");
}

function signature(ownerId: string, secret: string): string {
  return createHmac("sha256", secret).update(`owner:${ownerId}`).digest("base64url");
}

export function signOwnerToken(ownerId: string, secret: string): string {
  return `${ownerId}.${signature(ownerId, secret)}`;
}

/** The owner id in a cookie value, or null when it is missing, malformed or signed with another secret. */
export function verifyOwnerToken(token: string | undefined, secret: string): string | null {
  if (!token) return null;
  const dot = token.indexOf(".");
  if (dot <= 0) return null;
  const ownerId = token.slice(0, dot);
  if (!/^[A-Za-z0-9_-]{22}$/.test(ownerId)) return null;
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(signature(ownerId, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? ownerId : null;
}
