import { describe, expect, it } from "vitest";
import { SHARE_SLUG_BYTES, SHARE_SLUG_LENGTH, collectionSharePath, generationSharePath, isShareSlug, newShareSlug } from "@/lib/sharing/slug";
import { describeResult, parseAxes, parseCell, toSharedLora, toSharedResult, generationImageUrl } from "@/lib/sharing/view";

describe("share slugs", () => {
  it("are 24 base64url characters carrying at least 128 random bits", () => {
    for (let i = 0; i < 1000; i++) {
      const slug = newShareSlug();
      expect(slug).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(slug.length).toBe(SHARE_SLUG_LENGTH);
      expect(slug.length).toBeGreaterThanOrEqual(22);
      const bytes = Buffer.from(slug, "base64url");
      expect(bytes.length).toBe(SHARE_SLUG_BYTES);
      expect(bytes.length).toBeGreaterThanOrEqual(16);
      // Round trip: no padding, no lost bits.
      expect(bytes.toString("base64url")).toBe(slug);
    }
  });

  it("do not repeat in 100,000 draws", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(newShareSlug());
    expect(seen.size).toBe(100_000);
  });

  it("use the whole alphabet (no fixed characters that would lower the entropy)", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 5_000; i++) for (const c of newShareSlug()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(64);
  });

  it("shape check accepts only what newShareSlug makes", () => {
    expect(isShareSlug(newShareSlug())).toBe(true);
    for (const bad of ["", "abc", "a".repeat(23), "a".repeat(25), `${"a".repeat(23)}=`, `${"a".repeat(23)}/`, `${"a".repeat(23)}.`, "../../../../etc/passwd...", 42, null, undefined]) {
      expect(isShareSlug(bad), String(bad)).toBe(false);
    }
  });

  it("paths", () => {
    expect(generationSharePath("x".repeat(24))).toBe(`/s/${"x".repeat(24)}`);
    expect(collectionSharePath("y".repeat(24))).toBe(`/c/${"y".repeat(24)}`);
  });
});

describe("public views", () => {
  it("name LoRAs readably from their paths", () => {
    expect(toSharedLora({ position: 1, path: "https://civitai.com/api/download/models/1", scale: 0.7 }, { title: "Tarot", pageUrl: "https://civitai.com/models/9" })).toEqual({
      position: 1,
      path: "https://civitai.com/api/download/models/1",
      scale: 0.7,
      triggers: null,
      name: "Tarot",
      href: "https://civitai.com/models/9",
    });
    // A cached card with a non-http page never becomes a javascript: link.
    expect(toSharedLora({ position: 1, path: "https://huggingface.co/a/b", scale: 1 }, { title: "", pageUrl: "javascript:alert(1)" }).href).toBe("https://huggingface.co/a/b");
  });

  it("map only public fields, with image URLs under the slug", () => {
    const slug = "A".repeat(24);
    const row = {
      id: "gen-1",
      ownerId: "secret-owner",
      userPrompt: "a lighthouse",
      prompt: "tarot, a lighthouse",
      model: "black-forest-labs/FLUX.1-dev-lora",
      width: 1024,
      height: 768,
      steps: 28,
      n: 1,
      seed: 7,
      guidance: 3.5,
      customTriggers: null,
      triggerPlacement: null,
      provider: "simulator",
      billedMegapixels: 1,
      costMicroUsd: 35_000,
      createdAt: new Date("2026-01-02T03:04:05Z"),
      images: [{ index: 0, width: 1024, height: 768, contentHash: "ab".repeat(32), storageKey: "images/ab/ab/x.jpg" }],
      loras: [{ position: 1, path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.8, triggers: null }],
    };
    const view = toSharedResult(row, generationImageUrl(slug));
    const json = JSON.stringify(view);
    expect(json).not.toContain("secret-owner");
    expect(json).not.toContain("images/ab/ab");
    expect(json).not.toContain("gen-1");
    expect(view.images[0]).toEqual({
      index: 0,
      width: 1024,
      height: 768,
      url: `/s/${slug}/images/0?v=${"ab".repeat(8)}`,
      thumbUrl: `/s/${slug}/images/0?v=${"ab".repeat(8)}&size=thumb`,
      downloadUrl: `/s/${slug}/images/0?v=${"ab".repeat(8)}&download=1`,
    });
    expect(view.modelLabel).toBe("FLUX.1 [dev] + LoRA");
    expect(describeResult(view)).toBe("a lighthouse — LoRA: multimodalart/flux-tarot-v1 @ 0.8 · FLUX.1 [dev] + LoRA");
  });

  it("parse sweep axes and cells defensively", () => {
    expect(parseAxes('{"x":{"name":"LoRA 1 scale","values":[0,0.5,1]}}')).toEqual({ x: { name: "LoRA 1 scale", values: [0, 0.5, 1] } });
    expect(parseAxes('{"x":{"name":"a","values":[1]},"y":{"name":"b","values":[2,3]}}')?.y?.values).toEqual([2, 3]);
    for (const bad of [null, "", "not json", "{}", '{"x":{"name":1,"values":[]}}', '{"x":{"name":"a","values":["1"]}}']) expect(parseAxes(bad)).toBeNull();
    expect(parseCell('{"x":2,"y":1}')).toEqual({ x: 2, y: 1 });
    expect(parseCell('{"x":2}')).toEqual({ x: 2, y: 0 });
    for (const bad of [null, "", "[]x", '{"x":-1}', '{"x":1.5}']) expect(parseCell(bad)).toBeNull();
  });
});
