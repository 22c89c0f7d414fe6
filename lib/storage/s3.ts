import "server-only";
import { AwsClient } from "aws4fetch";
import type { S3Config } from "@/lib/env";
import { sha256Hex } from "./keys";
import type { ImageStore } from "./types";

/** Objects are content-addressed and never change, so any cache may keep them for a year. */
export const OBJECT_CACHE_CONTROL = "public, max-age=31536000, immutable";

export interface S3StoreOptions extends S3Config {
  /** Per call, retries included. */
  timeoutMs?: number;
  /** Retries of 5xx and 429 answers, with jittered backoff. */
  retries?: number;
}

const SEGMENT = /^[A-Za-z0-9._-]+$/;
const EMPTY_SHA256 = sha256Hex(Buffer.alloc(0));

/**
 * Keys and prefixes are plain path segments. "." and ".." are refused: URL parsing would resolve
 * them (in path style, out of the bucket), and so would "%2e%2e", which the character set excludes.
 */
function segments(path: string, what: string): string[] {
  const parts = path.split("/");
  for (const part of parts) {
    if (!SEGMENT.test(part) || part === "." || part === "..") throw new Error(`Invalid ${what}: ${JSON.stringify(path)}`);
  }
  return parts;
}

/** "" or "a/b/": slashes at either end are optional in S3_PREFIX. */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "" : `${segments(trimmed, "S3_PREFIX").join("/")}/`;
}

/** Where an object lives: path style (endpoint/bucket/key) or virtual-hosted (bucket.endpoint/key). */
export function s3ObjectUrl(config: Pick<S3Config, "bucket" | "endpoint" | "region" | "forcePathStyle" | "prefix">, key: string): URL {
  const base = new URL(config.endpoint ?? `https://s3.${config.region}.amazonaws.com`);
  const objectPath = segments(normalizePrefix(config.prefix) + key, "storage key").map(encodeURIComponent).join("/");
  const basePath = base.pathname.replace(/\/+$/, "");
  if (config.forcePathStyle) {
    base.pathname = `${basePath}/${encodeURIComponent(config.bucket)}/${objectPath}`;
  } else {
    base.hostname = `${config.bucket}.${base.hostname}`;
    base.pathname = `${basePath}/${objectPath}`;
  }
  base.search = "";
  base.hash = "";
  return base;
}

/** S3's error code from an XML error body ("NoSuchBucket", "SignatureDoesNotMatch", …), if any. */
function errorCode(body: string): string {
  return /<Code>([^<]{1,100})<\/Code>/.exec(body)?.[1] ?? "";
}

/**
 * Images in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Garage, Ceph…), signed with
 * SigV4 by aws4fetch over the platform fetch. Keys never change what they point at.
 */
export function createS3ImageStore(options: S3StoreOptions): ImageStore {
  const { timeoutMs = 30_000, retries = 2 } = options;
  normalizePrefix(options.prefix); // refuse a bad S3_PREFIX on creation, not on the first image
  const client = new AwsClient({
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    service: "s3",
    region: options.region,
    retries,
    initRetryMs: 200,
  });

  async function call(method: "PUT" | "GET" | "DELETE", key: string, body?: Buffer, headers: Record<string, string> = {}) {
    const url = s3ObjectUrl(options, key);
    try {
      return await client.fetch(url, {
        method,
        body: body && new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength),
        headers: {
          ...headers,
          // A signed payload hash rather than aws4fetch's default UNSIGNED-PAYLOAD: S3 refuses a PUT whose
          // bytes do not match it, so it doubles as an end-to-end integrity check.
          "x-amz-content-sha256": body ? sha256Hex(body) : EMPTY_SHA256,
        },
        cache: "no-store",
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      // Never the URL's query or the signature; the key and bucket are enough to act on.
      throw new Error(`S3 ${method} ${key} in bucket ${options.bucket} failed: ${(err as Error).message}`, { cause: err });
    }
  }

  async function fail(method: string, key: string, res: Response): Promise<never> {
    const code = errorCode(await res.text().catch(() => ""));
    throw new Error(`S3 ${method} ${key} in bucket ${options.bucket} failed: HTTP ${res.status}${code ? ` ${code}` : ""}`);
  }

  return {
    kind: "s3",
    async put(key, bytes, mimeType) {
      const res = await call("PUT", key, bytes, { "content-type": mimeType, "cache-control": OBJECT_CACHE_CONTROL });
      if (!res.ok) return fail("PUT", key, res);
      await res.body?.cancel();
    },
    async get(key) {
      const res = await call("GET", key);
      if (res.status === 404) {
        // Only a missing key is a missing image: a missing bucket (NoSuchBucket) is a configuration error.
        const code = errorCode(await res.text().catch(() => ""));
        if (code === "NoSuchKey" || code === "") return null;
        throw new Error(`S3 GET ${key} in bucket ${options.bucket} failed: HTTP 404 ${code}`);
      }
      if (!res.ok) return fail("GET", key, res);
      return Buffer.from(await res.arrayBuffer());
    },
    async delete(key) {
      const res = await call("DELETE", key);
      // Deleting what is not there is not an error (S3 itself answers 204 either way).
      if (!res.ok && res.status !== 404) return fail("DELETE", key, res);
      await res.body?.cancel();
    },
  };
}
