import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { newOwnerId, signOwnerToken } from "@/lib/owner/token";
import { startFalServer, type FalServer } from "../support/fal-server";
import { databaseLanes, migrateDeploy, type TestDatabase } from "../support/test-database";

// A deployment with only FAL_KEY: fal's models run for real (here: the loopback fal stand-in,
// through @fal-ai/client), Together's wait for a key, and a two-LoRA generation is recorded
// with its provider, its fal cost and the exact input fal received.

const cookie = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "lorascope_owner" && cookie.value ? { name, value: cookie.value } : undefined),
    set: () => undefined,
  }),
  headers: async () => new Headers(),
}));

const APP_SECRET = "fal-test-secret-0123456789abcdef";
const input = (model: string) => ({
  clientRequestId: randomUUID(),
  prompt: "a tin robot",
  model,
  width: 1024,
  height: 1024,
  steps: 28,
  n: 1,
  seed: 9,
  guidance: 2.5,
  loras: [
    { path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.8, triggers: ["trtcrd tarot style"] },
    { path: "https://huggingface.co/acme/flux2-ink/resolve/main/ink.safetensors", scale: 0.55, triggers: [] },
  ],
  customTriggers: [],
  triggerPlacement: "before" as const,
});

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-fal-"));
let fal: FalServer;
beforeAll(async () => {
  fal = await startFalServer();
});
afterAll(async () => {
  await fal.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.each(databaseLanes)("a fal-only deployment on $provider", (lane) => {
  let database: TestDatabase;
  let app: { generate: typeof import("@/lib/generation/generate-for-owner").generateForOwner; models: typeof import("@/lib/models/for-person"); db: typeof import("@/lib/db/client") };
  const saved = { ...process.env };

  beforeAll(async () => {
    database = await lane.create();
    migrateDeploy(database.url);
    process.env = {
      ...saved,
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      APP_SECRET,
      TOGETHER_API_KEY: "",
      FAL_KEY: "standin-id:standin-secret",
      FAL_BASE_URL: fal.baseURL,
      ALLOW_PRIVATE_FETCH: "true",
      RATE_LIMIT_PER_HOUR: "0",
      S3_BUCKET: "",
    };
    vi.resetModules();
    app = {
      generate: (await import("@/lib/generation/generate-for-owner")).generateForOwner,
      models: await import("@/lib/models/for-person"),
      db: await import("@/lib/db/client"),
    };
  }, 60_000);
  afterAll(async () => {
    await app.db.disconnectDb();
    await database.drop();
    process.env = saved;
  });
  beforeEach(() => {
    cookie.value = signOwnerToken(newOwnerId(), APP_SECRET);
    fal.clearRequests();
    fal.clearFaults();
  });

  it("opens on a fal model; Together's models wait for a key", async () => {
    const { models, catalog } = await app.models.modelsForPerson({ together: null, fal: null });
    expect(catalog.defaultModel).toBe("fal-ai/flux-lora");
    expect(models.filter((m) => m.model.provider === "together").every((m) => m.state.mode === "needs-key")).toBe(true);
    expect(models.filter((m) => m.model.provider === "fal").every((m) => m.state.mode === "live")).toBe(true);
  });

  it("a two-LoRA FLUX.2 generation through fal's queue: recorded as fal, priced by fal's rate, the input exactly as built", async () => {
    const result = await app.generate(input("fal-ai/flux-2/lora"));
    expect(result).toMatchObject({ ok: true, generation: { provider: "fal", status: "succeeded", costMicroUsd: 42_000, billedMegapixels: 2 } });
    const submit = fal.requests.find((r) => r.stage === "submit")!;
    expect(submit.path).toBe("/fal-ai/flux-2/lora");
    expect(submit.keyAuth).toBe(true);
    expect(submit.contract).toEqual({ valid: true });
    expect(submit.body).toEqual({
      prompt: "trtcrd tarot style, a tin robot",
      image_size: { width: 1024, height: 1024 },
      num_inference_steps: 28,
      guidance_scale: 2.5,
      seed: 9,
      num_images: 1,
      loras: [
        { path: "multimodalart/flux-tarot-v1", scale: 0.8 },
        { path: "https://huggingface.co/acme/flux2-ink/resolve/main/ink.safetensors", scale: 0.55 },
      ],
      output_format: "jpeg",
      enable_safety_checker: true,
      sync_mode: false,
    });
    expect(fal.requests.some((r) => r.stage === "file")).toBe(true);
  });

  it("a fal failure is said in fal's words and charges nothing", async () => {
    fal.inject({ status: 403, stage: "submit", times: 1 });
    const result = await app.generate(input("fal-ai/flux-lora"));
    expect(result).toMatchObject({ ok: false, error: { code: "out_of_credits" } });
    expect(result.ok || result.error.message).toMatch(/fal\.ai/);
  });

  it("a Together model is refused before anything is sent, naming the missing key", async () => {
    const result = await app.generate(input("black-forest-labs/FLUX.2-dev"));
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_key", field: "model" } });
    expect(fal.requests).toHaveLength(0);
  });
});
