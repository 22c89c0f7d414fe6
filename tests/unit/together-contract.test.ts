import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONTRACT_JSON, CONTRACT_YAML, extractImagesContract } from "@/scripts/extract-together-contract";
import { validateErrorBody, validateImageRequest, validateImageResponse } from "@/lib/together/contract/validate";

describe("extracted Together contract", () => {
  it("matches a fresh extraction from the OpenAPI yaml (run `tsx scripts/extract-together-contract.ts` if not)", () => {
    const fresh = extractImagesContract(readFileSync(CONTRACT_YAML, "utf8"));
    const committed = JSON.parse(readFileSync(CONTRACT_JSON, "utf8"));
    expect(committed).toEqual(fresh);
  });

  it("holds the request, the response with both data items, and the error body", () => {
    const { $defs } = JSON.parse(readFileSync(CONTRACT_JSON, "utf8"));
    expect(Object.keys($defs).sort()).toEqual(["ErrorData", "ImageRequest", "ImageResponse", "ImageResponseDataB64", "ImageResponseDataUrl"]);
    expect(JSON.stringify($defs)).not.toContain("#/components/");
  });
});

describe("validateImageRequest", () => {
  const valid = {
    model: "black-forest-labs/FLUX.1-dev-lora",
    prompt: "a tarot card of a fox",
    width: 1024,
    height: 768,
    steps: 28,
    n: 2,
    seed: 42,
    response_format: "base64",
    output_format: "png",
    image_loras: [{ path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.9 }],
  };

  it("accepts a full LoRA request", () => {
    expect(validateImageRequest(valid)).toEqual({ valid: true });
    expect(validateImageRequest({ model: "m", prompt: "p" })).toEqual({ valid: true });
  });

  it.each([
    [{ ...valid, width: 1024.5 }, "/width must be integer"],
    [{ ...valid, steps: "28" }, "/steps must be integer"],
    [{ ...valid, response_format: "b64" }, '/response_format must be equal to one of the allowed values: "base64", "url"'],
    [{ ...valid, output_format: "webp" }, '/output_format must be equal to one of the allowed values: "jpeg", "png"'],
    [{ ...valid, image_loras: [{ path: "https://x/y.safetensors" }] }, "/image_loras/0 must have required property 'scale'"],
    [{ ...valid, image_loras: [{ path: 3, scale: 1 }] }, "/image_loras/0/path must be string"],
    [{ prompt: "p" }, "/ must have required property 'model'"],
    [{ model: "m" }, "/ must have required property 'prompt'"],
  ])("rejects %j with %s", (body, message) => {
    const result = validateImageRequest(body);
    expect(result.valid).toBe(false);
    expect(!result.valid && result.errors).toContain(message);
  });
});

describe("validateImageResponse", () => {
  it("accepts base64 and url items", () => {
    expect(
      validateImageResponse({
        id: "x",
        model: "m",
        object: "list",
        data: [
          { index: 0, type: "b64_json", b64_json: "AAAA" },
          { index: 1, type: "url", url: "https://cdn.example/1.jpg" },
        ],
      }),
    ).toEqual({ valid: true });
  });

  it("rejects a wrong object, an item without its payload and a missing id", () => {
    const result = validateImageResponse({ model: "m", object: "image", data: [{ index: 0, type: "b64_json" }] });
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.errors).toContain("/ must have required property 'id'");
    expect(result.errors).toContain('/object must be equal to constant: "list"');
    expect(result.errors).toContain("/data/0 must have required property 'b64_json'");
  });
});

describe("validateErrorBody", () => {
  it("accepts Together's error shape, with null param and code", () => {
    expect(validateErrorBody({ id: "o3Li", error: { message: "Credit limit exceeded.", type: "credit_limit", param: null, code: null } })).toEqual({ valid: true });
    expect(validateErrorBody({ error: { message: "m", type: "invalid_request_error", param: "width", code: "x" } })).toEqual({ valid: true });
  });

  it("rejects bodies without error.message or error.type", () => {
    const result = validateErrorBody({ error: { message: 5 } });
    expect(result).toEqual({ valid: false, errors: ["/error must have required property 'type'", "/error/message must be string"] });
    expect(validateErrorBody({ message: "flat" }).valid).toBe(false);
  });
});
