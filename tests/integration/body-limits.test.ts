import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { JSON_BODY_LIMIT, readJsonBody } from "@/lib/http/json-body";

// /api/generations and its cancel route with bodies over their caps: a typed 413 before the
// body is buffered (three 200 MB bodies used to take the server from 309 MB to 1.67 GB).
// The routes are called directly; next/headers is mocked for the cancel route's owner cookie.

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers({ host: "lorascope.test" }),
}));

const MB = 1024 * 1024;

/** A body that would go on forever (1 MB chunks), counting how much of it was ever pulled. */
function endlessBody() {
  const counter = { pulled: 0, cancelled: false };
  const chunk = new Uint8Array(MB).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      counter.cancelled = true;
    },
  });
  return { stream, counter };
}

const post = (url: string, body: BodyInit | ReadableStream, headers: Record<string, string> = {}) =>
  new Request(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers }, duplex: "half" } as RequestInit);

describe("body-size limits", () => {
  const saved = { ...process.env };
  let generations: typeof import("@/app/api/generations/route");
  let cancel: typeof import("@/app/api/generations/cancel/route");

  beforeAll(async () => {
    process.env = { ...saved, APP_SECRET: "body-limits-test-secret-0123456789" };
    vi.resetModules();
    generations = await import("@/app/api/generations/route");
    cancel = await import("@/app/api/generations/cancel/route");
  });
  afterAll(() => {
    process.env = saved;
  });

  it("/api/generations: a declared 200 MB body is refused with a typed 413 without reading it", async () => {
    const { stream, counter } = endlessBody();
    const res = await generations.POST(post("http://127.0.0.1/api/generations", stream, { "content-length": String(200 * MB) }));
    expect(res.status).toBe(413);
    const json = await res.json();
    expect(json).toMatchObject({ ok: false, error: { code: "too_large" } });
    expect(json.error.message).toMatch(/too large.*64 KB/);
    expect(counter.pulled).toBeLessThanOrEqual(2 * MB); // at most what the stream buffered ahead before it was cancelled
  });

  it("/api/generations: an undeclared endless body is cut off just past the cap", async () => {
    const { stream, counter } = endlessBody();
    const res = await generations.POST(post("http://127.0.0.1/api/generations", stream));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("too_large");
    expect(counter.cancelled).toBe(true);
    expect(counter.pulled).toBeLessThanOrEqual(3 * MB);
  });

  it("/api/generations: a body just over 64 KB is refused, a normal one still parses", async () => {
    const big = JSON.stringify({ input: { prompt: "x".repeat(JSON_BODY_LIMIT) } });
    const refused = await generations.POST(post("http://127.0.0.1/api/generations", big));
    expect(refused.status).toBe(413);
    // Under the cap the request goes on to validation: an empty input is the usual typed invalid_input (200, failures are data).
    const ok = await generations.POST(post("http://127.0.0.1/api/generations", JSON.stringify({ input: {} })));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    const garbage = await generations.POST(post("http://127.0.0.1/api/generations", "{not json"));
    expect(garbage.status).toBe(400);
  });

  it("/api/generations/cancel: over 1 KB is a typed 413; a normal cancel is still understood", async () => {
    const { stream } = endlessBody();
    const res = await cancel.POST(post("http://127.0.0.1/api/generations/cancel", stream));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ cancelled: false, error: { code: "too_large" } });
    const declared = await cancel.POST(post("http://127.0.0.1/api/generations/cancel", JSON.stringify({ clientRequestId: randomUUID(), pad: "x".repeat(2000) })));
    expect(declared.status).toBe(413);
    // No owner cookie here: a well-formed cancel is a 400 {cancelled:false}, as before.
    const normal = await cancel.POST(post("http://127.0.0.1/api/generations/cancel", JSON.stringify({ clientRequestId: randomUUID() })));
    expect(normal.status).toBe(400);
    expect(await normal.json()).toEqual({ cancelled: false });
  });

  it("readJsonBody: the cap is exact, and a non-numeric Content-Length is not trusted", async () => {
    const exact = JSON.stringify("a".repeat(100 - 2));
    expect(await readJsonBody(post("http://x/", exact), 100)).toEqual({ ok: true, value: "a".repeat(98) });
    expect(await readJsonBody(post("http://x/", JSON.stringify("a".repeat(99))), 100)).toMatchObject({ ok: false, status: 413 });
    const { stream } = endlessBody();
    expect(await readJsonBody(post("http://x/", stream, { "content-length": "abc" }), 100)).toMatchObject({ ok: false, status: 413 });
  });
});
