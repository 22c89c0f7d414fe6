import { createHash } from "node:crypto";
import { THEME_INIT_SCRIPT } from "@/lib/theme/theme";

/**
 * The security headers every response carries, and the Content-Security-Policy of a page. Pure:
 * proxy.ts generates the nonce and applies these; tests check the rules without a server.
 *
 * Scripts run only with this request's nonce (Next puts it on its own inline and bundle scripts
 * when it finds it in the request's policy) or, for the two tiny <head> scripts, by their hashes;
 * 'strict-dynamic' lets those load Next's chunks. No 'unsafe-eval' outside `next dev`.
 * Styles keep 'unsafe-inline': React writes `style` attributes (the compare split, progress
 * bars), which a nonce cannot cover, and inline styles cannot run code.
 */

/**
 * zod 4 builds object parsers with `new Function` and, the first time a schema is made, probes
 * whether it may with a caught `Function("")`: under this policy the probe is a reported
 * violation even though zod recovers. Its settings live on globalThis, so this runs in <head>
 * before any bundle and turns compilation off (zod then interprets; plenty for forms).
 */
export const ZOD_JITLESS_SCRIPT = `globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true})`;

const sha256 = (script: string) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
/** 'sha256-…' of the theme script (lib/theme), an inline script the app writes itself. */
export const THEME_SCRIPT_HASH = sha256(THEME_INIT_SCRIPT);
export const ZOD_SCRIPT_HASH = sha256(ZOD_JITLESS_SCRIPT);

export interface CspOptions {
  nonce: string;
  /** `next dev` evaluates modules with eval and talks to its HMR socket. */
  dev: boolean;
  /**
   * Extra origins LoRA preview images may come from besides any https: host (the configured
   * Hugging Face / Civitai / Replicate endpoints, which may be plain http on a private mirror).
   */
  imageOrigins?: readonly string[];
}

export function contentSecurityPolicy({ nonce, dev, imageOrigins = [] }: CspOptions): string {
  const script = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", THEME_SCRIPT_HASH, ZOD_SCRIPT_HASH, ...(dev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob: https:", ...imageOrigins].join(" "),
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Origins (scheme://host[:port]) of http(s) URLs, for img-src; anything unparsable is skipped. */
export function originsOf(urls: readonly (string | undefined | null)[]): string[] {
  const out = new Set<string>();
  for (const url of urls) {
    if (!url) continue;
    try {
      const u = new URL(url);
      if (u.protocol === "http:" || u.protocol === "https:") out.add(u.origin);
    } catch {
      // not a URL: nothing to allow
    }
  }
  return [...out];
}

/** Features the app never uses, turned off for it and anything it might embed. */
export const PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

/** One year; no includeSubDomains or preload: those commit the operator's whole domain. */
export const HSTS = "max-age=31536000";

/** The headers for one response; HSTS only when the browser reached the app over https. */
export function securityHeaders({ csp, https }: { csp: string; https: boolean }): Record<string, string> {
  return {
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    // frame-ancestors is the rule; X-Frame-Options covers browsers that predate it.
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    ...(https ? { "strict-transport-security": HSTS } : {}),
  };
}
