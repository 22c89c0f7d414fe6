/** The real together-ai SDK against the Together test server, including every fault it can inject. */
import sharp from "sharp";
import Together, * as Sdk from "together-ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { validateErrorBody } from "@/lib/together/contract/validate";
import { createSimulatorFetch } from "@/lib/together/simulator/fetch";
import { startTogetherServer, type TogetherServer } from "../support/together-server";

const LORAS = [
  { path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.9 },
  { path: "https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors", scale: 1.1 },
];
const params = {
  model: "black-forest-labs/FLUX.1-dev-lora",
  prompt: "a fox, in the style of TOK a trtcrd tarot style",
  width: 1024,
  height: 768,
  steps: 28,
  n: 1,
  seed: 1234,
  response_format: "base64" as const,
  image_loras: LORAS,
};

let server: TogetherServer;
let client: Together;

beforeAll(async () => {
  server = await startTogetherServer();
  client = new Together({ apiKey: "test-key", baseURL: server.baseURL, maxRetries: 0, timeout: 10_000 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.clearFaults();
  server.clearRequests();
});

/** Runs a generation that must fail and returns what the SDK threw. */
async function failure(c: Together = client): Promise<unknown> {
  try {
    await c.images.generate(params);
  } catch (err) {
    return err;
  }
  throw new Error("expected the SDK to throw");
}

describe("together-ai SDK against the test server", () => {
  it("generates a FLUX.1 image with two LoRAs; the request is recorded and in contract", async () => {
    const response = await client.images.generate(params);
    expect(response).toMatchObject({ model: params.model, object: "list" });
    expect(response.data).toHaveLength(1);
    const item = response.data[0];
    expect(item.type).toBe("b64_json");
    const meta = await sharp(Buffer.from(item.b64_json, "base64")).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 1024, height: 768 });

    expect(server.requests).toHaveLength(1);
    const [recorded] = server.requests;
    expect(recorded).toMatchObject({ method: "POST", path: "/v1/images/generations", contract: { valid: true } });
    expect(recorded.headers.authorization).toBe("[redacted]");
    expect((recorded.body as typeof params).image_loras).toEqual(LORAS);
  });

  it("serves url results that the server itself hosts", async () => {
    const response = await client.images.generate({ ...params, response_format: "url", output_format: "png", width: 512, height: 512 });
    const item = response.data[0];
    if (item.type !== "url") throw new Error("expected a url item");
    expect(item.url.startsWith(`${server.baseURL}/simulator/files/`)).toBe(true);
    const file = await fetch(item.url);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect((await sharp(Buffer.from(await file.arrayBuffer())).metadata()).width).toBe(512);
  });

  it("401 → AuthenticationError", async () => {
    server.inject({ status: 401, times: 1 });
    const err = await failure();
    expect(err).toBeInstanceOf(Sdk.AuthenticationError);
    expect(validateErrorBody((err as Sdk.APIError).error)).toEqual({ valid: true });
    expect((await client.images.generate(params)).data).toHaveLength(1); // `times` ran out
  });

  it("a real 401 for a missing key comes from the simulator itself", async () => {
    const noKey = new Together({ apiKey: "test-key", baseURL: server.baseURL, maxRetries: 0, defaultHeaders: { Authorization: null } });
    expect(await failure(noKey)).toBeInstanceOf(Sdk.AuthenticationError);
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });

  it("402 → plain APIError with status 402 and Together's credit message", async () => {
    server.inject({ status: 402 });
    const err = (await failure()) as Sdk.APIError;
    expect(err.constructor).toBe(Sdk.APIError);
    expect(err.status).toBe(402);
    expect(err.error).toMatchObject({ error: { message: expect.stringMatching(/^Credit limit exceeded/), type: "credit_limit" } });
  });

  it.each([
    [403, Sdk.PermissionDeniedError],
    [404, Sdk.NotFoundError],
    [500, Sdk.InternalServerError],
    [503, Sdk.InternalServerError],
  ] as const)("%i → %o", async (status, ErrorClass) => {
    server.inject({ status, message: `injected ${status}` });
    const err = (await failure()) as Sdk.APIError;
    expect(err).toBeInstanceOf(ErrorClass);
    expect(err.status).toBe(status);
    expect(validateErrorBody(err.error)).toEqual({ valid: true });
    expect(err.error).toMatchObject({ error: { message: `injected ${status}` } });
  });

  it("429 → RateLimitError with retry-after and x-ratelimit-* headers readable", async () => {
    server.inject({ status: 429, retryAfterSeconds: 7 });
    const err = (await failure()) as Sdk.RateLimitError;
    expect(err).toBeInstanceOf(Sdk.RateLimitError);
    expect(err.headers.get("retry-after")).toBe("7");
    expect(err.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(err.headers.get("x-ratelimit-reset")).toBe("7");
  });

  it("with retries on, the SDK retries 503 and 429 and then succeeds; faults apply in order", async () => {
    const retrying = new Together({ apiKey: "test-key", baseURL: server.baseURL, maxRetries: 2 });
    server.inject({ status: 503, retryAfterSeconds: 0, times: 1 });
    server.inject({ status: 429, retryAfterSeconds: 0, times: 1 });
    expect((await retrying.images.generate(params)).data).toHaveLength(1);
    expect(server.requests.map((r) => r.fault && "status" in r.fault ? r.fault.status : "ok")).toEqual([503, 429, "ok"]);
  });

  it("the SDK waits as long as retry-after says (it has no upper bound)", async () => {
    const retrying = new Together({ apiKey: "test-key", baseURL: server.baseURL, maxRetries: 1 });
    server.inject({ status: 429, retryAfterSeconds: 1, times: 1 });
    const started = Date.now();
    expect((await retrying.images.generate(params)).data).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("a hang plus the SDK timeout → APIConnectionTimeoutError", async () => {
    server.inject({ kind: "hang", times: 1 });
    const impatient = new Together({ apiKey: "test-key", baseURL: server.baseURL, maxRetries: 0, timeout: 300 });
    expect(await failure(impatient)).toBeInstanceOf(Sdk.APIConnectionTimeoutError);
  });

  it("a delay slows the answer, then it succeeds", async () => {
    server.inject({ kind: "delay", ms: 250, times: 1 });
    const started = Date.now();
    expect((await client.images.generate(params)).data).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it("malformed JSON on a 200: the SDK throws the raw SyntaxError from response.json(), not an APIError", async () => {
    server.inject({ kind: "malformed-json", times: 1 });
    const err = await failure();
    expect(err).toBeInstanceOf(SyntaxError);
    expect(err).not.toBeInstanceOf(Sdk.TogetherError);
  });

  it("unused-keys → BadRequestError whose body message has `has unused keys`", async () => {
    server.inject({ kind: "unused-keys", keys: ["lora_te_text_model_encoder_layers_0_mlp_fc1.alpha", "lora_unet_mid_block_attentions_0_proj_in.alpha"] });
    const err = (await failure()) as Sdk.BadRequestError;
    expect(err).toBeInstanceOf(Sdk.BadRequestError);
    const message = (err.error as { error: { message: string } }).error.message;
    expect(message).toMatch(/has unused keys lora_te_text_model_encoder_layers_0_mlp_fc1\.alpha, lora_unet_mid_block_attentions_0_proj_in\.alpha$/);
    expect(message).toContain(LORAS[0].path);
  });

  it("the simulator's own validation reaches the SDK as BadRequestError / NotFoundError", async () => {
    const bad = await client.images.generate({ ...params, width: 1004 }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(Sdk.BadRequestError);
    expect((bad as Sdk.APIError).error).toMatchObject({ error: { param: "width" } });
    expect(await client.images.generate({ ...params, model: "acme/none" }).catch((e: unknown) => e)).toBeInstanceOf(Sdk.NotFoundError);
  });
});

describe("admin API over HTTP", () => {
  it("injects faults and reads/clears recorded requests", async () => {
    const admin = (path: string, init?: RequestInit) => fetch(`${server.origin}/__admin/${path}`, init);
    expect((await admin("faults", { method: "POST", body: JSON.stringify({ status: 402, times: 1 }) })).status).toBe(201);
    expect((await admin("faults", { method: "POST", body: JSON.stringify({ status: 418 }) })).status).toBe(400);
    expect(await failure()).toMatchObject({ status: 402 });

    const { requests } = await (await admin("requests")).json();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ path: "/v1/images/generations", fault: { status: 402 }, contract: { valid: true } });

    await admin("faults", { method: "POST", body: JSON.stringify({ status: 500 }) });
    await admin("faults", { method: "DELETE" });
    await admin("requests", { method: "DELETE" });
    expect((await client.images.generate(params)).data).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
  });
});

describe("together-ai SDK over createSimulatorFetch (no network)", () => {
  const inProcess = new Together({ apiKey: "simulator", baseURL: "https://simulator.lorascope.invalid/v1", fetch: createSimulatorFetch(), maxRetries: 0 });

  it("generates images in-process", async () => {
    const response = await inProcess.images.generate({ ...params, n: 2, output_format: "png", width: 512, height: 512 });
    expect(response.data.map((d) => d.index)).toEqual([0, 1]);
    const meta = await sharp(Buffer.from(response.data[1].b64_json, "base64")).metadata();
    expect(meta).toMatchObject({ format: "png", width: 512, height: 512 });
  });

  it("maps simulator errors to the same SDK error classes", async () => {
    const sdxl = { path: "https://huggingface.co/someone/sdxl-watercolor", scale: 1 };
    const err = await inProcess.images.generate({ ...params, image_loras: [sdxl] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Sdk.BadRequestError);
    expect((err as Sdk.APIError).message).toContain("has unused keys");
  });

  it("the SDK timeout works in-process", async () => {
    const slow = new Together({ apiKey: "simulator", baseURL: "https://simulator.lorascope.invalid/v1", fetch: createSimulatorFetch({ latencyMs: 2_000 }), maxRetries: 0, timeout: 100 });
    expect(await failure(slow)).toBeInstanceOf(Sdk.APIConnectionTimeoutError);
  });
});
