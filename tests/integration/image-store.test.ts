import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AwsClient } from "aws4fetch";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { imageKey, sha256Hex } from "@/lib/storage/keys";
import { createLocalImageStore } from "@/lib/storage/local";
import { createS3ImageStore, OBJECT_CACHE_CONTROL, s3ObjectUrl } from "@/lib/storage/s3";
import { storeThumbnail } from "@/lib/storage/thumbnails";
import type { ImageStore } from "@/lib/storage/types";
import { externalS3Config, startS3Server, type TestS3Server } from "../support/s3-server";

// One contract for every image store: local files always, S3 against s3rver started in-process
// always, and an external S3-compatible server too when TEST_S3_ENDPOINT is set.

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-store-contract-"));
let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3?.stop();
  fs.rmSync(tempRoot, { recursive: true, force: true });
});

const external = externalS3Config();
const lanes: { name: string; kind: "local" | "s3"; create: () => ImageStore }[] = [
  { name: "local files", kind: "local", create: () => createLocalImageStore(fs.mkdtempSync(path.join(tempRoot, "local-"))) },
  { name: "S3 (s3rver)", kind: "s3", create: () => createS3ImageStore(s3.config) },
  { name: "S3 (s3rver) with a prefix", kind: "s3", create: () => createS3ImageStore({ ...s3.config, prefix: "apps/lorascope/" }) },
  ...(external ? [{ name: `S3 (${external.endpoint})`, kind: "s3" as const, create: () => createS3ImageStore(external) }] : []),
];

