import "server-only";
import { cookies, headers } from "next/headers";
import type { ProviderId } from "@/lib/providers/types";
import { getAppSecret } from "./secret";
import { seal, unseal } from "./sealed";

/** One sealed httpOnly cookie per provider; the Together one keeps its original name. */
const COOKIES: Record<ProviderId, { name: string; purpose: string }> = {
  together: { name: "lorascope_together_key", purpose: "together-api-key" },
  fal: { name: "lorascope_fal_key", purpose: "fal-api-key" },
};
const NINETY_DAYS_SECONDS = 60 * 60 * 24 * 90;

/** The person's own key for a provider, decrypted on the server only; null when none is set. */
export async function getOwnApiKey(provider: ProviderId = "together"): Promise<string | null> {
  const jar = await cookies();
  const c = COOKIES[provider];
  return unseal(jar.get(c.name)?.value, getAppSecret(), c.purpose);
}

/** Both providers' own keys (null where none). */
export async function getOwnApiKeys(): Promise<Record<ProviderId, string | null>> {
  const [together, fal] = await Promise.all([getOwnApiKey("together"), getOwnApiKey("fal")]);
  return { together, fal };
}

/** What the page may know about the key: that it exists, and its last four characters. */
export async function describeOwnApiKey(provider: ProviderId = "together"): Promise<{ set: boolean; hint: string | null }> {
  const key = await getOwnApiKey(provider);
  return { set: key !== null, hint: key ? `…${key.slice(-4)}` : null };
}

export async function setOwnApiKey(key: string, provider: ProviderId = "together"): Promise<void> {
  const h = await headers();
  const https = h.get("x-forwarded-proto") === "https" || (h.get("origin") ?? "").startsWith("https:");
  const c = COOKIES[provider];
  (await cookies()).set(c.name, seal(key, getAppSecret(), c.purpose), {
    httpOnly: true,
    sameSite: "strict",
    secure: https,
    path: "/",
    maxAge: NINETY_DAYS_SECONDS,
  });
}

export async function removeOwnApiKey(provider: ProviderId = "together"): Promise<void> {
  (await cookies()).delete(COOKIES[provider].name);
}
