import { describe, expect, it } from "vitest";
import { buildImageRequest } from "@/lib/generation/build-request";
import { buildPrompt } from "@/lib/generation/prompt";
import { generationInputSchema } from "@/lib/generation/schema";

describe("buildPrompt", () => {
  it("puts enabled triggers before the prompt by default", () => {
    expect(buildPrompt("a cat", ["in the style of TOK a trtcrd tarot style"])).toBe("in the style of TOK a trtcrd tarot style, a cat");
  });
  it("can place them after", () => {
    expect(buildPrompt("a cat", ["BLKLGHT"], "after")).toBe("a cat, BLKLGHT");
  });
  it("normalises whitespace and drops empty or duplicate phrases", () => {
    expect(buildPrompt("  a   cat \n", [" MJ v6 ", "", "mj v6", "Animeo"])).toBe("MJ v6, Animeo, a cat");
  });
  it("does not repeat a trigger already in the prompt", () => {
    expect(buildPrompt("Animeo style fox", ["animeo"])).toBe("Animeo style fox");
  });
  it("returns the prompt unchanged without triggers", () => {
    expect(buildPrompt("a cat", [])).toBe("a cat");
  });
});

const valid = {
  clientRequestId: "3b241101-e2bb-4255-8caf-4136c566a962",
  prompt: "a lighthouse",
  model: "black-forest-labs/FLUX.1-dev-lora",
  width: 1024,
  height: 768,
  steps: 28,
  n: 2,
  seed: 7,
  loras: [
    { path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.8, triggers: ["in the style of TOK a trtcrd tarot style"] },
    { path: "https://replicate.com/fofr/flux-black-light", scale: 0.55, triggers: ["BLKLGHT"] },
  ],
};

describe("generationInputSchema + buildImageRequest", () => {
  it("turns studio settings into Together's exact request body", () => {
    const input = generationInputSchema.parse(valid);
    expect(buildImageRequest(input)).toEqual({
      model: "black-forest-labs/FLUX.1-dev-lora",
      prompt: "in the style of TOK a trtcrd tarot style, BLKLGHT, a lighthouse",
      width: 1024,
      height: 768,
      steps: 28,
      n: 2,
      seed: 7,
      response_format: "base64",
      output_format: "jpeg",
      image_loras: [
        { path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.8 },
        { path: "https://replicate.com/fofr/flux-black-light", scale: 0.55 },
      ],
    });
  });

  it("sends no image_loras key without LoRAs", () => {
    const input = generationInputSchema.parse({ ...valid, loras: [] });
    expect(buildImageRequest(input)).not.toHaveProperty("image_loras");
  });

  it.each([
    [{ width: 1020 }, "width", "multiple of 8"],
    [{ height: 2048 }, "height", "between 256 and 1920"],
    [{ steps: 0 }, "steps", "between 1 and 50"],
    [{ n: 5 }, "n", "At most 4"],
    [{ prompt: "   " }, "prompt", "Write a prompt"],
    [{ model: "x/y" }, "model", ""],
    [{ seed: -1 }, "seed", ""],
    [{ clientRequestId: "not-a-uuid" }, "clientRequestId", ""],
  ])("rejects %o with a message on %s", (patch, field, text) => {
    const result = generationInputSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === field);
    expect(issue, JSON.stringify(result.error!.issues)).toBeDefined();
    expect(issue!.message).toContain(text);
  });

  it("rejects a third LoRA and scales outside 0–2", () => {
    const lora = valid.loras[0];
    expect(generationInputSchema.safeParse({ ...valid, loras: [lora, lora, lora] }).success).toBe(false);
    expect(generationInputSchema.safeParse({ ...valid, loras: [{ ...lora, scale: 2.5 }] }).success).toBe(false);
  });
});
