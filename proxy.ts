import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { malformedPath, oversizeBody, type Refusal } from "@/lib/http/request-checks";
import { contentSecurityPolicy, originsOf, securityHeaders } from "@/lib/http/security-headers";

/**
 * Runs before every request (Next 16's proxy, formerly middleware): refuses what Next would
 * answer with a 500 (broken %-escapes in the path, oversize server-action bodies), and puts the
 * security headers on every response, with a fresh CSP nonce that Next also reads from the
 * request's policy header and puts on its own scripts.
 */
export function proxy(request: NextRequest) {
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const e = env();
  const csp = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    imageOrigins: originsOf([e.hfEndpoint, e.civitaiBaseUrl, e.replicateBaseUrl]),
  });
  const headers = securityHeaders({ csp, https });

  const refusal: Refusal | null = malformedPath(request.nextUrl.pathname) ?? oversizeBody({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers });
  if (refusal) {
    const response = NextResponse.json({ ok: false, error: refusal.error }, { status: refusal.status, headers: { "cache-control": "no-store" } });
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  }

  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything, Next's static files included: they get the same headers.
  matcher: "/:path*",
};
