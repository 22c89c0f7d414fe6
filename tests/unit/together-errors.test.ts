import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "together-ai";
import { describe, expect, it } from "vitest";
import { asSentence, mapTogetherError, parseUnusedKeys, retryAfterSeconds } from "@/lib/together/errors";

const body = (message: string) => ({ error: { message, type: "invalid_request_error", param: null, code: null } });
const sdkError = (status: number, message = "upstream says no", headers: Record<string, string> = {}) =>
  APIError.generate(status, body(message), message, new Headers(headers));

describe("mapTogetherError", () => {
  it.each([
    [401, "invalid_key", /did not accept the API key/],
    [402, "out_of_credits", /out of credits/],
    [403, "permission_denied", /refused/],
    [404, "model_not_found", /does not offer this model/],
    [500, "upstream_unavailable", /having trouble/],
    [503, "upstream_unavailable", /having trouble/],
    [400, "bad_request", /upstream says no/],
    [422, "bad_request", /upstream says no/],
  ])("HTTP %i → %s", (status, code, message) => {
    const mapped = mapTogetherError(sdkError(status));
    expect(mapped.code).toBe(code);
    expect(mapped.message).toMatch(message);
  });

  it("names the service that answered: the simulator is not Together", () => {
    for (const status of [400, 401, 402, 403, 404, 429, 503]) {
      const mapped = mapTogetherError(sdkError(status), "the simulator");
      expect(mapped.message).toMatch(/simulator/i);
      expect(mapped.message).not.toContain("Together");
    }
    expect(mapTogetherError(new APIConnectionError({ message: "ECONNREFUSED" }), "the simulator").message).toBe(
      "Could not reach the simulator. Check the server's network connection and try again.",
    );
    expect(mapTogetherError(sdkError(400)).message).toBe("Together rejected the request: upstream says no.");
  });

  it("upstream text that ends its own sentence is not given a second stop", () => {
    const mapped = mapTogetherError(sdkError(400, 'Invalid LoRA path "http://x/y.safetensors": Together only fetches LoRAs over https (this link uses http).'), "the simulator");
    expect(mapped.message).toBe('The simulator rejected the request: Invalid LoRA path "http://x/y.safetensors": Together only fetches LoRAs over https (this link uses http).');
    expect(mapTogetherError(sdkError(403, "not for you."), "Together").message).toBe("Together refused this request for your account: not for you.");
    expect(mapTogetherError(sdkError(404, "no such model"), "Together").message).toBe("Together does not offer this model to your account: no such model. Pick another model.");
    expect(asSentence("a LoRA..")).toBe("a LoRA.");
    expect(asSentence("why?")).toBe("why?");
  });

  it("429 carries the retry time from retry-after", () => {
    const mapped = mapTogetherError(sdkError(429, "rate limited", { "retry-after": "12" }));
    expect(mapped.code).toBe("rate_limited");
    expect(mapped.retryAfterSeconds).toBe(12);
    expect(mapped.message).toContain("12 seconds");
  });

  it("an incompatible LoRA names the keys Together reported", () => {
    const mapped = mapTogetherError(
      sdkError(400, "LoRA at https://x/y.safetensors has unused keys lora_unet_down_blocks_0_attentions_0_proj_in.alpha, lora_te_text_model_encoder_layers_0_mlp_fc1.alpha"),
    );
    expect(mapped.code).toBe("incompatible_lora");
    expect(mapped.unusedKeys).toEqual([
      "lora_unet_down_blocks_0_attentions_0_proj_in.alpha",
      "lora_te_text_model_encoder_layers_0_mlp_fc1.alpha",
    ]);
    expect(mapped.message).toContain("lora_unet_down_blocks_0_attentions_0_proj_in.alpha");
  });

  it("maps connection failures, timeouts, aborts and unreadable answers", () => {
    expect(mapTogetherError(new APIConnectionTimeoutError()).code).toBe("timeout");
    expect(mapTogetherError(new APIConnectionError({ message: "ECONNREFUSED" })).code).toBe("upstream_unavailable");
    expect(mapTogetherError(new APIUserAbortError()).code).toBe("cancelled");
    expect(mapTogetherError(new SyntaxError("Unexpected token")).code).toBe("upstream_unavailable");
    expect(mapTogetherError(new Error("boom")).code).toBe("internal");
  });
});

describe("retryAfterSeconds", () => {
  it("reads seconds, HTTP dates and x-ratelimit-reset", () => {
    expect(retryAfterSeconds(new Headers({ "retry-after": "3" }))).toBe(3);
    const now = Date.parse("2026-11-25T10:00:00Z");
    expect(retryAfterSeconds(new Headers({ "retry-after": "Wed, 25 Nov 2026 10:00:30 GMT" }), now)).toBe(30);
    expect(retryAfterSeconds(new Headers({ "x-ratelimit-reset": "1.2" }))).toBe(2);
    expect(retryAfterSeconds(new Headers())).toBeUndefined();
  });
});

describe("parseUnusedKeys", () => {
  it("returns undefined when the message is about something else", () => {
    expect(parseUnusedKeys("width must be a multiple of 8")).toBeUndefined();
  });
  it("accepts Python-list formatting", () => {
    expect(parseUnusedKeys("has unused keys ['a.b', 'c.d']")).toEqual(["a.b", "c.d"]);
  });
});
