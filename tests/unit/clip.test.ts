import { describe, expect, it } from "vitest";
import { clip } from "@/lib/text/clip";

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
