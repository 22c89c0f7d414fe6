import "server-only";
import { cookies, headers } from "next/headers";
import { getAppSecret } from "./secret";
import { seal, unseal } from "./sealed";

const COOKIE = "lorascope_together_key";
const PURPOSE = "together-api-key";
const NINETY_DAYS_SECONDS = 60 * 60 * 24 * 90;

/** The person's own Together key, decrypted on the server only; null when none is set. */
export async function getOwnApiKey(): Promise<string | null> {
  const jar = await cookies();
  return unseal(jar.get(COOKIE)?.value, getAppSecret(), PURPOSE);
}

/** What the page may know about the key: that it exists, and its last four characters. */
export async function describeOwnApiKey(): Promise<{ set: boolean; hint: string | null }> {
  const key = await getOwnApiKey();
  return { set: key !== null, hint: key ? `…${key.slice(-4)}` : null };
}

export async function setOwnApiKey(key: string): Promise<void> {
  const h = await headers();
  const https = h.get("x-forwarded-proto") === "https" || (h.get("origin") ?? "").startsWith("https:");
  (await cookies()).set(COOKIE, seal(key, getAppSecret(), PURPOSE), {
    httpOnly: true,
    sameSite: "strict",
    secure: https,
    path: "/",
    maxAge: NINETY_DAYS_SECONDS,
  });
}

export async function removeOwnApiKey(): Promise<void> {
  (await cookies()).delete(COOKIE);
}
