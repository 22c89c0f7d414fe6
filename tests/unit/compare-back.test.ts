import { describe, expect, it } from "vitest";
import { parseBackParam } from "@/lib/compare/back";

describe("parseBackParam", () => {
  it.each([
    ["/", { href: "/", label: "Studio" }],
    ["/?prompt=a%20cat&mode=explore&sweep=abc", { href: "/?prompt=a%20cat&mode=explore&sweep=abc", label: "Studio" }],
    ["/gallery?q=tarot&lora=x", { href: "/gallery?q=tarot&lora=x", label: "Gallery" }],
    ["/collections", { href: "/collections", label: "Collections" }],
    ["/collections/ck9x_1-a", { href: "/collections/ck9x_1-a", label: "Collection" }],
  ])("%s goes back there", (value, expected) => {
    expect(parseBackParam(value)).toEqual(expected);
  });

  it("drops a fragment", () => {
    expect(parseBackParam("/gallery#top")).toEqual({ href: "/gallery", label: "Gallery" });
  });

  it.each([
    ["absent", undefined],
    ["empty", ""],
    ["given twice", ["/", "/gallery"]],
    ["another site", "https://evil.example/"],
    ["protocol-relative", "//evil.example/gallery"],
    ["backslash trick", "/\\evil.example/gallery"],
    ["a script", "javascript:alert(1)"],
    ["relative", "gallery"],
    ["a page not offered", "/gallery/abc"],
    ["an API route", "/api/images/x"],
    ["path traversal out of a known page", "/gallery/../api/x"],
    ["too long", `/?prompt=${"x".repeat(4000)}`],
  ])("refuses %s", (_name, value) => {
    expect(parseBackParam(value as string | string[] | undefined)).toBeNull();
  });
});
