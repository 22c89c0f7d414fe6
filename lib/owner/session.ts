import "server-only";
import { cookies, headers } from "next/headers";
import { getAppSecret } from "./secret";
import { newOwnerId, signOwnerToken, verifyOwnerToken } from "./token";

export const OWNER_COOKIE = "lorascope_owner";
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/** The anonymous owner of this browser, or null before its first generation. Safe in server components. */
export async function getOwnerId(): Promise<string | null> {
  const jar = await cookies();
  return verifyOwnerToken(jar.get(OWNER_COOKIE)?.value, getAppSecret());
}

/** The owner id, creating and setting the cookie if needed. Only in server actions and route handlers. */
export async function ensureOwnerId(): Promise<string> {
  const existing = await getOwnerId();
  if (existing) return existing;
  const ownerId = newOwnerId();
  const jar = await cookies();
  // Secure only when the page was served over https: the default local run is plain http on 127.0.0.1.
  const h = await headers();
  const https = h.get("x-forwarded-proto") === "https" || (h.get("origin") ?? "").startsWith("https:");
  jar.set(OWNER_COOKIE, signOwnerToken(ownerId, getAppSecret()), {
    httpOnly: true,
    sameSite: "lax",
    secure: https,
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
  });
  return ownerId;
}
