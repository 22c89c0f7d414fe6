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
    [404, "model_not_available", /does not offer this model to this key.*Nothing was charged/],
    [500, "upstream_unavailable", /having trouble/],
    [503, "upstream_unavailable", /having trouble/],
    [400, "bad_request", /upstream says no/],
    [422, "bad_request", /upstream says no/],
  ])("HTTP %i → %s", (status, code, message) => {
    const mapped = mapTogetherError(sdkError(status));
    expect(mapped.code).toBe(code);
    expect(mapped.message).toMatch(message);
  });

  it("Together's recorded 404 for an unknown model → model_not_available naming the model, with what to do", () => {
    const err = APIError.generate(
      404,
      { error: { message: "Unable to access model black-forest-labs/FLUX.1-dev-lora. Please visit https://api.together.ai/models to view the list of supported models.", type: "invalid_request_error", param: null, code: "model_not_available" } },
      "x",
      new Headers(),
    );
    const mapped = mapTogetherError(err, { modelLabel: "FLUX.1 [dev] + LoRA", hadLoras: true });
    expect(mapped.code).toBe("model_not_available");
    expect(mapped.message).toMatch(/^Together does not offer FLUX\.1 \[dev\] \+ LoRA to this key/);
    expect(mapped.message).toMatch(/fal\.ai/);
    expect(mapped.message).not.toMatch(/\.\./);
  });

  it("a 400 model_not_available for a non-serverless model points at a dedicated endpoint", () => {
    const err = APIError.generate(
      400,
      { error: { message: "Unable to access non-serverless model acme/x. Please visit https://api.together.ai/models/acme/x to create and start a new dedicated endpoint for the model.", type: "invalid_request_error", param: null, code: "model_not_available" } },
      "x",
      new Headers(),
    );
    const mapped = mapTogetherError(err, { modelLabel: "Acme" });
    expect(mapped.code).toBe("model_not_available");
    expect(mapped.message).toMatch(/dedicated endpoint.*LORASCOPE_MODELS/);
  });

  it("a 400 that names image_loras → model_refuses_loras, not a generic bad request", () => {
    const err = APIError.generate(400, { error: { message: "Model black-forest-labs/FLUX.2-dev does not support image_loras.", type: "invalid_request_error", param: "image_loras", code: null } }, "x", new Headers());
    const mapped = mapTogetherError(err, { modelLabel: "FLUX.2 [dev]", hadLoras: true });
    expect(mapped.code).toBe("model_refuses_loras");
    expect(mapped.message).toMatch(/^Together's FLUX\.2 \[dev\] does not take LoRAs \(Together said: "Model black-forest-labs\/FLUX\.2-dev does not support image_loras"\)\./);
    expect(mapped.message).toMatch(/Nothing was charged/);
  });

  it("a complaint about one LoRA's path or keys is not a refusal of LoRAs by the model", () => {
    const path = APIError.generate(400, { error: { message: 'Invalid LoRA path "https://x.test/a.ckpt": not a .safetensors file', type: "invalid_request_error", param: "image_loras[0].path", code: null } }, "x", new Headers());
    expect(mapTogetherError(path, { hadLoras: true }).code).toBe("bad_request");
    const scale = APIError.generate(400, { error: { message: "LoRA scale must be a finite number", type: "invalid_request_error", param: "image_loras[0].scale", code: null } }, "x", new Headers());
    expect(mapTogetherError(scale, { hadLoras: true }).code).toBe("bad_request");
    const unexpected = APIError.generate(422, { error: { message: "Unexpected field image_loras for this model", type: "invalid_request_error", param: null, code: null } }, "x", new Headers());
    expect(mapTogetherError(unexpected, { hadLoras: true }).code).toBe("model_refuses_loras");
  });

  it("403 third_party_data_sharing_blocked → data_sharing_blocked with the setting to change", () => {
    const err = APIError.generate(403, { error: { message: "This model requires third-party data sharing to be enabled for your organization.", type: "invalid_request_error", param: null, code: "third_party_data_sharing_blocked" } }, "x", new Headers());
    const mapped = mapTogetherError(err, { modelLabel: "FLUX.2 [dev]" });
    expect(mapped.code).toBe("data_sharing_blocked");
    expect(mapped.message).toMatch(/Privacy.*passthrough/);
  });

  it("a 400 ending in a full stop is not doubled", () => {
    expect(mapTogetherError(sdkError(400, "width must be a multiple of 8.")).message).toBe("Together rejected the request: width must be a multiple of 8.");
  });

  it("never claims nothing was charged when the request may have been worked on: cancel, timeout, 5xx, unreadable answer", () => {
    for (const err of [new APIUserAbortError(), new APIConnectionTimeoutError(), sdkError(500), sdkError(503), new SyntaxError("bad json")]) {
      const mapped = mapTogetherError(err);
      expect(mapped.message).not.toMatch(/nothing was charged/i);
      expect(mapped.message).toMatch(/may (still )?have/i);
    }
  });

  it("names the service that answered: the simulator is not Together", () => {
    for (const status of [400, 401, 402, 403, 404, 429, 503]) {
      const mapped = mapTogetherError(sdkError(status), { service: "the simulator" });
      expect(mapped.message).toMatch(/simulator/i);
      expect(mapped.message).not.toContain("Together");
    }
    expect(mapTogetherError(new APIConnectionError({ message: "ECONNREFUSED" }), { service: "the simulator" }).message).toBe(
      "Could not reach the simulator. Check the server's network connection and try again.",
    );
    expect(mapTogetherError(sdkError(400)).message).toBe("Together rejected the request: upstream says no.");
  });

  it("upstream text that ends its own sentence is not given a second stop", () => {
    const mapped = mapTogetherError(sdkError(400, 'Invalid LoRA path "http://x/y.safetensors": Together only fetches LoRAs over https (this link uses http).'), { service: "the simulator" });
    expect(mapped.message).toBe('The simulator rejected the request: Invalid LoRA path "http://x/y.safetensors": Together only fetches LoRAs over https (this link uses http).');
    expect(mapTogetherError(sdkError(403, "not for you."), { service: "Together" }).message).toBe("Together refused this request for your account: not for you.");
    expect(mapTogetherError(sdkError(404, "no such model"), { service: "Together" }).message).toBe('Together does not offer this model to this key (Together said: "no such model"). Pick another model — fal.ai\'s LoRA models work — or ask the operator to update the catalog. Nothing was charged.');
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
