import "server-only";
import path from "node:path";
import { z } from "zod";

/** Empty strings count as unset, so `FOO=` in a .env file means "use the default". */
const optional = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());
const flag = z.preprocess((v) => (v === "" || v === undefined ? "false" : v), z.enum(["true", "false", "1", "0"]));

const envSchema = z.object({
  TOGETHER_API_KEY: optional,
  TOGETHER_BASE_URL: optional.pipe(z.url().optional()),
  TOGETHER_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  TOGETHER_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  /** Forces the built-in simulator even when a key is set (demos, tests). */
  LORASCOPE_SIMULATOR: flag,
  /** An operator's models file (JSON: {"models": [...]}) that adds or overrides catalog models by id. */
  LORASCOPE_MODELS: optional,
  /** How the built-in simulators misbehave on purpose, e.g. "together-2026-10" or "black-forest-labs/FLUX.2-dev=loras-refused". */
  LORASCOPE_SIMULATOR_CASES: optional,
  /** fal.ai's own variable ("key_id:key_secret"); enables fal's FLUX LoRA endpoints for real. */
  FAL_KEY: optional,
  /** Replaces fal's queue host (https://queue.fal.run) for tests and private gateways. */
  FAL_BASE_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  FAL_TIMEOUT_MS: z.coerce.number().int().positive().default(180_000),
  DATA_DIR: optional,
  DATABASE_URL: optional,
  HF_ENDPOINT: optional,
  HF_TOKEN: optional,
  CIVITAI_BASE_URL: optional,
  CIVITAI_TOKEN: optional,
  REPLICATE_API_TOKEN: optional,
  REPLICATE_BASE_URL: optional,
  APP_SECRET: optional,
  ALLOW_PRIVATE_FETCH: flag,
  /** Generations one owner may start per hour; 0 turns the limit off. */
  RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(0).default(60),
  /** Cells of an Explore sweep in flight at once, per browser (Together rate-limits per key). */
  SWEEP_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(3),
  /** Grid cells this instance runs at once, across all owners (lib/grid/worker.ts); 0 runs no grid worker here. */
  GRID_CONCURRENCY: z.coerce.number().int().min(0).max(32).default(4),
  /** LoRA links one browser may look up per minute (four times as many per address); 0 turns it off. */
  LORA_RESOLVES_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  /** How long a running generation's lease lasts without renewal; past it, it counts as interrupted. */
  GENERATION_LEASE_SECONDS: z.coerce.number().int().min(2).max(600).default(30),
  /** Optional cap on what the deployment's key spends per UTC day, in dollars. */
  DAILY_BUDGET_USD: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().positive().optional()),
  /** Origin of public links and preview cards (og:image), e.g. https://lorascope.example; unset → the request's host. */
  APP_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** The older name of APP_URL, still honoured when APP_URL is unset. */
  PUBLIC_BASE_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** The app sits behind a proxy that sets X-Forwarded-Host/-Proto itself (clients cannot forge them). */
  TRUST_PROXY: flag,
  /** Setting a bucket switches image storage from DATA_DIR files to S3-compatible object storage. */
  S3_BUCKET: optional,
  /** Unset → AWS (https://s3.{region}.amazonaws.com); set for MinIO, R2, Garage, Ceph… */
  S3_ENDPOINT: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  S3_REGION: optional,
  S3_ACCESS_KEY_ID: optional,
  S3_SECRET_ACCESS_KEY: optional,
  /** Bucket in the path (https://host/bucket/key) rather than the host name: most self-hosted servers need it. */
  S3_FORCE_PATH_STYLE: flag,
  /** Folder inside the bucket, for sharing one bucket with other apps. */
  S3_PREFIX: optional,
});

export interface S3Config {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  prefix: string;
}

export interface AppEnv {
  togetherApiKey?: string;
  togetherBaseUrl?: string;
  togetherTimeoutMs: number;
  togetherMaxRetries: number;
  /** "together" when a key is configured, "simulator" otherwise. */
  providerMode: "together" | "simulator";
  /** LORASCOPE_SIMULATOR=true: every provider on its simulator, keys or not (own keys excepted). */
  forceSimulator: boolean;
  falKey?: string;
  /** fal's queue origin, without a trailing slash. */
  falBaseUrl: string;
  falTimeoutMs: number;
  /** "fal" when FAL_KEY is set (and the simulator is not forced), "simulator" otherwise. */
  falMode: "fal" | "simulator";
  /** Absolute path of the operator's models file, or null. */
  modelsFile: string | null;
  simulatorCases: string | null;
  dataDir: string;
  databaseUrl?: string;
  hfEndpoint: string;
  hfToken?: string;
  civitaiBaseUrl: string;
  civitaiToken?: string;
  replicateApiToken?: string;
  replicateBaseUrl: string;
  appSecret?: string;
  allowPrivateFetch: boolean;
  rateLimitPerHour: number;
  sweepConcurrency: number;
  gridConcurrency: number;
  dailyBudgetMicroUsd: number | null;
  generationLeaseMs: number;
  loraResolvesPerMinute: number;
  /** Object storage for images; null → files under DATA_DIR. */
  s3: S3Config | null;
  /** Origin for absolute public URLs (share previews), from APP_URL (or PUBLIC_BASE_URL); null → taken from the request. */
  publicBaseUrl: string | null;
  /** Whether X-Forwarded-Host/-Proto may be believed (TRUST_PROXY). */
  trustProxy: boolean;
}

