import { describe, expect, it } from "vitest";
import { visibleLoras } from "@/lib/loras/search/visibility";

const entries = [
  { path: "https://huggingface.co/multimodalart/flux-tarot-v1", starter: true },
  { path: "https://files.example.org/mine.safetensors?token=secret", starter: false },
  { path: "https://huggingface.co/acme/shared-style", starter: false },
];

describe("who sees a catalog LoRA", () => {
  it("a new browser sees the starter set and shared results' LoRAs, never someone's pasted link", () => {
    const seen = visibleLoras(entries, { ownPaths: new Set(), sharedPaths: new Set([entries[2].path]) });
    expect(seen.map((e) => e.path)).toEqual([entries[0].path, entries[2].path]);
  });

  it("the browser that pasted a link sees it", () => {
    const seen = visibleLoras(entries, { ownPaths: new Set([entries[1].path]), sharedPaths: new Set() });
    expect(seen.map((e) => e.path)).toEqual([entries[0].path, entries[1].path]);
  });
});
