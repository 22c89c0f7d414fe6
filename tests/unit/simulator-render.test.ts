import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { renderSimulatedImage, type RenderInput } from "@/lib/together/simulator/render";

const base: RenderInput = {
  prompt: "a misty forest at dawn",
  seed: 42,
  width: 512,
  height: 384,
  index: 0,
  format: "png",
  loras: [
    { path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 1 },
    { path: "https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors", scale: 0.8 },
  ],
};

/** Mean absolute difference per channel of two same-sized images, 0–255. */
async function difference(a: Buffer, b: Buffer): Promise<number> {
  const [pa, pb] = await Promise.all([a, b].map((x) => sharp(x).removeAlpha().raw().toBuffer()));
  let sum = 0;
  for (let i = 0; i < pa.length; i++) sum += Math.abs(pa[i] - pb[i]);
  return sum / pa.length;
}

describe("renderSimulatedImage", () => {
  it("is deterministic: identical input gives identical bytes (png and jpeg)", async () => {
    expect((await renderSimulatedImage(base)).equals(await renderSimulatedImage({ ...base }))).toBe(true);
    const jpeg = { ...base, format: "jpeg" as const };
    expect((await renderSimulatedImage(jpeg)).equals(await renderSimulatedImage(jpeg))).toBe(true);
  });

  it("produces the requested size and format", async () => {
    const png = await sharp(await renderSimulatedImage(base)).metadata();
    expect(png).toMatchObject({ format: "png", width: 512, height: 384 });
    const jpeg = await sharp(await renderSimulatedImage({ ...base, format: "jpeg", width: 256, height: 1920 })).metadata();
    expect(jpeg).toMatchObject({ format: "jpeg", width: 256, height: 1920 });
  });

  it.each<[string, Partial<RenderInput>]>([
    ["prompt", { prompt: "neon city at night" }],
    ["seed", { seed: 43 }],
    ["image index", { index: 1 }],
    ["first LoRA", { loras: [{ path: "https://replicate.com/fofr/flux-black-light", scale: 1 }, base.loras[1]] }],
    ["first LoRA's scale", { loras: [{ ...base.loras[0], scale: 1.4 }, base.loras[1]] }],
    ["second LoRA's scale", { loras: [base.loras[0], { ...base.loras[1], scale: 0.3 }] }],
    ["LoRA removed", { loras: [base.loras[0]] }],
  ])("changes visibly when the %s changes", async (_, patch) => {
    const diff = await difference(await renderSimulatedImage(base), await renderSimulatedImage({ ...base, ...patch }));
    expect(diff).toBeGreaterThan(2);
  });

  it("a LoRA at scale 0 is invisible apart from its caption", async () => {
    const without = { ...base, loras: [base.loras[0]] };
    const zero = { ...base, loras: [base.loras[0], { ...base.loras[1], scale: 0 }] };
    const diff = await difference(await renderSimulatedImage(without), await renderSimulatedImage(zero));
    expect(diff).toBeGreaterThan(0); // the caption lists the scale
    expect(diff).toBeLessThan(1);
  });

  it("a stronger scale moves the image further from no LoRA", async () => {
    const none = await renderSimulatedImage({ ...base, loras: [] });
    const at = (scale: number) => renderSimulatedImage({ ...base, loras: [{ ...base.loras[0], scale }] });
    expect(await difference(none, await at(2))).toBeGreaterThan(await difference(none, await at(0.5)));
  });

  it("renders 1024×1024 well under 300 ms", async () => {
    const input = { ...base, width: 1024, height: 1024 };
    await renderSimulatedImage(input); // warm-up
    const started = performance.now();
    await renderSimulatedImage(input);
    expect(performance.now() - started).toBeLessThan(300);
  });
});
