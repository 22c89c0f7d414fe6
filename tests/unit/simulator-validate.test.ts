import { describe, expect, it } from "vitest";
import { validateSimulatedRequest } from "@/lib/together/simulator/validate";
import { validateErrorBody } from "@/lib/together/contract/validate";
import { parseUnusedKeys } from "@/lib/together/errors";

const MODEL = "black-forest-labs/FLUX.1-dev-lora";
const base = {
  model: MODEL,
  prompt: "a fox in the style of TOK",
  width: 1024,
  height: 768,
  steps: 28,
  n: 1,
  response_format: "base64",
  image_loras: [{ path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 1 }],
};

function rejected(body: unknown) {
  const result = validateSimulatedRequest(body);
  if (result.ok) throw new Error("expected a rejection");
  expect(validateErrorBody(result.error.body)).toEqual({ valid: true });
  expect(result.error.body.error.type).toBe("invalid_request_error");
  return result.error;
}

describe("validateSimulatedRequest", () => {
  it("accepts a valid request and fills Together's defaults", () => {
    const result = validateSimulatedRequest({ model: MODEL, prompt: "p" });
    expect(result).toMatchObject({ ok: true, request: { width: 1024, height: 1024, steps: 20, n: 1, responseFormat: "url", outputFormat: "jpeg", loras: [] } });
    expect(validateSimulatedRequest(base)).toMatchObject({ ok: true, request: { model: { id: MODEL }, loras: base.image_loras } });
  });

  it("checks the contract first (400, param from the failing field)", () => {
    expect(rejected({ ...base, width: "wide", model: "nope/unknown" })).toMatchObject({ status: 400, body: { error: { param: "width" } } });
    expect(rejected({ prompt: "p" })).toMatchObject({ status: 400, body: { error: { param: "model", message: "Invalid request: model is required" } } });
    expect(rejected({ ...base, image_loras: [{ path: "https://x.com/a.safetensors", scale: "1" }] }).body.error.param).toBe("image_loras[0].scale");
    expect(rejected("not an object").body.error.param).toBeNull();
  });

  it("answers 404 in Together's wording for an unknown model", () => {
    expect(rejected({ ...base, model: "acme/nope" })).toMatchObject({
      status: 404,
      body: { error: { message: "Unable to access model acme/nope. Please visit https://api.together.ai/models to view the list of supported models." } },
    });
  });

  it.each([
    [{ width: 128 }, "width"],
    [{ width: 2048 }, "width"],
    [{ height: 1001 }, "height"],
    [{ steps: 0 }, "steps"],
    [{ steps: 51 }, "steps"],
    [{ n: 5 }, "n"],
    [{ n: 0 }, "n"],
    [{ prompt: "  " }, "prompt"],
    [{ prompt: "x".repeat(4001) }, "prompt"],
    [{ image_loras: [1, 2, 3].map((i) => ({ path: `https://x.com/${i}.safetensors`, scale: 1 })) }, "image_loras"],
    [{ image_loras: [{ path: "https://huggingface.co/o/r/blob/main/a.safetensors", scale: 1 }] }, "image_loras[0].path"],
    [{ image_loras: [{ path: "https://x.com/a.safetensors", scale: 1 }, { path: "https://x.com/a.ckpt", scale: 1 }] }, "image_loras[1].path"],
    [{ image_loras: [{ path: "https://x.com/a.safetensors", scale: Infinity }] }, "image_loras[0].scale"],
  ])("rejects the model's limits: %j → param %s", (patch, param) => {
    expect(rejected({ ...base, ...patch })).toMatchObject({ status: 400, body: { error: { param } } });
  });

  it("accepts a scale parsed as 1e999 only if finite (JSON.parse gives Infinity)", () => {
    const body = JSON.parse('{"model":"' + MODEL + '","prompt":"p","image_loras":[{"path":"https://x.com/a.safetensors","scale":1e999}]}');
    expect(rejected(body).body.error.param).toBe("image_loras[0].scale");
  });

  it.each([
    "https://huggingface.co/someone/sdxl-pixel-art",
    "https://huggingface.co/someone/styles/resolve/main/ink_SD1.5.safetensors",
    "https://example.com/loras/watercolor_sd15.safetensors",
    "https://replicate.com/someone/SD-1.5-comic",
  ])("simulates an incompatible (non-FLUX) LoRA for %s", (path) => {
    const error = rejected({ ...base, image_loras: [{ path, scale: 1 }] });
    expect(error.status).toBe(400);
    expect(error.body.error.message).toMatch(/has unused keys lora_unet_down_blocks_0_attentions_0_proj_in\.alpha, /);
    // The app's parser reads the key list back out of the message.
    expect(parseUnusedKeys(error.body.error.message)?.[0]).toBe("lora_unet_down_blocks_0_attentions_0_proj_in.alpha");
  });

  it("does not flag FLUX LoRAs whose owner merely mentions sdxl", () => {
    expect(validateSimulatedRequest({ ...base, image_loras: [{ path: "https://huggingface.co/sdxl-fan/flux-ink", scale: 1 }] }).ok).toBe(true);
  });
});
