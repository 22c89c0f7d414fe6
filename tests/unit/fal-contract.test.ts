import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateFalInput, validateFalOutput } from "@/lib/fal/contract/validate";
import { FAL_ENDPOINT_IDS, type FalEndpointId } from "@/lib/fal/endpoints";
import { falInput } from "@/lib/fal/request";
import { createFalSimulatorHandler } from "@/lib/fal/simulator/handler";
import type { ProviderRequest } from "@/lib/providers/types";

// Contract: every body the app builds validates against fal's input schema for its endpoint.

const loraPaths = [
  "https://huggingface.co/multimodalart/flux-tarot-v1",
  "https://huggingface.co/XLabs-AI/flux-RealismLora/resolve/main/lora.safetensors",
  "https://civitai.com/api/download/models/123456?type=Model&format=SafeTensor",
  "https://files.example.com/ink.safetensors",
];

function* requests(endpoint: FalEndpointId): Generator<ProviderRequest> {
  const sizes = [[512, 512], [1024, 768], [768, 1344], [2048, 2048]];
  const maxLoras = endpoint === "fal-ai/flux-2/lora" ? 3 : 4;
  for (const [width, height] of sizes) {
    for (const steps of [4, 28, 50]) {
      for (const n of [1, 4]) {
        for (let count = 0; count <= maxLoras; count++) {
          yield {
            model: endpoint,
            prompt: `a prompt with "quotes" and ünïcödé, ${width}x${height}`,
            width,
            height,
            steps,
            n,
            seed: (width * steps) % 2_147_483_647,
            guidance: count % 2 === 0 ? null : endpoint === "fal-ai/flux-2/lora" ? 20 : 35,
            loras: loraPaths.slice(0, count).map((path, i) => ({ path, scale: [0, 0.8, 2, 4][i] })),
          };
        }
      }
    }
  }
}

describe.each(FAL_ENDPOINT_IDS)("%s input contract", (endpoint) => {
  it("accepts every body falInput builds", () => {
    let checked = 0;
    for (const request of requests(endpoint)) {
      expect(validateFalInput(endpoint, falInput(request)), JSON.stringify(request)).toEqual({ valid: true });
      checked++;
    }
    expect(checked).toBeGreaterThan(90);
  });

  it("refuses what fal would not take (and catches misspelt keys)", () => {
    const ok = falInput({ model: endpoint, prompt: "p", width: 1024, height: 1024, steps: 28, n: 1, seed: 1, guidance: null, loras: [] });
    expect(validateFalInput(endpoint, { ...ok, num_images: 5 })).toMatchObject({ valid: false, errors: ["/num_images must be <= 4"] });
    expect(validateFalInput(endpoint, { ...ok, image_size: { width: 1024.5, height: 1024 } })).toMatchObject({ valid: false });
    expect(validateFalInput(endpoint, { ...ok, loras: [{ path: "a/b", scale: 4.5 }] })).toMatchObject({ valid: false, errors: ["/loras/0/scale must be <= 4"] });
    expect(validateFalInput(endpoint, { ...ok, negative_prompt: "x" })).toMatchObject({ valid: false, errors: ["/ must NOT have additional properties: negative_prompt"] });
    const { prompt: _prompt, ...noPrompt } = ok;
    expect(validateFalInput(endpoint, noPrompt)).toMatchObject({ valid: false, errors: ["/ must have required property 'prompt'"] });
    expect(validateFalInput(endpoint, { prompt: "p", image_size: "square_hd" })).toEqual({ valid: true });
  });

  it("names its sources", () => {
    const file = endpoint === "fal-ai/flux-lora" ? "flux-lora" : "flux-2-lora";
    const schema = JSON.parse(readFileSync(`lib/fal/contract/${file}.input.schema.json`, "utf8"));
    expect(schema.$comment).toMatch(/docs\/fal\.md/);
    expect(schema.$comment).toMatch(/fal-js/);
  });
});

describe("FLUX.2-only limits", () => {
  it("flux-2/lora takes at most 3 LoRAs and sizes 512-2048; flux-lora has no such limits", () => {
    const four = { prompt: "p", loras: Array.from({ length: 4 }, () => ({ path: "a/b", scale: 1 })) };
    expect(validateFalInput("fal-ai/flux-2/lora", four)).toMatchObject({ valid: false, errors: ["/loras must NOT have more than 3 items"] });
    expect(validateFalInput("fal-ai/flux-lora", four)).toEqual({ valid: true });
    const small = { prompt: "p", image_size: { width: 256, height: 512 } };
    expect(validateFalInput("fal-ai/flux-2/lora", small)).toMatchObject({ valid: false });
    expect(validateFalInput("fal-ai/flux-lora", small)).toEqual({ valid: true });
  });
});

describe("output contract", () => {
  it("the simulator's result matches fal's output shape", async () => {
    const handler = createFalSimulatorHandler({ pollsBeforeCompleted: 0 });
    const auth = { authorization: "Key id:secret", "content-type": "application/json" };
    const input = falInput({ model: "fal-ai/flux-lora", prompt: "p", width: 64, height: 64, steps: 4, n: 2, seed: 3, guidance: null, loras: [] });
    const submitted = await (await handler(new Request("https://fal-simulator.lorascope.invalid/fal-ai/flux-lora", { method: "POST", headers: auth, body: JSON.stringify(input) }))).json();
    await handler(new Request(submitted.status_url, { headers: auth }));
    const output = await (await handler(new Request(submitted.response_url, { headers: auth }))).json();
    expect(validateFalOutput(output)).toEqual({ valid: true });
    expect(output).toMatchObject({ seed: 3, has_nsfw_concepts: [false, false], prompt: "p", images: [{ width: 64, height: 64, content_type: "image/jpeg" }, {}] });
  });
});
