import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { dynamicRoutes, withBrokenEscape } from "../support/app-routes";

// Input Next used to answer with a 500: a broken %-escape in a dynamic segment (9 of 9 routes)
// and an oversize server-action body. proxy.ts answers each with a 4xx and a sentence; here it
// is called as Next calls it, for every dynamic route found in app/ (a new one is covered too).
// The browser suite (tests/e2e/simulator/security.spec.ts) checks the same on the real server.

const routes = dynamicRoutes();

describe("bad input is a 4xx with a message, never a 500", () => {
  it("finds the app's dynamic routes", () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(routes).toContain("/gallery/[id]");
    expect(routes).toContain("/c/[slug]/images/[generationId]/[index]");
  });

  for (const route of routes) {
    const params = route.match(/\[\w+\]/g)!;
    for (const param of params) {
      it(`${route}: %ff as ${param}`, async () => {
        const res = await proxy(new NextRequest(`http://127.0.0.1:3000${withBrokenEscape(route, param)}`));
        expect(res.status).toBe(400);
        expect(res.headers.get("content-type")).toMatch(/application\/json/);
        const body = await res.json();
        expect(body).toMatchObject({ ok: false, error: { code: "bad_request" } });
        expect(body.error.message).toMatch(/%-escape/);
        expect(res.headers.get("cache-control")).toBe("no-store");
        expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      });
    }
    it(`${route}: well-formed segments go through`, async () => {
      const url = route.replace(/\[\w+\]/g, (p) => (p === "[index]" ? "0" : "a%20b"));
      const res = await proxy(new NextRequest(`http://127.0.0.1:3000${url}`));
      expect(res.headers.get("x-middleware-next")).toBe("1");
    });
  }

  it("a server action over its limit is a typed 413; one without a length a 411", async () => {
    const post = (headers: Record<string, string>) => proxy(new NextRequest("http://127.0.0.1:3000/", { method: "POST", headers: { "next-action": "0123abcd", ...headers } }));
    const big = await post({ "content-length": String(3 * 1024 * 1024) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ ok: false, error: { code: "too_large", message: expect.stringMatching(/too long/) } });
    expect((await post({})).status).toBe(411);
    expect((await post({ "content-length": "1200000" })).headers.get("x-middleware-next")).toBe("1");
  });

  it("pages and API routes going through get the security headers and a fresh nonce each time", async () => {
    const nonces = new Set<string>();
    for (const url of ["/", "/gallery", "/api/health", "/api/images/abc", "/_next/static/chunks/x.js"]) {
      const res = await proxy(new NextRequest(`http://127.0.0.1:3000${url}`));
      const csp = res.headers.get("content-security-policy")!;
      expect(csp, url).toMatch(/frame-ancestors 'none'/);
      expect(csp).not.toMatch(/unsafe-eval/);
      nonces.add(/'nonce-([^']+)'/.exec(csp)![1]);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
      expect(res.headers.get("permissions-policy")).toMatch(/camera=\(\)/);
      expect(res.headers.get("strict-transport-security")).toBeNull();
      // Next reads the nonce from the request's policy: it must be the one the browser gets.
      expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    }
    expect(nonces.size).toBe(5);
    const viaHttps = await proxy(new NextRequest("http://127.0.0.1:3000/", { headers: { "x-forwarded-proto": "https" } }));
    expect(viaHttps.headers.get("strict-transport-security")).toBe("max-age=31536000");
  });
});
