/**
 * The origin public URLs (og:image, canonical links) are built on. A configured APP_URL always
 * wins. Otherwise the request's Host; X-Forwarded-Host/-Proto only when TRUST_PROXY says a proxy
 * in front sets them, since any client can send them and a preview card would then point at
 * the client's chosen host. Pure, so every rule is tested without a server.
 */

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;
const FALLBACK_HOST = "127.0.0.1:3000";

export interface OriginSettings {
  /** APP_URL (or PUBLIC_BASE_URL), already validated as an http(s) URL. */
  configured: string | null;
  trustProxy: boolean;
}

/** A header's first value (proxies append with commas), trimmed; null when empty. */
function first(value: string | null): string | null {
  return value?.split(",")[0]?.trim() || null;
}

export function publicOrigin(settings: OriginSettings, headers: Headers): URL {
  if (settings.configured) return new URL(new URL(settings.configured).origin);
  const forwardedHost = settings.trustProxy ? first(headers.get("x-forwarded-host")) : null;
  const host = [forwardedHost, first(headers.get("host"))].find((v) => v !== null && HOST.test(v)) ?? FALLBACK_HOST;
  const proto = settings.trustProxy && first(headers.get("x-forwarded-proto")) === "https" ? "https" : "http";
  return new URL(`${proto}://${host}`);
}