/** A real photo-like JPEG: noise compresses badly, so every byte matters. */
async function realJpeg(): Promise<Buffer> {
  const width = 640;
  const height = 480;
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

const keyOf = (bytes: Buffer, mimeType = "image/jpeg") => imageKey(sha256Hex(bytes), mimeType);

describe.each(lanes)("image store contract: $name", ({ kind, create }) => {
  let store: ImageStore;
  beforeAll(() => {
    store = create();
  });

  it("says what it is", () => {
    expect(store.kind).toBe(kind);
  });

  it("puts, gets and deletes", async () => {
    const bytes = Buffer.from(`round trip ${randomBytes(8).toString("hex")}`);
    const key = keyOf(bytes);
    await store.put(key, bytes, "image/jpeg");
    expect(await store.get(key)).toEqual(bytes);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
  });

  it("answers null for a missing key, and deleting one is not an error", async () => {
    const key = keyOf(randomBytes(32));
    expect(await store.get(key)).toBeNull();
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it("same content, same key: putting it again is harmless", async () => {
    const bytes = randomBytes(1000);
    const key = keyOf(bytes);
    expect(keyOf(Buffer.from(bytes))).toBe(key);
    await store.put(key, bytes, "image/jpeg");
    await store.put(key, Buffer.from(bytes), "image/jpeg");
    await Promise.all([store.put(key, bytes, "image/jpeg"), store.put(key, bytes, "image/jpeg")]);
    expect(await store.get(key)).toEqual(bytes);
  });

  it("keeps a real JPEG byte for byte", async () => {
    const jpeg = await realJpeg();
    const key = keyOf(jpeg);
    await store.put(key, jpeg, "image/jpeg");
    const back = await store.get(key);
    expect(back).not.toBeNull();
    expect(back!.length).toBe(jpeg.length);
    expect(sha256Hex(back!)).toBe(sha256Hex(jpeg));
    const meta = await sharp(back!).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 640, 480]);
  });

  it("stores a 5 MB object", async () => {
    const big = randomBytes(5 * 1024 * 1024);
    const key = keyOf(big, "image/png");
    await store.put(key, big, "image/png");
    const back = await store.get(key);
    expect(back?.length).toBe(big.length);
    expect(back!.equals(big)).toBe(true);
    await store.delete(key);
  });

  it("stores thumbnails like any image", async () => {
    const thumb = await storeThumbnail(store, await realJpeg());
    const back = await store.get(thumb.thumbKey);
    expect(back?.equals(thumb.bytes)).toBe(true);
    expect((await sharp(back!).metadata()).format).toBe("webp");
  });

  it("refuses keys that could escape the store", async () => {
    for (const key of ["../../etc/passwd", "images/../../outside.jpg", "/etc/passwd"]) {
      await expect(store.get(key), key).rejects.toThrow(/escapes|Invalid storage key/);
      await expect(store.put(key, Buffer.from("x"), "image/jpeg"), key).rejects.toThrow(/escapes|Invalid storage key/);
    }
  });
});

describe("S3 specifics (s3rver)", () => {
  const raw = () => new AwsClient({ accessKeyId: s3.config.accessKeyId, secretAccessKey: s3.config.secretAccessKey, service: "s3", region: "us-east-1", retries: 0 });

  it("stores objects with their content type and a long, immutable cache life", async () => {
    const jpeg = await realJpeg();
    const key = keyOf(jpeg);
    await createS3ImageStore(s3.config).put(key, jpeg, "image/jpeg");
    const res = await raw().fetch(s3ObjectUrl(s3.config, key));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("cache-control")).toBe(OBJECT_CACHE_CONTROL);
    expect(OBJECT_CACHE_CONTROL).toMatch(/max-age=31536000.*immutable/);
    await res.arrayBuffer();
  });

  it("puts objects under S3_PREFIX, and reads only there", async () => {
    const bytes = randomBytes(64);
    const key = keyOf(bytes);
    const prefixed = createS3ImageStore({ ...s3.config, prefix: "/tenant-a/" });
    await prefixed.put(key, bytes, "image/jpeg");
    expect(s3ObjectUrl({ ...s3.config, prefix: "/tenant-a/" }, key).pathname).toBe(`/${s3.config.bucket}/tenant-a/${key}`);
    expect(await createS3ImageStore(s3.config).get(`tenant-a/${key}`)).toEqual(bytes);
    expect(await createS3ImageStore(s3.config).get(key)).toBeNull();
  });

  it("signs requests: the server refuses a wrong secret, and the error names the S3 code but no secret", async () => {
    const wrong = createS3ImageStore({ ...s3.config, secretAccessKey: "not-the-secret", retries: 0 });
    const bytes = randomBytes(16);
    const error = await wrong.put(keyOf(bytes), bytes, "image/jpeg").catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/HTTP 403 SignatureDoesNotMatch/);
    expect((error as Error).message).not.toContain("not-the-secret");
    await expect(wrong.get(keyOf(bytes))).rejects.toThrow(/403/);
  });

  it("a missing bucket is an error, not a missing image", async () => {
    const store = createS3ImageStore({ ...s3.config, bucket: "no-such-bucket", retries: 0 });
    await expect(store.get(keyOf(randomBytes(8)))).rejects.toThrow(/HTTP 404 NoSuchBucket/);
  });

  it("an unreachable server fails within the timeout with a clear error", async () => {
    const store = createS3ImageStore({ ...s3.config, endpoint: "http://127.0.0.1:9", retries: 0, timeoutMs: 2_000 });
    await expect(store.get(keyOf(randomBytes(8)))).rejects.toThrow(/S3 GET .* in bucket lorascope-test failed/);
  });

  it("refuses a prefix with dot segments at creation", () => {
    expect(() => createS3ImageStore({ ...s3.config, prefix: "../other-app" })).toThrow(/S3_PREFIX/);
  });
});

describe("getImageStore()", () => {
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
    vi.resetModules();
  });

  it("is chosen by configuration alone: S3 when S3_BUCKET is set, else DATA_DIR files", async () => {
    process.env = { ...saved, DATA_DIR: path.join(tempRoot, "data"), S3_BUCKET: "" };
    vi.resetModules();
    const local = (await import("@/lib/storage")).getImageStore();
    expect(local.kind).toBe("local");

    process.env = { ...saved, ...s3.env };
    vi.resetModules();
    const remote = (await import("@/lib/storage")).getImageStore();
    expect(remote.kind).toBe("s3");
    const bytes = randomBytes(100);
    await remote.put(keyOf(bytes), bytes, "image/jpeg");
    expect(await createS3ImageStore(s3.config).get(keyOf(bytes))).toEqual(bytes);
  });
});
