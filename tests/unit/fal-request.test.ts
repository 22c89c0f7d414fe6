import { describe, expect, it } from "vitest";
import { falAppPath, rewriteFalUrl } from "@/lib/fal/endpoints";
import { falInput, falLoraPath } from "@/lib/fal/request";
import type { ProviderRequest } from "@/lib/providers/types";

const request: ProviderRequest = {
  model: "fal-ai/flux-2/lora",
  prompt: "trtcrd, a fox",
  width: 1024,
  height: 768,
  steps: 28,
  n: 2,
  seed: 42,
  guidance: 3,
  loras: [{ path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.9 }],
};

describe("falInput", () => {
  it("maps every setting to fal's names, LoRA paths translated", () => {
    expect(falInput(request)).toEqual({
      prompt: "trtcrd, a fox",
      image_size: { width: 1024, height: 768 },
      num_inference_steps: 28,
      guidance_scale: 3,
      seed: 42,
      num_images: 2,
      loras: [{ path: "multimodalart/flux-tarot-v1", scale: 0.9 }],
      output_format: "jpeg",
      enable_safety_checker: true,
      sync_mode: false,
    });
  });

  it("leaves guidance to fal's default when unset, and sends no empty LoRA list", () => {
    const input = falInput({ ...request, guidance: null, loras: [] });
    expect(input).not.toHaveProperty("guidance_scale");
    expect(input).not.toHaveProperty("loras");
  });

  it("refuses a model id that is not in fal's owner/app form", () => {
    for (const model of ["flux-lora", "https://fal.run/fal-ai/flux-lora", "fal-ai/../x y"]) {
      expect(() => falInput({ ...request, model })).toThrow(expect.objectContaining({ code: "model_not_found", field: "model" }));
    }
  });

  it("builds the same input for a fal endpoint an operator added (LORASCOPE_MODELS)", () => {
    expect(falInput({ ...request, model: "acme/flux-lora-turbo" })).toEqual(falInput(request));
  });

  it("refuses a LoRA fal cannot load, naming the slot, before anything is sent", () => {
    const loras = [request.loras[0], { path: "https://replicate.com/fofr/flux-80s-cyberpunk", scale: 1 }];
    expect(() => falInput({ ...request, loras })).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "loras.1.path", message: expect.stringMatching(/^LoRA 2: fal\.ai cannot load a Replicate model reference.*Nothing was sent or charged\.$/) }),
    );
  });
});

describe("falLoraPath", () => {
  it.each([
    ["https://huggingface.co/multimodalart/flux-tarot-v1", "multimodalart/flux-tarot-v1"],
    ["multimodalart/flux-tarot-v1", "multimodalart/flux-tarot-v1"],
    ["https://huggingface.co/XLabs-AI/flux-RealismLora/resolve/main/lora.safetensors", "https://huggingface.co/XLabs-AI/flux-RealismLora/resolve/main/lora.safetensors"],
    ["https://civitai.com/api/download/models/123456", "https://civitai.com/api/download/models/123456"],
    ["https://civitai.com/api/download/models/123456?type=Model&format=SafeTensor", "https://civitai.com/api/download/models/123456?type=Model&format=SafeTensor"],
    ["https://files.example.com/loras/ink%20wash.safetensors", "https://files.example.com/loras/ink%20wash.safetensors"],
  ])("%s → %s", (path, expected) => {
    expect(falLoraPath(path)).toEqual({ ok: true, path: expected });
  });

  it.each([
    ["https://replicate.com/fofr/flux-80s-cyberpunk", /Replicate model reference/],
    ["https://replicate.com/fofr/flux-80s-cyberpunk/versions/0123456789abcdef", /Replicate model reference/],
    ["https://example.com/lora.ckpt", /none of those/],
    ["http://example.com/lora.safetensors", /none of those/],
    ["not a path", /none of those/],
    ["a/b/c", /none of those/],
  ])("refuses %s", (path, reason) => {
    const result = falLoraPath(path);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(reason);
      expect(result.reason).toMatch(/fal\.ai/);
      expect(result.reason).not.toMatch(/\.\.|Together/);
    }
  });
});

describe("fal URLs", () => {
  it("status, result and cancel live under owner/alias (the subpath is dropped)", () => {
    expect(falAppPath("fal-ai/flux-2/lora")).toBe("fal-ai/flux-2");
    expect(falAppPath("fal-ai/flux-lora")).toBe("fal-ai/flux-lora");
  });

  it("rewriteFalUrl moves only the queue host onto FAL_BASE_URL, path and query kept", () => {
    const url = "https://queue.fal.run/fal-ai/flux-2/requests/abc/status?logs=0";
    expect(rewriteFalUrl(url, "http://127.0.0.1:4030")).toBe("http://127.0.0.1:4030/fal-ai/flux-2/requests/abc/status?logs=0");
    expect(rewriteFalUrl(url, "https://gateway.example/fal/")).toBe("https://gateway.example/fal/fal-ai/flux-2/requests/abc/status?logs=0");
    expect(rewriteFalUrl(url, "https://queue.fal.run")).toBe(url);
    expect(rewriteFalUrl("https://rest.fal.ai/storage/upload", "http://127.0.0.1:4030")).toBe("https://rest.fal.ai/storage/upload");
    expect(rewriteFalUrl("https://queue.fal.run.evil.example/x", "http://127.0.0.1:4030")).toBe("https://queue.fal.run.evil.example/x");
  });
});
