import { describe, expect, it } from "vitest";
import starter from "@/lib/loras/starter-loras.json";
import { editDistance, rankLoras, repoWords, tokenize, type RankableLora } from "@/lib/loras/search/rank";

const now = new Date("2026-11-25T12:00:00Z");
const entries: RankableLora[] = starter.loras.map((l) => ({
  path: l.path,
  title: l.title,
  triggers: l.triggers,
  tags: l.tags,
  source: "huggingface-repo",
  base: l.base,
  usageCount: 0,
  lastUsedAt: null,
  starter: true,
}));
const titles = (q: string, opts = {}) => rankLoras(q, entries, { now, ...opts }).map((r) => r.entry.title);

describe("rankLoras", () => {
  it("puts Tarot first for 'tarot', also by prefix and with a typo", () => {
    expect(titles("tarot")[0]).toBe("Tarot");
    expect(titles("tar")[0]).toBe("Tarot");
    expect(titles("TAR")[0]).toBe("Tarot");
    expect(titles("tarrot")[0]).toBe("Tarot");
    expect(titles("trot")).toContain("Tarot"); // one deletion, 4 chars
  });

  it("is diacritic-insensitive and matches triggers, repo names and tags", () => {
    expect(titles("tàröt")[0]).toBe("Tarot");
    expect(titles("trtcrd")[0]).toBe("Tarot"); // trigger word
    expect(titles("multimodalart")[0]).toBe("Tarot"); // repo owner
    expect(titles("BLKLGHT")[0]).toBe("Black Light");
    expect(titles("isometric")).toEqual(expect.arrayContaining(["Isometric 3D", "Isometric 3D Cinematography"]));
  });

  it("'anim' finds the anime LoRAs first", () => {
    const anime = entries.filter((e) => e.tags.includes("anime") || /anim/i.test(e.title)).map((e) => e.title);
    expect(anime.length).toBeGreaterThanOrEqual(3);
    const got = titles("anim");
    expect(new Set(got.slice(0, anime.length))).toEqual(new Set(anime));
  });

  it("requires every query token to match", () => {
    expect(titles("tarot anime")).toEqual([]);
    expect(titles("isometric cinematography")[0]).toBe("Isometric 3D Cinematography");
  });

  it("ranks favorites first among equal matches", () => {
    const plain = titles("isometric");
    const fav = entries.find((e) => e.title === plain[1])!;
    expect(titles("isometric", { favorites: new Set([fav.path]) })[0]).toBe(fav.title);
  });

  it("lets a heavily used LoRA beat a fresh one on an equal match", () => {
    const a = { ...entries[0], path: "https://huggingface.co/a/style-one", title: "Neon Style", usageCount: 0 };
    const b = { ...entries[0], path: "https://huggingface.co/b/style-two", title: "Neon Style", usageCount: 250, lastUsedAt: new Date(now.getTime() - 40 * 86_400_000) };
    expect(rankLoras("neon", [a, b], { now }).map((r) => r.entry.path)).toEqual([b.path, a.path]);
  });

  it("still prefers a better match over usage", () => {
    const exact = { ...entries[0], path: "https://huggingface.co/a/x", title: "Tarot", triggers: [] };
    const used = { ...entries[0], path: "https://huggingface.co/b/y", title: "Misc", triggers: [], tags: ["tarot"], usageCount: 20 };
    expect(rankLoras("tarot", [used, exact], { now })[0].entry.path).toBe(exact.path);
  });

  it("orders an empty query by favorites, then usage, then starter", () => {
    const list = [
      { ...entries[0], path: "p:fresh", title: "A", starter: false },
      { ...entries[0], path: "p:starter", title: "B", starter: true },
      { ...entries[0], path: "p:used", title: "C", starter: false, usageCount: 3 },
      { ...entries[0], path: "p:fav", title: "D", starter: false },
    ];
    expect(rankLoras("  ", list, { now, favorites: new Set(["p:fav"]) }).map((r) => r.entry.path)).toEqual(["p:fav", "p:used", "p:starter", "p:fresh"]);
  });
});

describe("helpers", () => {
  it("tokenizes and measures edits", () => {
    expect(tokenize("Flux-Tarot_v1 Café")).toEqual(["flux", "tarot", "v1", "cafe"]);
    expect(editDistance("tarrot", "tarot", 1)).toBe(1);
    expect(editDistance("tarto", "tarot", 1)).toBe(1); // transposition
    expect(editDistance("abcdefgh", "zzzzzzzz", 2)).toBe(3);
    expect(repoWords("https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors")).toEqual(["XLabs-AI", "flux-lora-collection", "anime_lora"]);
  });

  it("reads repo words from every LoRA path form, and never throws", () => {
    expect(repoWords("https://replicate.com/fofr/flux-black-light/versions/abc123ef")).toEqual(["fofr", "flux-black-light"]);
    expect(repoWords("https://civitai.com/api/download/models/913438")).toEqual([]);
    expect(repoWords("https://cdn.example.com/loras/my_style.safetensors")).toEqual(["my_style"]);
    expect(repoWords("not a link")).toEqual([]);
    // A malformed percent-escape used to throw out of decodeURIComponent and break ranking.
    expect(repoWords("https://huggingface.co/%E0%A4%A/repo")).toEqual(["%E0%A4%A", "repo"]);
  });
});
