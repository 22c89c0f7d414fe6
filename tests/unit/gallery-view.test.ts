import { describe, expect, it } from "vitest";
import { imageRequestBody } from "@/lib/generation/build-request";
import { loraPageUrl } from "@/lib/gallery/detail";
import { formatDate, formatDateTime, plural } from "@/lib/gallery/format";
import { toGalleryItemView } from "@/lib/gallery/view";
import { buildImageRequest } from "@/lib/generation/build-request";
import { generationInputSchema } from "@/lib/generation/schema";

const TAROT = "https://huggingface.co/multimodalart/flux-tarot-v1";

describe("the request rebuilt from a stored generation", () => {
  it("is byte-for-byte what build-request sent (keys in the same order)", () => {
    const input = generationInputSchema.parse({
      clientRequestId: "00000000-0000-4000-8000-000000000000",
      prompt: "a lighthouse at dusk",
      model: "black-forest-labs/FLUX.1-dev-lora",
      width: 1024,
      height: 768,
      steps: 28,
      n: 2,
      seed: 99,
      guidance: 3.5,
      loras: [
        { path: TAROT, scale: 0.8, triggers: ["in the style of TOK a trtcrd tarot style"] },
        { path: "https://civitai.com/api/download/models/12345", scale: 0.4 },
      ],
    });
    const sent = buildImageRequest(input);
    // What generate() stores: the sent prompt, the parameters, the LoRAs with positions.
    const stored = {
      model: input.model,
      prompt: sent.prompt,
      width: input.width,
      height: input.height,
      steps: input.steps,
      n: input.n,
      seed: input.seed,
      guidance: input.guidance ?? null,
      loras: [
        { position: 2, path: "https://civitai.com/api/download/models/12345", scale: 0.4 },
        { position: 1, path: TAROT, scale: 0.8 },
      ],
    };
    expect(JSON.stringify(imageRequestBody(stored))).toBe(JSON.stringify(sent));
  });

  it("leaves out guidance and LoRAs that were not sent", () => {
    const request = imageRequestBody({ model: "m", prompt: "p", width: 512, height: 512, steps: 4, n: 1, seed: 1, guidance: null, loras: [] });
    expect(Object.keys(request)).toEqual(["model", "prompt", "width", "height", "steps", "n", "seed", "response_format", "output_format"]);
  });
});

describe("LoRA names and links", () => {
  it("links out to the LoRA's page", () => {
    expect(loraPageUrl(TAROT)).toBe(TAROT);
    expect(loraPageUrl("https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors")).toMatch(/^https:\/\/huggingface\.co\/XLabs-AI\/flux-lora-collection/);
    expect(loraPageUrl("not a link")).toBeNull();
  });
});

describe("dates and counts", () => {
  it("shows UTC days and times the same on server and browser", () => {
    expect(formatDate("2026-09-05T23:30:00.000Z")).toBe("5 Sep 2026");
    expect(formatDateTime("2026-09-05T23:30:00.000Z")).toBe("5 Sep 2026, 23:30 UTC");
    expect(plural(1, "image")).toBe("1 image");
    expect(plural(1200, "image")).toBe("1,200 images");
  });
});

describe("gallery tile", () => {
  const row = {
    id: "g1",
    userPrompt: "a fox",
    model: "black-forest-labs/FLUX.1-dev-lora",
    width: 1024,
    height: 768,
    seed: 5,
    provider: "simulator",
    costMicroUsd: 70_000,
    createdAt: new Date("2026-11-25T10:00:00Z"),
    images: [
      { id: "i2", index: 1, width: 1024, height: 768, contentHash: "b".repeat(64), thumbWidth: 512, thumbHeight: 384 },
      { id: "i1", index: 0, width: 1024, height: 768, contentHash: "a".repeat(64), thumbWidth: 512, thumbHeight: 384 },
    ],
    loras: [
      { position: 2, path: "https://huggingface.co/b/two", scale: 0.4 },
      { position: 1, path: TAROT, scale: 0.8 },
    ],
  };

  it("uses the first image's thumbnail and its size, and names LoRAs by title (else by path) with their scales", () => {
    expect(toGalleryItemView(row, new Map([[TAROT, "Tarot"]]))).toEqual({
      id: "g1",
      thumbUrl: `/api/images/i1?v=${"a".repeat(16)}&size=thumb`,
      url: `/api/images/i1?v=${"a".repeat(16)}`,
      width: 512,
      height: 384,
      userPrompt: "a fox",
      model: "black-forest-labs/FLUX.1-dev-lora",
      seed: 5,
      provider: "simulator",
      costMicroUsd: 70_000,
      createdAt: "2026-11-25T10:00:00.000Z",
      loras: [
        { path: TAROT, name: "Tarot", scale: 0.8 },
        { path: "https://huggingface.co/b/two", name: "b/two", scale: 0.4 },
      ],
      imageCount: 2,
    });
  });

  it("falls back to the image's own size before the thumbnail exists, and copes with no images", () => {
    const noThumb = toGalleryItemView({ ...row, images: [{ ...row.images[1], thumbWidth: null, thumbHeight: null }] });
    expect([noThumb.width, noThumb.height]).toEqual([1024, 768]);
    const none = toGalleryItemView({ ...row, images: [] });
    expect([none.thumbUrl, none.url, none.width, none.height, none.imageCount]).toEqual([null, null, 1024, 768, 0]);
  });
});
