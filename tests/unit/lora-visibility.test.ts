import { describe, expect, it } from "vitest";
import { takeFromWindow } from "@/lib/loras/resolve-limit";
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

describe("link lookups per browser", () => {
  it("allows max in the window, then says when to retry, then allows again", () => {
    const times: number[] = [];
    const limit = { max: 3, windowMs: 60_000 };
    for (let i = 0; i < 3; i++) expect(takeFromWindow(times, 1_000 + i, limit)).toEqual({ ok: true });
    expect(takeFromWindow(times, 30_000, limit)).toEqual({ ok: false, retryAfterSeconds: 31 });
    expect(takeFromWindow(times, 61_001, limit)).toEqual({ ok: true });
  });
});
