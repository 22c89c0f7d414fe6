import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { S3Config } from "@/lib/env";

// A real S3-compatible server in-process for tests: s3rver (the maintained @20minutes fork),
// an independent implementation of the S3 REST API that checks SigV4 signatures (a wrong
// secret gets 403 SignatureDoesNotMatch). scripts/start-test-s3.mjs runs the same server as
// a separate process for the app itself.

interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;
const S3rver = createRequire(import.meta.url)("@20minutes/s3rver") as S3rverConstructor;

/** s3rver's one built-in key pair. */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export interface TestS3Server {
  config: S3Config;
  /** The same configuration as environment variables (what the app reads). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startS3Server({ bucket = "lorascope-test", prefix = "" } = {}): Promise<TestS3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const config: S3Config = {
    bucket,
    endpoint: `http://127.0.0.1:${port}`,
    region: "us-east-1",
    ...S3RVER_CREDENTIALS,
    forcePathStyle: true,
    prefix,
  };
  return {
    config,
    env: {
      S3_ENDPOINT: config.endpoint!,
      S3_BUCKET: bucket,
      S3_REGION: config.region,
      S3_ACCESS_KEY_ID: config.accessKeyId,
      S3_SECRET_ACCESS_KEY: config.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
      S3_PREFIX: prefix,
    },
    async stop() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** An external S3-compatible server for the contract suite (MinIO, R2, a real bucket…), from TEST_S3_* variables. */
export function externalS3Config(source = process.env): S3Config | null {
  const endpoint = source.TEST_S3_ENDPOINT?.trim();
  if (!endpoint) return null;
  return {
    endpoint,
    bucket: source.TEST_S3_BUCKET || "lorascope-test",
    region: source.TEST_S3_REGION || "us-east-1",
    accessKeyId: source.TEST_S3_ACCESS_KEY_ID || S3RVER_CREDENTIALS.accessKeyId,
    secretAccessKey: source.TEST_S3_SECRET_ACCESS_KEY || S3RVER_CREDENTIALS.secretAccessKey,
    forcePathStyle: (source.TEST_S3_FORCE_PATH_STYLE ?? "true") !== "false",
    // Own folder per run: a real bucket may hold other things.
    prefix: `lorascope-test-${process.pid}-${Date.now()}`,
  };
}