const isOn = (v: string) => v === "true" || v === "1";

export function parseEnv(source: Record<string, string | undefined>): AppEnv {
  const e = envSchema.parse(source);
  const simulator = isOn(e.LORASCOPE_SIMULATOR) || !e.TOGETHER_API_KEY;
  return {
    togetherApiKey: e.TOGETHER_API_KEY,
    togetherBaseUrl: e.TOGETHER_BASE_URL,
    togetherTimeoutMs: e.TOGETHER_TIMEOUT_MS,
    togetherMaxRetries: e.TOGETHER_MAX_RETRIES,
    providerMode: simulator ? "simulator" : "together",
    forceSimulator: isOn(e.LORASCOPE_SIMULATOR),
    modelsFile: e.LORASCOPE_MODELS ? path.resolve(/*turbopackIgnore: true*/ e.LORASCOPE_MODELS) : null,
    simulatorCases: e.LORASCOPE_SIMULATOR_CASES ?? null,
    falKey: e.FAL_KEY,
    falBaseUrl: (e.FAL_BASE_URL ?? "https://queue.fal.run").replace(/\/+$/, ""),
    falTimeoutMs: e.FAL_TIMEOUT_MS,
    falMode: isOn(e.LORASCOPE_SIMULATOR) || !e.FAL_KEY ? "simulator" : "fal",
    // Runtime configuration, not a build input: keep the bundler from tracing it.
    dataDir: path.resolve(/*turbopackIgnore: true*/ e.DATA_DIR ?? "data"),
    databaseUrl: e.DATABASE_URL,
    hfEndpoint: e.HF_ENDPOINT ?? "https://huggingface.co",
    hfToken: e.HF_TOKEN,
    civitaiBaseUrl: e.CIVITAI_BASE_URL ?? "https://civitai.com/api/v1",
    civitaiToken: e.CIVITAI_TOKEN,
    replicateApiToken: e.REPLICATE_API_TOKEN,
    replicateBaseUrl: e.REPLICATE_BASE_URL ?? "https://api.replicate.com/v1",
    appSecret: e.APP_SECRET,
    allowPrivateFetch: isOn(e.ALLOW_PRIVATE_FETCH),
    rateLimitPerHour: e.RATE_LIMIT_PER_HOUR,
    sweepConcurrency: e.SWEEP_CONCURRENCY,
    gridConcurrency: e.GRID_CONCURRENCY,
    dailyBudgetMicroUsd: e.DAILY_BUDGET_USD === undefined ? null : Math.round(e.DAILY_BUDGET_USD * 1_000_000),
    generationLeaseMs: e.GENERATION_LEASE_SECONDS * 1000,
    loraResolvesPerMinute: e.LORA_RESOLVES_PER_MINUTE,
    s3: s3Config(e),
    publicBaseUrl: e.APP_URL ?? e.PUBLIC_BASE_URL ?? null,
    trustProxy: isOn(e.TRUST_PROXY),
  };
}

function s3Config(e: z.infer<typeof envSchema>): S3Config | null {
  if (!e.S3_BUCKET) return null;
  // Refuse a half configuration when it is read rather than on the first image; keys are the only credential source.
  if (!e.S3_ACCESS_KEY_ID || !e.S3_SECRET_ACCESS_KEY) {
    throw new Error("S3_BUCKET is set, so S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are needed too.");
  }
  return {
    bucket: e.S3_BUCKET,
    endpoint: e.S3_ENDPOINT,
    region: e.S3_REGION ?? "us-east-1",
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
    forcePathStyle: isOn(e.S3_FORCE_PATH_STYLE),
    prefix: e.S3_PREFIX ?? "",
  };
}

let cached: AppEnv | undefined;

/** Configuration, parsed once per process. */
export function env(): AppEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
