import { describe, expect, it } from "vitest";
import { clip, clipAtWord } from "@/lib/text/clip";

describe("clip", () => {
  it("collapses whitespace to one line", () => {
    expect(clip("  a\n\tcat   on  a mat ", 40)).toBe("a cat on a mat");
  });

  it("cuts to max characters, ellipsis included", () => {
    expect(clip("abcdefghij", 5)).toBe("abcd…");
    expect(clip("abcde", 5)).toBe("abcde");
  });

  it("puts the ellipsis right after the last word kept", () => {
    // The sweep-name copy did this and the shared one did not ("a lighthouse …").
    expect(clip("a lighthouse at dusk", 14)).toBe("a lighthouse…");
  });

  it("uses the fallback for blank text", () => {
    expect(clip(" \n ", 10, "Untitled")).toBe("Untitled");
    expect(clip("", 10)).toBe("");
  });
});

describe("clipAtWord", () => {
  it("cuts at the last word boundary within max, ellipsis included", () => {
    const out = clipAtWord("Tarot 0.3–1.2 · a lighthouse at dusk over a stormy sea", 30);
    expect(out).toBe("Tarot 0.3–1.2 · a lighthouse…");
    expect(out.length).toBeLessThanOrEqual(30);
  });

  it("keeps a word that ends exactly at the room, drops trailing separators", () => {
    expect(clipAtWord("alpha beta gamma", 11)).toBe("alpha beta…");
    expect(clipAtWord("alpha beta · gamma delta", 14)).toBe("alpha beta…");
    expect(clipAtWord("alpha, beta gamma", 9)).toBe("alpha…");
  });

  it("leaves short text alone and cuts one long word inside it", () => {
    expect(clipAtWord("  a  short\ntitle ", 70)).toBe("a short title");
    expect(clipAtWord("Supercalifragilistic expialidocious", 10)).toBe("Supercali…");
    expect(clipAtWord("", 10, "Untitled")).toBe("Untitled");
  });

  it("never ends mid-word on a sweep's name at the og:title length", () => {
    const name = "Tarot 0.3–1.2 × Anime 0.5, 1 · a watercolour lighthouse at dusk above a harbour";
    const title = clipAtWord(name, 70);
    expect(title.length).toBeLessThanOrEqual(70);
    const kept = title.slice(0, -1);
    expect(name.startsWith(kept)).toBe(true);
    expect(name[kept.length]).toBe(" ");
  });
});
