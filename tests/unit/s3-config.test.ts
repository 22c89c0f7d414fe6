import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { createS3ImageStore, normalizePrefix, s3ObjectUrl } from "@/lib/storage/s3";

const key = `images/ab/cd/${"ab".repeat(32)}.jpg`;
const keys = { S3_ACCESS_KEY_ID: "AKIDEXAMPLE", S3_SECRET_ACCESS_KEY: "secret" };

describe("S3 configuration", () => {
  it("is off unless S3_BUCKET is set", () => {
    expect(parseEnv({}).s3).toBeNull();
    expect(parseEnv({ S3_BUCKET: "", ...keys }).s3).toBeNull();
  });

  it("reads the bucket, endpoint, region, keys, path style and prefix, with defaults", () => {
    expect(parseEnv({ S3_BUCKET: "pics", ...keys }).s3).toEqual({
      bucket: "pics",
      endpoint: undefined,
      region: "us-east-1",
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "secret",
      forcePathStyle: false,
      prefix: "",
    });
    expect(
      parseEnv({ S3_BUCKET: "pics", ...keys, S3_ENDPOINT: "http://127.0.0.1:9000", S3_REGION: "auto", S3_FORCE_PATH_STYLE: "true", S3_PREFIX: "lorascope/" }).s3,
    ).toMatchObject({ endpoint: "http://127.0.0.1:9000", region: "auto", forcePathStyle: true, prefix: "lorascope/" });
  });

  it("refuses a bucket without keys, an endpoint that is not a URL, and a bad path-style flag", () => {
    expect(() => parseEnv({ S3_BUCKET: "pics" })).toThrow(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/);
    expect(() => parseEnv({ S3_BUCKET: "pics", S3_ACCESS_KEY_ID: "a" })).toThrow();
    expect(() => parseEnv({ S3_BUCKET: "pics", ...keys, S3_ENDPOINT: "minio:9000" })).toThrow();
    expect(() => parseEnv({ S3_BUCKET: "pics", ...keys, S3_FORCE_PATH_STYLE: "yes" })).toThrow();
  });
});

describe("S3 object URLs", () => {
  const base = { bucket: "pics", region: "eu-west-1", forcePathStyle: false, prefix: "" };

  it("default to AWS, virtual-hosted", () => {
    expect(s3ObjectUrl(base, key).href).toBe(`https://pics.s3.eu-west-1.amazonaws.com/${key}`);
  });

  it("put the bucket in the path when asked (MinIO, most self-hosted servers)", () => {
    expect(s3ObjectUrl({ ...base, endpoint: "http://127.0.0.1:9000", forcePathStyle: true }, key).href).toBe(`http://127.0.0.1:9000/pics/${key}`);
    // An endpoint with a path of its own (a gateway under /s3) keeps it.
    expect(s3ObjectUrl({ ...base, endpoint: "https://gw.example/s3/", forcePathStyle: true }, key).href).toBe(`https://gw.example/s3/pics/${key}`);
  });

  it("put the bucket in the host name for R2-style endpoints", () => {
    expect(s3ObjectUrl({ ...base, endpoint: "https://acct.r2.cloudflarestorage.com" }, key).href).toBe(`https://pics.acct.r2.cloudflarestorage.com/${key}`);
  });

  it("add the prefix, with or without slashes", () => {
    for (const prefix of ["apps/lorascope", "/apps/lorascope/", "apps/lorascope/"]) {
      expect(s3ObjectUrl({ ...base, prefix }, key).pathname).toBe(`/apps/lorascope/${key}`);
    }
    expect(normalizePrefix("")).toBe("");
    expect(normalizePrefix("/")).toBe("");
  });

  it("refuse keys and prefixes that URL parsing would resolve elsewhere", () => {
    for (const bad of ["../x.jpg", "images/../../x.jpg", "images/./x.jpg", "images//x.jpg", "/x.jpg", "%2e%2e/x.jpg", "images/a b.jpg", "images/x.jpg?acl", ""]) {
      expect(() => s3ObjectUrl(base, bad), bad).toThrow(/Invalid storage key/);
    }
    for (const bad of ["..", "a/../b", "a//b", "a b"]) {
      expect(() => normalizePrefix(bad), bad).toThrow(/S3_PREFIX/);
    }
    expect(() => createS3ImageStore({ ...base, prefix: "a/../../b", accessKeyId: "a", secretAccessKey: "b" })).toThrow(/S3_PREFIX/);
  });
});
