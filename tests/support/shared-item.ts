import type { SharedCollectionItem, SweepCellRef } from "@/lib/sharing/view";

/** A shared collection's result as the page components draw it: 512 × 384, simulated, images under /img/{key}. */
export function sharedItem(key: string, cell: SweepCellRef | null = null): SharedCollectionItem {
  return {
    key,
    cell,
    userPrompt: "a lighthouse",
    prompt: "a lighthouse",
    model: "black-forest-labs/FLUX.1-dev-lora",
    modelLabel: "FLUX.1 [dev] + LoRA",
    width: 512,
    height: 384,
    steps: 4,
    n: 1,
    seed: 7,
    guidance: null,
    customTriggers: [],
    triggerPlacement: "before",
    provider: "simulator",
    billedMegapixels: 0.2,
    costMicroUsd: 100,
    createdAt: "2025-01-02T03:04:05.000Z",
    images: [{ index: 0, width: 512, height: 384, url: `/img/${key}`, thumbUrl: `/img/${key}?size=thumb`, downloadUrl: `/img/${key}?download=1` }],
    loras: [],
  };
}
