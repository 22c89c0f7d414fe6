import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFalProvider } from "@/lib/fal/client";
import type { ProviderRequest } from "@/lib/providers/types";
import { startFalServer, type FalFault, type FalServer } from "../support/fal-server";

// The real @fal-ai/client, through the app's fal provider (queue flow, deadline, cancel,
// error mapping, image download), against the loopback fal stand-in with each fault.

let server: FalServer;
const allowPrivateBefore = process.env.ALLOW_PRIVATE_FETCH;
const request: ProviderRequest = {
  model: "fal-ai/flux-2/lora",
  prompt: "a lighthouse at dusk",
  width: 512,
  height: 512,
  steps: 28,
  n: 2,
  seed: 7,
  guidance: 2.5,
  loras: [
    { path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.8 },
    { path: "https://example.com/loras/ink.safetensors", scale: 0.5 },
  ],
};
const provider = (extra: { timeoutMs?: number; pollIntervalMs?: number } = {}) =>
  createFalProvider({ apiKey: "test-id:test-secret", simulated: false, baseUrl: server.baseURL, timeoutMs: extra.timeoutMs ?? 8000, pollIntervalMs: extra.pollIntervalMs ?? 20 });
const calls = (stage: string) => server.requests.filter((r) => r.stage === stage);
const inject = (fault: FalFault) => server.inject(fault);
/** A cancel is sent after the provider has already answered the caller; give it a moment to land. */
async function cancels(): Promise<typeof server.requests> {
  for (let i = 0; i < 50 && calls("cancel").length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  return calls("cancel");
}

beforeAll(async () => {
  server = await startFalServer();
  // Result images are served by the stand-in on loopback: the explicit opt-in for tests.
  process.env.ALLOW_PRIVATE_FETCH = "true";
});
afterAll(async () => {
  await server.close();
  if (allowPrivateBefore === undefined) delete process.env.ALLOW_PRIVATE_FETCH;
  else process.env.ALLOW_PRIVATE_FETCH = allowPrivateBefore;
});
afterEach(() => {
  server.clearFaults();
  server.clearRequests();
});

describe("the fal provider against a fal-compatible queue", () => {
  it("submits a contract-valid body with the key, polls under the app path, and returns decoded images", async () => {
    const p = provider();
    expect(p).toMatchObject({ id: "fal", name: "fal", simulated: false });
    const images = await p.generate(request);
    expect(images).toHaveLength(2);
    for (const [i, image] of images.entries()) {
      expect(image.index).toBe(i);
      expect(image.mimeType).toBe("image/jpeg");
      expect(await sharp(image.bytes).metadata()).toMatchObject({ format: "jpeg", width: 512, height: 512 });
    }
    expect(images[0].bytes.equals(images[1].bytes)).toBe(false);

    const [submit] = calls("submit");
    expect(submit.path).toBe("/fal-ai/flux-2/lora");
    expect(submit.keyAuth).toBe(true);
    expect(submit.contract).toEqual({ valid: true });
    expect(submit.body).toMatchObject({
      prompt: "a lighthouse at dusk",
      image_size: { width: 512, height: 512 },
      num_images: 2,
      seed: 7,
      loras: [
        { path: "multimodalart/flux-tarot-v1", scale: 0.8 },
        { path: "https://example.com/loras/ink.safetensors", scale: 0.5 },
      ],
    });
    // fal drops the endpoint's subpath for status and result.
    expect(calls("status").length).toBeGreaterThanOrEqual(2);
    for (const r of [...calls("status"), ...calls("result")]) expect(r.path).toMatch(/^\/fal-ai\/flux-2\/requests\/[0-9a-f-]{36}(\/status\?logs=0)?$/);
    expect(calls("result")).toHaveLength(1);
    expect(calls("file")).toHaveLength(2);
    expect(calls("cancel")).toHaveLength(0);
  });

  it("speaks to fal-ai/flux-lora too", async () => {
    const images = await provider().generate({ ...request, model: "fal-ai/flux-lora", n: 1, guidance: null });
    expect(images).toHaveLength(1);
    const [submit] = calls("submit");
    expect(submit.path).toBe("/fal-ai/flux-lora");
    expect(submit.contract).toEqual({ valid: true });
    expect(submit.body).not.toHaveProperty("guidance_scale");
    expect(calls("result")[0].path).toMatch(/^\/fal-ai\/flux-lora\/requests\//);
  });

  it("waits through a slow queue", async () => {
    inject({ kind: "slow-queue", polls: 4, times: 1 });
    await expect(provider().generate({ ...request, n: 1 })).resolves.toHaveLength(1);
    expect(calls("status")).toHaveLength(5);
  });

  it("times out a request that never completes and cancels it on fal", async () => {
    inject({ kind: "never-complete", times: 1 });
    const started = Date.now();
    // Polls far apart, so a second timer (the client's own `timeout`) would fire between them.
    await expect(provider({ timeoutMs: 500, pollIntervalMs: 1000 }).generate(request)).rejects.toMatchObject({ code: "timeout", message: expect.stringMatching(/may not be known/) });
    expect(Date.now() - started).toBeLessThan(3000);
    const [cancel] = await cancels();
    expect(cancel.method).toBe("PUT");
    await new Promise((r) => setTimeout(r, 600));
    expect(calls("cancel")).toHaveLength(1); // one cancel, not one from the client's timer too
    expect(cancel.path).toMatch(/^\/fal-ai\/flux-2\/requests\/[0-9a-f-]{36}\/cancel$/);
    expect(calls("result")).toHaveLength(0);
  });

  it("a hanging submit times out too (no request id yet, so nothing to cancel)", async () => {
    inject({ kind: "hang", times: 1 });
    await expect(provider({ timeoutMs: 400 }).generate(request)).rejects.toMatchObject({ code: "timeout", message: expect.stringMatching(/did not take the request in time.*may not be known/) });
    expect(calls("cancel")).toHaveLength(0);
  });

  it("an aborted generation stops at once and sends PUT …/cancel", async () => {
    inject({ kind: "never-complete", times: 1 });
    const controller = new AbortController();
    const pending = provider().generate(request, { signal: controller.signal });
    while (calls("status").length === 0) await new Promise((r) => setTimeout(r, 10));
    const abortedAt = Date.now();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: "cancelled" });
    expect(Date.now() - abortedAt).toBeLessThan(1000);
    const [cancel] = await cancels();
    expect(cancel.path).toMatch(/^\/fal-ai\/flux-2\/requests\/[0-9a-f-]{36}\/cancel$/);
  });

  it("retries a 429 on submit, then succeeds", async () => {
    inject({ status: 429, times: 1 });
    await expect(provider().generate({ ...request, n: 1 })).resolves.toHaveLength(1);
    expect(calls("submit")).toHaveLength(2);
  });

  it.each([502, 503, 504] as const)("retries a %i on submit, then succeeds", async (status) => {
    inject({ status, times: 1 });
    await expect(provider().generate({ ...request, n: 1 })).resolves.toHaveLength(1);
    expect(calls("submit")).toHaveLength(2);
  });

  it("a lasting outage is bounded by the deadline, however patient the client's retries", async () => {
    inject({ status: 503 });
    const started = Date.now();
    await expect(provider({ timeoutMs: 1500 }).generate(request)).rejects.toMatchObject({ code: "timeout", message: expect.stringMatching(/^fal\.ai did not take the request in time/) });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(calls("submit").length).toBeGreaterThanOrEqual(2); // retried, but not for long
    expect(calls("submit").length).toBeLessThanOrEqual(3);
  });

  it("retries a 500 on a status poll (read-only), then succeeds", async () => {
    inject({ status: 500, stage: "status", times: 1 });
    await expect(provider().generate({ ...request, n: 1 })).resolves.toHaveLength(1);
  });

  it.each<[FalFault, string, RegExp]>([
    [{ status: 401 }, "invalid_key", /FAL_KEY/],
    [{ status: 403 }, "out_of_credits", /Top up at fal\.ai\/dashboard\/billing/],
    [{ status: 403, detail: "User is locked. Reason: Admin lock." }, "permission_denied", /Admin lock/],
    [{ status: 404 }, "model_not_found", /Pick another model/],
    [{ status: 500 }, "upstream_unavailable", /HTTP 500/],
    [{ status: 500, stage: "result" }, "upstream_unavailable", /HTTP 500/],
  ])("%o → %s, sent once", async (fault, code, message) => {
    inject({ ...fault, times: 1 } as FalFault);
    const error = await provider().generate(request).catch((e: unknown) => e);
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
    expect((error as Error).message).not.toMatch(/\.\./);
    const stage = "stage" in fault && fault.stage ? fault.stage : "submit";
    expect(calls(stage)).toHaveLength(1);
  });

  it("a 422 lists fal's messages and points at the studio's field", async () => {
    inject({ status: 422, times: 1, detail: [{ loc: ["body", "loras", 1, "scale"], msg: "Input should be less than or equal to 4", type: "less_than_equal" }] });
    await expect(provider().generate(request)).rejects.toMatchObject({
      code: "bad_request",
      field: "loras.1.scale",
      message: expect.stringContaining("loras.1.scale: Input should be less than or equal to 4. Nothing was charged"),
    });
  });

  it("the simulator's own validation answers 422 like fal (a size over FLUX.2's 2048 limit)", async () => {
    await expect(provider().generate({ ...request, width: 2560 })).rejects.toMatchObject({ code: "bad_request", field: "width" });
    expect(calls("submit")[0].contract).toMatchObject({ valid: false });
  });

  it("a result link that is not an image is refused, and says it was probably charged", async () => {
    inject({ kind: "not-an-image", times: 1 });
    await expect(provider().generate({ ...request, n: 1 })).rejects.toMatchObject({
      code: "upstream_unavailable",
      message: expect.stringMatching(/not a JPEG, PNG or WebP image.*probably charged/),
    });
  });

  it("a result link that fails is reported as a download failure", async () => {
    inject({ status: 404, stage: "file", times: 1 });
    await expect(provider().generate({ ...request, n: 1 })).rejects.toMatchObject({ code: "upstream_unavailable", message: expect.stringMatching(/could not download/) });
  });

  it("a deadline that passes while downloading says the image was probably charged, and cancels nothing", async () => {
    inject({ kind: "delay", ms: 1500, stage: "file", times: 1 });
    await expect(provider({ timeoutMs: 700 }).generate({ ...request, n: 1 })).rejects.toMatchObject({
      code: "timeout",
      message: expect.stringMatching(/^Downloading the finished image from fal\.ai took too long\. .*probably charged\.$/),
    });
    expect(calls("cancel")).toHaveLength(0);
  });

  it("a Replicate LoRA reference is refused before anything is sent", async () => {
    const loras = [{ path: "https://replicate.com/fofr/flux-80s-cyberpunk", scale: 1 }];
    await expect(provider().generate({ ...request, loras })).rejects.toMatchObject({ code: "invalid_input", field: "loras.0.path" });
    expect(server.requests).toHaveLength(0);
  });
});

describe("the in-process fal simulator", () => {
  it("runs the same client with no network and records itself as fal-simulator", async () => {
    const p = createFalProvider({ simulated: true, timeoutMs: 5000, pollIntervalMs: 5 });
    expect(p).toMatchObject({ id: "fal", name: "fal-simulator", simulated: true });
    const images = await p.generate(request);
    expect(images.map((i) => i.mimeType)).toEqual(["image/jpeg", "image/jpeg"]);
    expect(await sharp(images[0].bytes).metadata()).toMatchObject({ width: 512, height: 512 });
    // Deterministic: same request, same pixels.
    const again = await p.generate(request);
    expect(again[0].bytes.equals(images[0].bytes)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });
});
