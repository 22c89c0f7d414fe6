import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { newOwnerId, signOwnerToken } from "@/lib/owner/token";
import { startTogetherServer, type TogetherServer } from "../support/together-server";
import { databaseLanes, migrateDeploy, type TestDatabase } from "../support/test-database";

// Together as it is now, through the real SDK against the loopback stand-in: its model list
// (present, gone, priced per image) and the three refusals (LoRAs refused, model not
// available, data sharing blocked): said in words, nothing charged, remembered so the next
// paid attempt is stopped here — until discovery or the catalog says otherwise.

const cookie = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "lorascope_owner" && cookie.value ? { name, value: cookie.value } : undefined),
    set: () => undefined,
  }),
  headers: async () => new Headers(),
}));

const APP_SECRET = "models-test-secret-0123456789abcdef";
const FLUX1 = "black-forest-labs/FLUX.1-dev-lora";
const FLUX2 = "black-forest-labs/FLUX.2-dev";
const TAROT = "https://huggingface.co/multimodalart/flux-tarot-v1";
const listing = (id: string, pricing?: unknown) => ({ id, object: "model", created: 1, type: "image", display_name: id, pricing });

const input = (model: string, loras = true) => ({
  clientRequestId: randomUUID(),
  prompt: "a tin robot",
  model,
  width: 1024,
  height: 1024,
  steps: 28,
  n: 1,
  seed: 5,
  loras: loras ? [{ path: TAROT, scale: 0.8, triggers: [] }] : [],
  customTriggers: [],
  triggerPlacement: "before" as const,
});

async function loadApp() {
  vi.resetModules();
  return {
    generate: (await import("@/lib/generation/generate-for-owner")).generateForOwner,
    discovery: await import("@/lib/together/discovery"),
    models: await import("@/lib/models/for-person"),
    db: await import("@/lib/db/client"),
  };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-models-"));
let together: TogetherServer;
beforeAll(async () => {
  together = await startTogetherServer();
});
afterAll(async () => {
  await together.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.each(databaseLanes)("Together's models and refusals on $provider", (lane) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof loadApp>>;
  const saved = { ...process.env };
  const generations = () => together.requests.filter((r) => r.path.endsWith("/images/generations"));

  beforeAll(async () => {
    database = await lane.create();
    migrateDeploy(database.url);
    process.env = {
      ...saved,
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      APP_SECRET,
      TOGETHER_API_KEY: "deployment-key",
      TOGETHER_BASE_URL: together.baseURL,
      TOGETHER_MAX_RETRIES: "0",
      FAL_KEY: "",
      RATE_LIMIT_PER_HOUR: "0",
      S3_BUCKET: "",
    };
    app = await loadApp();
  }, 60_000);
  afterAll(async () => {
    await app.db.disconnectDb();
    await database.drop();
    process.env = saved;
  });
  beforeEach(() => {
    cookie.value = signOwnerToken(newOwnerId(), APP_SECRET);
    together.setCases("");
    together.setModels(null);
    together.clearRequests();
    app.discovery.resetDiscovery();
  });

  it("reads Together's list through the SDK: a model gone is 'not offered', a per-image price wins over the catalog's", async () => {
    together.setModels([listing(FLUX2, { hourly: 0, input: 0, output: 0, base: 0, finetune: 0, image: { price: 0.02 } }), listing("ideogram/ideogram-4.0")]);
    const snapshot = await app.discovery.refreshDiscovery(null);
    expect(snapshot).toMatchObject({ status: "ok", error: null });
    expect(together.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([["GET", "/v1/models", "[redacted]"]]);

    const { models } = await app.models.modelsForPerson({ together: null, fal: null });
    const flux1 = models.find((m) => m.model.id === FLUX1)!;
    const flux2 = models.find((m) => m.model.id === FLUX2)!;
    expect(flux1.state.listed).toBe(false);
    expect(flux2.state).toMatchObject({ listed: true, priceFrom: "provider" });
    expect(flux2.model.pricing).toMatchObject({ mode: "per-image", microUsdPerImage: 20_000, published: true });

    // The charge estimate of a generation uses Together's price: 1024×1024 at $0.02 per image.
    const done = await app.generate(input(FLUX2, false));
    expect(done).toMatchObject({ ok: true, generation: { costMicroUsd: 20_000 } });
  });

  it("offline or on error: the catalog stands, nothing is claimed, and the error is kept for /api/health", async () => {
    together.setModels({ status: 500 });
    await app.discovery.refreshDiscovery(null);
    const { models, together: snapshot } = await app.models.modelsForPerson({ together: null, fal: null });
    expect(snapshot).toMatchObject({ status: "error", fetchedAt: null, error: "Together answered 500" });
    expect(models.every((m) => m.state.listed === null && m.state.priceFrom === "catalog")).toBe(true);
  });

  it("LoRAs refused on FLUX.2: said in words, not charged, and the next LoRA attempt is stopped before it is sent", async () => {
    together.setCases(`${FLUX2}=loras-refused`);
    const first = await app.generate(input(FLUX2));
    expect(first).toMatchObject({ ok: false, error: { code: "model_refuses_loras", field: "model" } });
    expect(first.ok || first.error.message).toMatch(/^Together's FLUX\.2 \[dev\] does not take LoRAs .*fal\.ai.*Nothing was charged/);
    expect(generations()).toHaveLength(1);

    const again = await app.generate(input(FLUX2));
    expect(again).toMatchObject({ ok: false, error: { code: "model_refuses_loras" } });
    expect(generations()).toHaveLength(1);

    const { models } = await app.models.modelsForPerson({ together: null, fal: null });
    expect(models.find((m) => m.model.id === FLUX2)!.state.refusal).toMatchObject({ kind: "loras_refused" });
    // Without LoRAs the model is still tried, and succeeds.
    expect(await app.generate(input(FLUX2, false))).toMatchObject({ ok: true });
    expect(generations()).toHaveLength(2);
  });

  it("a model Together does not offer (404 model_not_available) is remembered until its list names the model again", async () => {
    together.setCases(`${FLUX1}=not-found`);
    const first = await app.generate(input(FLUX1));
    expect(first).toMatchObject({ ok: false, error: { code: "model_not_available" } });
    expect(first.ok || first.error.message).toMatch(/^Together does not offer FLUX\.1 \[dev\] \+ LoRA to this key/);
    expect(await app.generate(input(FLUX1))).toMatchObject({ ok: false, error: { code: "model_not_available" } });
    expect(generations()).toHaveLength(1);

    // Together lists it again (and serves it): discovery clears what was learned.
    together.setCases("");
    await new Promise((r) => setTimeout(r, 10));
    await app.discovery.refreshDiscovery(null);
    expect(await app.generate(input(FLUX1))).toMatchObject({ ok: true });
  });

  it("data sharing blocked (403): the setting to change, nothing charged", async () => {
    together.setCases(`${FLUX2}=data-sharing-blocked`);
    // Without LoRAs: the LoRA refusal learned above does not stop this request.
    const result = await app.generate(input(FLUX2, false));
    expect(result).toMatchObject({ ok: false, error: { code: "data_sharing_blocked" } });
    expect(result.ok || result.error.message).toMatch(/Privacy.*passthrough/);
  });

  it("a model on a provider without a key is refused before anything is recorded", async () => {
    const result = await app.generate(input("fal-ai/flux-2/lora"));
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_key", field: "model" } });
    expect(result.ok || result.error.message).toMatch(/no fal\.ai key/);
  });
});
