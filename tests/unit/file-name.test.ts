import { describe, expect, it } from "vitest";
import { asciiSlug, contactSheetFileName, contentDisposition, encodeRfc8187, imageFileName, SLUG_MAX_LENGTH, unicodeSlug } from "@/lib/storage/file-name";

describe("download file names", () => {
  it("names an image after its prompt, seed and position", () => {
    expect(imageFileName({ prompt: "A lighthouse at dusk", seed: 1234, index: 1, mimeType: "image/jpeg" })).toEqual({
      ascii: "lorascope-a-lighthouse-at-dusk-seed-1234-2.jpg",
      utf8: "lorascope-a-lighthouse-at-dusk-seed-1234-2.jpg",
    });
    expect(imageFileName({ prompt: "a cat", seed: 7, index: 0, mimeType: "image/webp", variant: "thumb" }).ascii).toBe("lorascope-a-cat-seed-7-1-thumb.webp");
    expect(imageFileName({ prompt: "a cat", seed: 7, index: 0, mimeType: "image/png" }).ascii).toBe("lorascope-a-cat-seed-7-1.png");
    expect(imageFileName({ prompt: "a cat", seed: 7, index: 0, mimeType: "application/x-unknown" }).ascii).toBe("lorascope-a-cat-seed-7-1.bin");
  });

  it("folds accents and punctuation to plain ASCII", () => {
    expect(asciiSlug("Café au lait, ÉTÉ — naïve façade!")).toBe("cafe-au-lait-ete-naive-facade");
    expect(asciiSlug("Straße, Ærø, Łódź")).toBe("strasse-aero-lodz");
    expect(asciiSlug("a dog's life, it’s fine")).toBe("a-dogs-life-its-fine");
    expect(asciiSlug("  --in the style of TOK--  ")).toBe("in-the-style-of-tok");
    expect(asciiSlug("ﬁne ①")).toBe("fine-1");
  });

  it("keeps the slug to 60 characters, cut at a word boundary", () => {
    const prompt = "an extremely detailed oil painting of a lighthouse on a rocky coast at dusk with crashing waves";
    const slug = asciiSlug(prompt);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug).toBe("an-extremely-detailed-oil-painting-of-a-lighthouse-on-a");
    expect(prompt.replace(/ /g, "-").startsWith(slug)).toBe(true);
    // One long word is cut where it must be.
    expect(asciiSlug("x".repeat(100))).toBe("x".repeat(60));
    // A cut that lands exactly on a word end keeps the word.
    expect(asciiSlug(`${"a".repeat(60)} bcd`)).toBe("a".repeat(60));
  });

  it("leaves the slug out when the prompt has nothing ASCII, and keeps it in filename*", () => {
    const name = imageFileName({ prompt: "夕暮れの灯台", seed: 5, index: 0, mimeType: "image/jpeg" });
    expect(name.ascii).toBe("lorascope-seed-5-1.jpg");
    expect(name.utf8).toBe("lorascope-夕暮れの灯台-seed-5-1.jpg");
    expect(imageFileName({ prompt: "🌅🌅", seed: 5, index: 0, mimeType: "image/jpeg" }).ascii).toBe("lorascope-seed-5-1.jpg");
    expect(imageFileName({ prompt: "", seed: -3, index: 2, mimeType: "image/jpeg" }).ascii).toBe("lorascope-seed--3-3.jpg");
  });

  it("unicode slugs keep letters of any script and cut on whole characters", () => {
    expect(unicodeSlug("Café au lait")).toBe("café-au-lait");
    expect(unicodeSlug("Ένας φάρος, στο σούρουπο")).toBe("ένας-φάρος-στο-σούρουπο");
    expect([...new Intl.Segmenter().segment(unicodeSlug("灯".repeat(100)))]).toHaveLength(60);
    // Control and bidi characters never reach a header.
    expect(unicodeSlug("a\u202Eb\u0000c\r\nd")).toBe("a-b-c-d");
  });

  it("Content-Disposition has a quoted ASCII name and an RFC 8187 UTF-8 name", () => {
    const header = contentDisposition("attachment", { ascii: "lorascope-cafe-seed-1-1.jpg", utf8: "lorascope-café-seed-1-1.jpg" });
    expect(header).toBe(`attachment; filename="lorascope-cafe-seed-1-1.jpg"; filename*=UTF-8''lorascope-caf%C3%A9-seed-1-1.jpg`);
    expect(contentDisposition("inline", { ascii: 'evil"; x=1\r\n.jpg', utf8: "a" })).toBe(`inline; filename="evil___x_1__.jpg"; filename*=UTF-8''a`);
    expect(encodeRfc8187("it's (a)*")).toBe("it%27s%20%28a%29%2A");
    // Headers must be ByteStrings: the whole value stays printable ASCII.
    const unicode = contentDisposition("attachment", imageFileName({ prompt: "夕暮れ", seed: 1, index: 0, mimeType: "image/jpeg" }));
    expect(unicode).toMatch(/^[\x20-\x7e]+$/);
    expect(() => new Headers({ "content-disposition": unicode })).not.toThrow();
  });

  it("is deterministic", () => {
    const input = { prompt: "Same prompt", seed: 42, index: 3, mimeType: "image/jpeg" };
    expect(imageFileName(input)).toEqual(imageFileName({ ...input }));
  });

  it("names a contact sheet after its sweep collection", () => {
    expect(contactSheetFileName("Tarot × Watercolor, scales")).toEqual({ ascii: "lorascope-sweep-tarot-watercolor-scales.png", utf8: "lorascope-sweep-tarot-watercolor-scales.png" });
    expect(contactSheetFileName("夕暮れの灯台")).toEqual({ ascii: "lorascope-sweep.png", utf8: "lorascope-sweep-夕暮れの灯台.png" });
    expect(contentDisposition("attachment", contactSheetFileName("Café sweep"))).toBe(`attachment; filename="lorascope-sweep-cafe-sweep.png"; filename*=UTF-8''lorascope-sweep-caf%C3%A9-sweep.png`);
  });
});
