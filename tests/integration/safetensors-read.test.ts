import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { classifyLoraHeader, verdictFor } from "@/lib/loras/classify";
import { readSafetensorsHeader, SafetensorsError } from "@/lib/loras/safetensors";
import { shippedCatalog as catalog } from "@/lib/models/catalog";
import { createGuardedFetch } from "@/lib/net/guarded-fetch";
import { bytesServed, startFileServer, type FileServer, type VirtualFile } from "../support/file-server";
import { safetensorsFixtures, type SafetensorsFixture } from "../support/safetensors-fixtures";

// Link → two Range requests → header → classification → verdict, against a loopback host
// that logs every byte it sends.

const fixtures: Record<string, SafetensorsFixture> = safetensorsFixtures();
const bfl = fixtures["flux1-bfl"];
const files: Record<string, VirtualFile> = {
  ...Object.fromEntries(Object.entries(fixtures).map(([name, f]) => [`${name}.safetensors`, f])),
  "html.safetensors": { ...fixtures.html, contentType: "text/html; charset=utf-8" },
  // The header claims more bytes than the file has.
  "truncated-header.safetensors": { head: bfl.head, size: bfl.head.length - 100 },
  // A model page served where a file was expected (the Hugging Face /blob/ mistake), too big to take whole.
  "page.safetensors": { head: fixtures.html.head, size: 3 * 1024 * 1024, contentType: "text/html" },
  // Complete header, tensor data cut off.
  "truncated-data.safetensors": { head: bfl.head, size: bfl.head.length + 10 },
};

let server: FileServer;
const on = { allowPrivate: true, timeoutMs: 5000 };

beforeAll(async () => {
  server = await startFileServer({ files, civitai: { "913438": "flux1-kohya.safetensors" } });
});
afterAll(() => server.close());
afterEach(() => server.clearLog());

const headerLength = (f: SafetensorsFixture) => Number(f.head.readBigUInt64LE(0));

