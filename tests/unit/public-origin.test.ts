import { describe, expect, it } from "vitest";
import { publicOrigin } from "@/lib/http/public-origin";

const h = (init: Record<string, string>) => new Headers(init);

describe("publicOrigin", () => {
  const untrusted = { configured: null, trustProxy: false };
  const trusted = { configured: null, trustProxy: true };

  it("uses the configured origin over any header (path and trailing slash dropped)", () => {
    expect(publicOrigin({ configured: "https://app.example/x/", trustProxy: true }, h({ host: "a", "x-forwarded-host": "b" })).href).toBe("https://app.example/");
  });

  it("without a trusted proxy: Host only, plain http", () => {
    expect(publicOrigin(untrusted, h({ host: "app.test:8080", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" })).href).toBe("http://app.test:8080/");
  });

  it("with a trusted proxy: the first forwarded host and proto", () => {
    expect(publicOrigin(trusted, h({ host: "127.0.0.1:3000", "x-forwarded-host": "app.example, inner", "x-forwarded-proto": "https,http" })).href).toBe("https://app.example/");
    expect(publicOrigin(trusted, h({ host: "app.test" })).href).toBe("http://app.test/");
  });

  it("skips malformed hosts and falls back to loopback", () => {
    expect(publicOrigin(trusted, h({ host: "app.test", "x-forwarded-host": "evil.example/path" })).href).toBe("http://app.test/");
    expect(publicOrigin(untrusted, h({ host: "bad host" })).href).toBe("http://127.0.0.1:3000/");
  });
});
