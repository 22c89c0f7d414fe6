import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTogetherProvider } from "@/lib/together/client";
import type { ProviderRequest } from "@/lib/providers/types";
import { startTogetherServer, type TogetherServer } from "../support/together-server";

// The app's provider (SDK + our retry policy + error mapping) against the loopback stand-in:
// what a person would see for each upstream failure.

let server: TogetherServer;
const request: ProviderRequest = {
  model: "black-forest-labs/FLUX.1-dev-lora",
  prompt: "a lighthouse",
  width: 1024,
  height: 768,
  steps: 28,
  n: 1,
  seed: 5,
  guidance: null,
  loras: [{ path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.8 }],
};
const fast = { maxRetries: 2, maxRateLimitWaitSeconds: 2, baseDelayMs: 10 };
const generationCalls = () => server.requests.filter((r) => r.path.endsWith("/images/generations")).length;

beforeAll(async () => {
  server = await startTogetherServer();
  // Read once, at the provider's first use.
  Object.assign(process.env, { TOGETHER_API_KEY: "test-key", TOGETHER_BASE_URL: server.baseURL, TOGETHER_TIMEOUT_MS: "1500" });
});
afterAll(() => server.close());
afterEach(() => {
  server.clearFaults();
  server.clearRequests();
});

describe("the Together provider against a Together-compatible server", () => {
  it("sends a contract-valid request with the key and returns the decoded images", async () => {
    const provider = createTogetherProvider({ retry: fast });
    expect(provider.name).toBe("together");
    const images = await provider.generate(request);
    expect(images).toHaveLength(1);
    expect(images[0].mimeType).toBe("image/jpeg");
    expect(images[0].bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const [recorded] = server.requests;
    expect(recorded.contract).toEqual({ valid: true });
    expect(recorded.headers.authorization).toBe("[redacted]");
    const { loras, guidance: _none, ...rest } = request;
    expect(recorded.body).toEqual({ ...rest, response_format: "base64", output_format: "jpeg", image_loras: loras });
  });

  it("waits out a short 429 retry-after, then succeeds", async () => {
    server.inject({ status: 429, retryAfterSeconds: 1, times: 1 });
    const started = Date.now();
    await expect(createTogetherProvider({ retry: fast }).generate(request)).resolves.toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(generationCalls()).toBe(2);
  });

  it("hands a long 429 back to the person with the wait, without retrying", async () => {
    server.inject({ status: 429, retryAfterSeconds: 120, times: 1 });
    await expect(createTogetherProvider({ retry: fast }).generate(request)).rejects.toMatchObject({ code: "rate_limited", retryAfterSeconds: 120 });
    expect(generationCalls()).toBe(1);
  });

  it("retries a 500 and a 503, then succeeds", async () => {
    server.inject({ status: 500, times: 1 });
    server.inject({ status: 503, times: 1 });
    await expect(createTogetherProvider({ retry: fast }).generate(request)).resolves.toHaveLength(1);
    expect(generationCalls()).toBe(3);
  });

  it("gives up on a lasting outage with upstream_unavailable", async () => {
    server.inject({ status: 503 });
    await expect(createTogetherProvider({ retry: fast }).generate(request)).rejects.toMatchObject({ code: "upstream_unavailable" });
    expect(generationCalls()).toBe(3);
  });

  it.each([
    [{ status: 401 as const }, "invalid_key"],
    [{ status: 402 as const }, "out_of_credits"],
    [{ status: 403 as const }, "permission_denied"],
    [{ status: 404 as const }, "model_not_available"],
    [{ kind: "malformed-json" as const }, "upstream_unavailable"],
  ])("%o → %s, not retried unless retrying can help", async (fault, code) => {
    server.inject({ ...fault, times: 1 } as Parameters<TogetherServer["inject"]>[0]);
    const result = createTogetherProvider({ retry: { ...fast, maxRetries: 0 } }).generate(request);
    await expect(result).rejects.toMatchObject({ code });
    expect(generationCalls()).toBe(1);
  });

  it("an incompatible LoRA names the unused keys", async () => {
    server.inject({ kind: "unused-keys", keys: ["lora_unet_down_blocks_0_attentions_0_proj_in.alpha"], times: 1 });
    await expect(createTogetherProvider({ retry: fast }).generate(request)).rejects.toMatchObject({
      code: "incompatible_lora",
      unusedKeys: ["lora_unet_down_blocks_0_attentions_0_proj_in.alpha"],
    });
  });

  it("times out a hanging upstream", async () => {
    server.inject({ kind: "hang", times: 1 });
    await expect(createTogetherProvider({ retry: { ...fast, maxRetries: 0 } }).generate(request)).rejects.toMatchObject({ code: "timeout" });
  });

  it("a cancelled request stops at once and reports cancelled", async () => {
    server.inject({ kind: "delay", ms: 1000, times: 1 });
    const controller = new AbortController();
    const pending = createTogetherProvider({ retry: fast }).generate(request, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ code: "cancelled" });
  });
});