async function readError(url: string, options = {}): Promise<SafetensorsError> {
  const err = await readSafetensorsHeader(url, { ...on, ...options }).then(
    () => new Error("expected reading to fail"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SafetensorsError);
  return err as SafetensorsError;
}

describe("reading each LoRA family through the file server", () => {
  const loras = Object.entries(fixtures).filter(([, f]) => f.expected);

  it.each(loras)("%s: two small Range requests, classified, verdict per model", async (name, f) => {
    const n = headerLength(f);
    const result = await readSafetensorsHeader(server.url(`/files/${name}.safetensors`), on);
    expect(result.headerBytes).toBe(n);
    expect(result.fileSize).toBe(f.size);

    const c = classifyLoraHeader(result.header, result.metadata);
    expect({ keyFamily: c.keyFamily, base: c.base, rank: c.rank, hasTextEncoder: c.hasTextEncoder }).toEqual(f.expected);

    for (const model of catalog.models) {
      const v = verdictFor(c, model);
      expect(v.status).toBe(model.loraFamily === c.base ? "compatible" : "incompatible");
    }

    expect(server.log.map((r) => [r.method, r.range, r.status])).toEqual([
      ["GET", "bytes=0-7", 206],
      ["GET", `bytes=8-${8 + n - 1}`, 206],
    ]);
    expect(bytesServed(server.log)).toBe(8 + n);
    if (f.size > 1e6) expect(bytesServed(server.log) * 20).toBeLessThan(f.size);
  });

  it("keeps trainer metadata", async () => {
    const result = await readSafetensorsHeader(server.url("/files/flux1-kohya.safetensors"), on);
    expect(result.metadata).toMatchObject({ ss_base_model_version: "flux1", ss_network_dim: "16" });
    expect((await readSafetensorsHeader(server.url("/files/flux1-bfl.safetensors"), on)).metadata).toBeNull();
  });
});

describe("Civitai-style downloads", () => {
  it("follows the 307 to the signed URL and reads the header from there", async () => {
    const f = fixtures["flux1-kohya"];
    const result = await readSafetensorsHeader(server.url("/api/download/models/913438?type=Model&format=SafeTensor"), on);
    expect(classifyLoraHeader(result.header, result.metadata).base).toBe("flux1");

    const log = server.log.map((r) => [r.path.split("?")[0], r.range, r.status]);
    expect(log).toEqual([
      ["/api/download/models/913438", "bytes=0-7", 307],
      ["/signed/flux1-kohya.safetensors", "bytes=0-7", 206],
      ["/signed/flux1-kohya.safetensors", `bytes=8-${8 + headerLength(f) - 1}`, 206],
    ]);
    expect(bytesServed(server.log)).toBe(8 + headerLength(f));
  });

  it("does not send the user's token to a CDN on another origin", async () => {
    const lookup = async () => [{ address: "127.0.0.1", family: 4 }];
    const fetcher = createGuardedFetch({ lookup });
    const target = `http://cdn.example:${server.port}/files/flux1-bfl.safetensors`;
    await readSafetensorsHeader(server.url(`/redirect?status=307&to=${encodeURIComponent(target)}`), {
      ...on,
      fetcher,
      headers: { Authorization: "Bearer civitai-token" },
    });
    const [hop, first, second] = server.log;
    expect(hop.headers.authorization).toBe("Bearer civitai-token");
    expect(first.headers.authorization).toBeUndefined();
    expect(second.headers.authorization).toBeUndefined();
    expect(second.headers.host).toBe(`cdn.example:${server.port}`);
  });
});

describe("files that are not readable LoRAs", () => {
  it("reports a header that is not valid JSON as corrupt", async () => {
    const err = await readError(server.url("/files/corrupt.safetensors"));
    expect(err.code).toBe("corrupt_header");
    expect(err.message).toMatch(/not valid JSON/);
  });

  it("refuses a header claiming 2 GB without asking for it", async () => {
    const err = await readError(server.url("/files/claims-2gb.safetensors"));
    expect(err.code).toBe("header_too_large");
    expect(err.message).toContain("header claims 2147483648 bytes");
    expect(server.log).toHaveLength(1);
  });

  it.each([
    ["png", /a PNG image/],
    ["html", /a web page/],
  ])("names a %s file for what it is", async (name, message) => {
    const err = await readError(server.url(`/files/${name}.safetensors`));
    expect(err.code).toBe("not_safetensors");
    expect(err.message).toMatch(message);
  });

  it("reports a file that ends inside its header, or before its tensors end", async () => {
    expect((await readError(server.url("/files/truncated-header.safetensors"))).code).toBe("corrupt_header");
    const err = await readError(server.url("/files/truncated-data.safetensors"));
    expect([err.code, err.message]).toEqual(["corrupt_header", "The file is cut short: its tensors run past the end of the file."]);
  });

  it("reports HTTP errors as unreachable with their status", async () => {
    const err = await readError(server.url("/files/missing.safetensors"));
    expect([err.code, err.fetchCode, err.status]).toEqual(["unreachable", "http_error", 404]);
  });

  it("reports the fetch policy's refusal as blocked", async () => {
    const err = await readError(server.url("/files/flux1-bfl.safetensors"), { allowPrivate: false });
    expect([err.code, err.fetchCode]).toEqual(["blocked", "blocked_address"]);
    expect(server.log).toHaveLength(0);
  });
});

describe("servers without Range support", () => {
  it("refuses to download a whole LoRA", async () => {
    const f = fixtures["flux1-diffusers"];
    const err = await readError(server.url("/norange/files/flux1-diffusers.safetensors"));
    expect(err.code).toBe("no_range_support");
    expect(err.message).toMatch(/does not support partial downloads/);
    await new Promise((r) => setTimeout(r, 50));
    expect(bytesServed(server.log) * 20).toBeLessThan(f.size);
  });

  it("still reads a tiny file sent whole", async () => {
    const result = await readSafetensorsHeader(server.url("/norange/files/flux1-tiny.safetensors"), on);
    expect(classifyLoraHeader(result.header).base).toBe("flux1");
    expect(result.fileSize).toBe(fixtures["flux1-tiny"].size);
  });

  it("recognises a web page, sent whole or too big to take", async () => {
    expect((await readError(server.url("/norange/files/html.safetensors"))).code).toBe("not_safetensors");
    const err = await readError(server.url("/norange/files/page.safetensors"));
    expect([err.code, err.message]).toEqual([
      "not_safetensors",
      "That link returns a web page, not a .safetensors file. For Hugging Face, use the /resolve/ link of the file.",
    ]);
  });
});
