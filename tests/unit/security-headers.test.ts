import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { malformedPath, oversizeBody, SERVER_ACTION_BODY_LIMIT } from "@/lib/http/request-checks";
import { contentSecurityPolicy, originsOf, securityHeaders, THEME_SCRIPT_HASH, ZOD_JITLESS_SCRIPT, ZOD_SCRIPT_HASH } from "@/lib/http/security-headers";
import { THEME_INIT_SCRIPT } from "@/lib/theme/theme";

const directives = (csp: string) => new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe("content security policy", () => {
  const csp = contentSecurityPolicy({ nonce: "abc123==", dev: false, imageOrigins: ["http://127.0.0.1:4021"] });
  const d = directives(csp);

  it("allows scripts by this request's nonce and the theme script's hash only, never eval or inline", () => {
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'", THEME_SCRIPT_HASH, ZOD_SCRIPT_HASH]);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(d.get("script-src")).not.toContain("'unsafe-inline'");
    expect(THEME_SCRIPT_HASH).toBe(`'sha256-${createHash("sha256").update(THEME_INIT_SCRIPT).digest("base64")}'`);
    expect(ZOD_SCRIPT_HASH).toBe(`'sha256-${createHash("sha256").update(ZOD_JITLESS_SCRIPT).digest("base64")}'`);
  });

  it("forbids framing, plugins and foreign form targets", () => {
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
  });

  it("lets previews come from https and the configured LoRA sources", () => {
    expect(d.get("img-src")).toEqual(["'self'", "data:", "blob:", "https:", "http://127.0.0.1:4021"]);
    expect(originsOf(["https://huggingface.co", "http://127.0.0.1:4022/api/v1", "not a url", undefined, "ftp://x"])).toEqual(["https://huggingface.co", "http://127.0.0.1:4022"]);
  });

  it("adds eval and the HMR socket only for next dev", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("connect-src")).toEqual(["'self'", "ws:", "wss:"]);
  });
});

describe("security headers", () => {
  it("nosniff, referrer and permissions policies always; HSTS only over https", () => {
    const plain = securityHeaders({ csp: "x", https: false });
    expect(plain).toMatchObject({ "content-security-policy": "x", "x-content-type-options": "nosniff", "referrer-policy": "same-origin", "x-frame-options": "DENY" });
    expect(plain["permissions-policy"]).toMatch(/camera=\(\)/);
    expect(plain).not.toHaveProperty("strict-transport-security");
    expect(securityHeaders({ csp: "x", https: true })["strict-transport-security"]).toBe("max-age=31536000");
  });
});

describe("requests refused before routing", () => {
  it("a broken %-escape in any segment", () => {
    for (const p of ["/gallery/%ff", "/s/%E0%A4%A", "/c/x/images/%ff/0", "/%"]) expect(malformedPath(p)?.status, p).toBe(400);
    for (const p of ["/gallery/abc", "/s/a%20b", "/", "/c/%E2%9C%93/compare"]) expect(malformedPath(p), p).toBeNull();
  });

  it("server actions: Content-Length required and capped; the JSON generation routes capped at 64 KB", () => {
    const action = (len?: number) => new Headers({ "next-action": "abc", ...(len === undefined ? {} : { "content-length": String(len) }) });
    expect(oversizeBody({ method: "POST", pathname: "/", headers: action(SERVER_ACTION_BODY_LIMIT) })).toBeNull();
    expect(oversizeBody({ method: "POST", pathname: "/", headers: action(SERVER_ACTION_BODY_LIMIT + 1) })).toMatchObject({ status: 413, error: { code: "too_large" } });
    expect(oversizeBody({ method: "POST", pathname: "/gallery", headers: action() })).toMatchObject({ status: 411 });
    expect(oversizeBody({ method: "GET", pathname: "/", headers: action() })).toBeNull();
    const json = (len: number) => new Headers({ "content-length": String(len) });
    expect(oversizeBody({ method: "POST", pathname: "/api/generations", headers: json(64 * 1024 + 1) })).toMatchObject({ status: 413 });
    expect(oversizeBody({ method: "POST", pathname: "/api/generations/cancel", headers: json(200 * 1024 * 1024) })).toMatchObject({ status: 413 });
    expect(oversizeBody({ method: "POST", pathname: "/api/generations", headers: json(1000) })).toBeNull();
  });

  it("Next's own server-action limit is the same number", async () => {
    const nextConfig: unknown = (await import(/* @vite-ignore */ pathToFileURL(path.resolve("next.config.js")).href)).default;
    const limit = (nextConfig as { experimental: { serverActions: { bodySizeLimit: string }; proxyClientMaxBodySize: string } }).experimental;
    const bytes = (s: string) => Number(/^(\d+)mb$/.exec(s)![1]) * 1024 * 1024;
    expect(bytes(limit.serverActions.bodySizeLimit)).toBe(SERVER_ACTION_BODY_LIMIT);
    expect(bytes(limit.proxyClientMaxBodySize)).toBe(SERVER_ACTION_BODY_LIMIT);
  });
});
