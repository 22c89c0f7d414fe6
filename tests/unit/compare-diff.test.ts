import { describe, expect, it } from "vitest";
import { diffParams, splitRows, type CompareParams, type DiffRow } from "@/lib/compare/diff";

const TAROT = { position: 1, name: "multimodalart/flux-tarot-v1", path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.3 };
const ANIME = { position: 2, name: "XLabs-AI/flux-lora-collection · anime_lora.safetensors", path: "https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors", scale: 0.8 };

const base: CompareParams = {
  userPrompt: "a lighthouse at dusk",
  prompt: "a lighthouse at dusk, in the style of TOK a trtcrd tarot style",
  modelLabel: "FLUX.1 [dev] + LoRA",
  width: 1024,
  height: 768,
  steps: 28,
  n: 1,
  seed: 42,
  guidance: null,
  provider: "simulator",
  loras: [TAROT],
  costMicroUsd: 35_000,
};
const baseline: CompareParams = { ...base, prompt: base.userPrompt, loras: [] };

const labels = (rows: DiffRow[]) => rows.map((r) => r.label);
const differing = (rows: DiffRow[]) => rows.filter((r) => r.different).map(({ label, a, b }) => ({ label, a, b }));

describe("diffParams: what differs", () => {
  it.each<[string, CompareParams, CompareParams, { label: string; a: string; b: string }[]]>([
    ["two sweep cells: only LoRA 1 scale", base, { ...base, loras: [{ ...TAROT, scale: 0.9 }] }, [{ label: "LoRA 1 scale", a: "0.3", b: "0.9" }]],
    [
      "a baseline (no LoRA) against a LoRA result",
      baseline,
      base,
      [
        { label: "LoRA 1", a: "none", b: "multimodalart/flux-tarot-v1" },
        { label: "LoRA 1 scale", a: "—", b: "0.3" },
        { label: "Prompt sent", a: "a lighthouse at dusk", b: base.prompt },
      ],
    ],
    ["identical results", base, { ...base, loras: [{ ...TAROT }] }, []],
    ["two baselines", baseline, { ...baseline }, []],
    ["seeds", base, { ...base, seed: 43 }, [{ label: "Seed", a: "42", b: "43" }]],
    [
      "size, steps, images and cost",
      base,
      { ...base, width: 768, height: 1024, steps: 4, n: 2, costMicroUsd: 70_000 },
      [
        { label: "Size", a: "1024×768", b: "768×1024" },
        { label: "Steps", a: "28", b: "4" },
        { label: "Images", a: "1", b: "2" },
        { label: "Cost", a: "$0.035", b: "$0.070" },
      ],
    ],
    ["guidance against the model default", base, { ...base, guidance: 3.5 }, [{ label: "Guidance", a: "model default", b: "3.5" }]],
    ["model and provider", base, { ...base, modelLabel: "FLUX.2 [dev]", provider: "together" }, [{ label: "Model", a: "FLUX.1 [dev] + LoRA", b: "FLUX.2 [dev]" }, { label: "Provider", a: "Together AI (simulated)", b: "Together AI" }]],
    [
      "a second LoRA on one side only",
      base,
      { ...base, loras: [TAROT, ANIME] },
      [
        { label: "LoRA 2", a: "none", b: ANIME.name },
        { label: "LoRA 2 scale", a: "—", b: "0.8" },
      ],
    ],
    [
      "the same name from another file shows the paths",
      base,
      { ...base, loras: [{ ...TAROT, path: "https://example.com/tarot.safetensors" }] },
      [{ label: "LoRA 1", a: `${TAROT.name} (${TAROT.path})`, b: `${TAROT.name} (https://example.com/tarot.safetensors)` }],
    ],
    ["scales equal once rounded as shown", base, { ...base, loras: [{ ...TAROT, scale: 0.3000001 }] }, []],
  ])("%s", (_name, a, b, expected) => {
    expect(differing(diffParams(a, b))).toEqual(expected);
  });
});

describe("diffParams: rows and order", () => {
  it("reads LoRAs first, then seed and prompts, then the rest", () => {
    expect(labels(diffParams(base, { ...base, loras: [TAROT, ANIME] }))).toEqual([
      "LoRA 1",
      "LoRA 1 scale",
      "LoRA 2",
      "LoRA 2 scale",
      "Seed",
      "Prompt",
      "Prompt sent",
      "Model",
      "Size",
      "Steps",
      "Images",
      "Guidance",
      "Cost",
      "Provider",
    ]);
  });

  it("says once that neither used a LoRA, without a scale row", () => {
    const rows = diffParams(baseline, baseline);
    expect(rows.slice(0, 2)).toEqual([
      { label: "LoRA 1", a: "none", b: "none", different: false },
      { label: "Seed", a: "42", b: "42", different: false },
    ]);
  });

  it("keeps a LoRA at position 2 alone in its own rows (position 1 empty on both sides)", () => {
    const only2 = { ...base, loras: [ANIME] };
    expect(labels(diffParams(only2, only2)).slice(0, 3)).toEqual(["LoRA 1", "LoRA 2", "LoRA 2 scale"]);
  });

  it("is symmetric: swapping A and B swaps the values", () => {
    const ab = diffParams(baseline, base);
    const ba = diffParams(base, baseline);
    expect(ba).toEqual(ab.map((r) => ({ ...r, a: r.b, b: r.a })));
  });
});

describe("splitRows", () => {
  it("puts differing rows first, each group in reading order", () => {
    const rows = diffParams(base, { ...base, seed: 7, loras: [{ ...TAROT, scale: 1 }] });
    const { different, same } = splitRows(rows);
    expect(labels(different)).toEqual(["LoRA 1 scale", "Seed"]);
    expect(labels(same)).toEqual(["LoRA 1", "Prompt", "Prompt sent", "Model", "Size", "Steps", "Images", "Guidance", "Cost", "Provider"]);
  });

  it("identical results: nothing differs", () => {
    expect(splitRows(diffParams(base, base)).different).toEqual([]);
  });
});
