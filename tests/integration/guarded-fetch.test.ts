import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createGuardedFetch, FetchGuardError, guardedFetch, type Resolver } from "@/lib/net/guarded-fetch";
import { startFileServer, type FileServer } from "../support/file-server";

// The fetch guard against a loopback server. With allowPrivate off the loopback server is
// only reachable through the `trustedAddresses` test hook (its exact address counts as
// public); every other private address, including other loopback ones, must still be refused.

let server: FileServer;
const small = { head: Buffer.from("0123456789abcdef"), size: 16 };
const big = { head: Buffer.alloc(0), size: 5 * 1024 * 1024 };

beforeAll(async () => {
  server = await startFileServer({ files: { "small.bin": small, "big.bin": big } });
});
afterAll(() => server.close());
afterEach(() => server.clearLog());

/** A resolver with fixed answers; each name may answer differently on later calls. */
function fakeDns(table: Record<string, string[][]>) {
  const calls: string[] = [];
  const lookup: Resolver = async (host) => {
    calls.push(host);
    const answers = table[host];
    if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    const list = answers[Math.min(calls.filter((c) => c === host).length - 1, answers.length - 1)];
    return list.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return { lookup, calls };
}

async function failure(p: Promise<unknown>): Promise<FetchGuardError> {
  const err = await p.then(
    () => new Error("expected the fetch to fail"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchGuardError);
  return err as FetchGuardError;
}

const off = { allowPrivate: false, timeoutMs: 3000 };
const on = { allowPrivate: true, timeoutMs: 3000 };

describe("with private fetches off", () => {
  it.each([
    ["https://127.0.0.1/", "blocked_address"],
    ["https://10.0.0.1/lora.safetensors", "blocked_address"],
    ["https://169.254.169.254/latest/meta-data/", "blocked_address"],
    ["https://[::1]/", "blocked_address"],
    ["https://[::ffff:127.0.0.1]/", "blocked_address"],
    ["https://[fd00::1]/", "blocked_address"],
    ["http://2130706433/", "blocked_address"],
    ["https://0x7f.1/", "blocked_address"],
    ["https://localhost/", "blocked_address"],
    ["ftp://example.com/lora.safetensors", "blocked_scheme"],
    ["file:///etc/passwd", "blocked_scheme"],
    ["https://user:secret@example.com/", "invalid_url"],
    ["not a link", "invalid_url"],
  ])("refuses %s (%s) before connecting", async (url, code) => {
    const err = await failure(guardedFetch(url, off));
    expect(err.code).toBe(code);
    expect(err.message).not.toMatch(/secret/);
  });

  it("explains a private address in words a person understands", async () => {
    const err = await failure(guardedFetch("https://10.1.2.3/x", off));
    expect(err.message).toBe("That link points to a private network address; Lorascope only fetches public hosts.");
  });

  it("refuses a public name whose DNS answers include any private address", async () => {
    const { lookup } = fakeDns({ "mixed.example": [["93.184.216.34", "10.0.0.1"]] });
    expect((await failure(createGuardedFetch({ lookup }).guardedFetch("https://mixed.example/", off))).code).toBe("blocked_address");
  });

  it("refuses plain http and non-standard ports on public hosts", async () => {
    const { lookup } = fakeDns({ "public.example": [["93.184.216.34"]] });
    const { guardedFetch: fetch } = createGuardedFetch({ lookup });
    expect((await failure(fetch("http://public.example/lora.safetensors", off))).code).toBe("blocked_scheme");
    expect((await failure(fetch("https://public.example:8443/lora.safetensors", off))).code).toBe("blocked_address");
  });

  it("connects to the address it checked, never asking DNS again (rebinding)", async () => {
    // First answer: the (trusted) test server; any later answer would be private.
    const { lookup, calls } = fakeDns({ "pinned.example": [["127.0.0.1"], ["10.0.0.1"]] });
    const { guardedFetchJson } = createGuardedFetch({ lookup, trustedAddresses: ["127.0.0.1"] });
    // The name exists nowhere but in the fake resolver: success proves the socket used the pinned address.
    const res = await guardedFetchJson(`http://pinned.example:${server.port}/json`, off);
    expect(res.data).toEqual({ ok: true, n: 3 });
    expect(calls).toEqual(["pinned.example"]);
  });

  it("re-checks every redirect hop and refuses one into a private network", async () => {
    const { lookup } = fakeDns({ "lora.example": [["127.0.0.1"]], "intranet.example": [["10.0.0.7"]] });
    const { guardedFetch: fetch } = createGuardedFetch({ lookup, trustedAddresses: ["127.0.0.1"] });
    const start = (to: string) => `http://lora.example:${server.port}/redirect?to=${encodeURIComponent(to)}`;
    for (const target of [
      `http://127.0.0.2:${server.port}/files/small.bin`,
      `http://[::ffff:127.0.0.1]:${server.port}/files/small.bin`,
      `http://intranet.example:${server.port}/files/small.bin`,
      "http://169.254.169.254/latest/meta-data/",
    ]) {
      server.clearLog();
      expect((await failure(fetch(start(target), off))).code).toBe("blocked_address");
      expect(server.log.map((r) => r.path)).toEqual([`/redirect?to=${encodeURIComponent(target)}`]);
    }
    server.clearLog();
    expect((await failure(fetch(start("ftp://lora.example/x"), off))).code).toBe("blocked_scheme");
  });

  it("follows a redirect that stays on allowed hosts", async () => {
    const { lookup } = fakeDns({ "lora.example": [["127.0.0.1"]] });
    const { guardedFetch: fetch } = createGuardedFetch({ lookup, trustedAddresses: ["127.0.0.1"] });
    const res = await fetch(`http://lora.example:${server.port}/redirect?to=/files/small.bin`, off);
    expect(res.body.toString()).toBe("0123456789abcdef");
    expect(res.url).toBe(`http://lora.example:${server.port}/files/small.bin`);
    expect(res.redirects).toEqual([res.url]);
  });
});

describe("with private fetches on (loopback test servers)", () => {
  it("fetches from loopback over http", async () => {
    const res = await guardedFetch(server.url("/files/small.bin"), on);
    expect([res.status, res.body.toString()]).toEqual([200, "0123456789abcdef"]);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
  });

  it("sends HEAD without reading a body", async () => {
    const res = await guardedFetch(server.url("/files/big.bin"), { ...on, method: "HEAD" });
    expect([res.status, res.body.length, res.headers.get("content-length")]).toEqual([200, 0, String(big.size)]);
  });

  it("stops after maxRedirects hops", async () => {
    const err = await failure(guardedFetch(server.url("/loop/0"), { ...on, maxRedirects: 3 }));
    expect(err.code).toBe("too_many_redirects");
    expect(server.log).toHaveLength(4);
  });

  it("gives up on a slow server within the total budget", async () => {
    const started = Date.now();
    const err = await failure(guardedFetch(server.url("/slow"), { ...on, timeoutMs: 400 }));
    expect(err.code).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("cuts off an endless body at maxBytes", async () => {
    const err = await failure(guardedFetch(server.url("/endless"), { ...on, maxBytes: 256 * 1024 }));
    expect(err.code).toBe("too_large");
    await new Promise((r) => setTimeout(r, 50));
    expect(server.log[0].bytesSent).toBeLessThan(8 * 1024 * 1024);
  });

  it("refuses early when Content-Length is over the cap", async () => {
    const err = await failure(guardedFetch(server.url("/huge"), on));
    expect(err.code).toBe("too_large");
    await new Promise((r) => setTimeout(r, 50));
    expect(server.log[0].bytesSent).toBeLessThan(8 * 1024 * 1024);
  });

  it("reports HTTP errors with their status", async () => {
    const err = await failure(guardedFetch(server.url("/files/missing.bin"), on));
    expect([err.code, err.status]).toEqual(["http_error", 404]);
    expect(err.message).toBe("127.0.0.1 has nothing at that link (HTTP 404).");
  });

  it("keeps Authorization on the same origin and drops it on another", async () => {
    const { lookup } = fakeDns({ "cdn.example": [["127.0.0.1"]] });
    const { guardedFetchJson } = createGuardedFetch({ lookup });
    const headers = { Authorization: "Bearer hf_secret", Cookie: "session=1", "X-Trace": "kept" };
    const echo = z.object({ headers: z.record(z.string(), z.string()) });

    const same = await guardedFetchJson(server.url("/redirect?status=307&to=/echo"), { ...on, headers, schema: echo });
    expect(same.data.headers.authorization).toBe("Bearer hf_secret");

    const cross = await guardedFetchJson(server.url(`/redirect?status=307&to=${encodeURIComponent(`http://cdn.example:${server.port}/echo`)}`), {
      ...on,
      headers,
      schema: echo,
    });
    expect(cross.data.headers.authorization).toBeUndefined();
    expect(cross.data.headers.cookie).toBeUndefined();
    expect(cross.data.headers["x-trace"]).toBe("kept");
    expect(cross.data.headers.host).toBe(`cdn.example:${server.port}`);
  });

  it("parses and validates JSON", async () => {
    const schema = z.object({ ok: z.boolean(), n: z.number() });
    expect((await guardedFetchJson(server.url("/json"), { ...on, schema })).data.n).toBe(3);
    expect((await failure(guardedFetchJson(server.url("/json"), { ...on, schema: z.object({ ok: z.string() }) }))).code).toBe("invalid_response");
    expect((await failure(guardedFetchJson(server.url("/not-json"), on))).code).toBe("invalid_response");
  });

  it("rejects with the caller's reason when the caller aborts", async () => {
    const ctl = new AbortController();
    const p = guardedFetch(server.url("/slow"), { ...on, signal: ctl.signal });
    setTimeout(() => ctl.abort(new Error("user cancelled")), 100);
    await expect(p).rejects.toThrow("user cancelled");
  });
});

describe("rangeFetch", () => {
  it("asks for a byte range and returns exactly those bytes with the file size", async () => {
    const res = await rangeFetch(server.url("/files/small.bin"), 4, 7, on);
    expect([res.status, res.body.toString(), res.totalSize, res.partial]).toEqual([206, "4567", 16, true]);
    expect(server.log[0].range).toBe("bytes=4-7");
  });

  it("slices a small whole file from a server without Range support", async () => {
    const res = await rangeFetch(server.url("/norange/files/small.bin"), 4, 7, on);
    expect([res.status, res.body.toString(), res.totalSize, res.partial]).toEqual([200, "4567", 16, false]);
  });

  it("refuses a large whole file from a server without Range support", async () => {
    const err = await failure(rangeFetch(server.url("/norange/files/big.bin"), 0, 7, on));
    expect(err.code).toBe("range_unsupported");
    await new Promise((r) => setTimeout(r, 50));
    expect(server.log[0].bytesSent).toBeLessThan(big.size);
  });

  it("reports a range past the end as HTTP 416", async () => {
    const err = await failure(rangeFetch(server.url("/files/small.bin"), 100, 107, on));
    expect([err.code, err.status]).toEqual(["http_error", 416]);
  });
});

const { guardedFetchJson, rangeFetch } = createGuardedFetch();
