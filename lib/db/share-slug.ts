import { randomBytes } from "node:crypto";

/**
 * The share slug a Generation or Collection row carries while shared. A slug is the only
 * secret protecting a shared item, so it carries 144 random bits (18 bytes → exactly 24
 * base64url characters, no padding); ids are never used in public URLs instead of it.
 * Pure; lib/sharing/slug.ts re-exports it with the public paths.
 */
export const SHARE_SLUG_BYTES = 18;
export const SHARE_SLUG_LENGTH = 24;

const SLUG_SHAPE = /^[A-Za-z0-9_-]{24}$/;

export function newShareSlug(): string {
  return randomBytes(SHARE_SLUG_BYTES).toString("base64url");
}

/** Shape check only (24 base64url characters): lets routes answer 404 without touching the database. */
export function isShareSlug(value: unknown): value is string {
  return typeof value === "string" && SLUG_SHAPE.test(value);
}
