import { describe, expect, it } from "vitest";
import { compareHref, parseComparePair } from "@/lib/compare/href";

const A = "0b7e4a2c-1d3f-4e5a-9b8c-7d6e5f4a3b2c";
const B = "9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f";

describe("compareHref", () => {
  it.each([
    ["/compare", `/compare?a=${A}&b=${B}`],
    ["/c/AbCdEfGhIjKlMnOpQrStUv/compare", `/c/AbCdEfGhIjKlMnOpQrStUv/compare?a=${A}&b=${B}`],
  ])("%s", (base, expected) => {
    expect(compareHref(base, A, B)).toBe(expected);
  });

  it("carries the page to go back to, escaped", () => {
    const url = new URL(compareHref("/compare", A, B, "/?prompt=a+cat&sweep=x1"), "http://h");
    expect(url.searchParams.get("back")).toBe("/?prompt=a+cat&sweep=x1");
    expect(url.searchParams.get("a")).toBe(A);
  });

  it("escapes what is not an id", () => {
    expect(compareHref("/compare", "a&b", "c d")).toBe("/compare?a=a%26b&b=c+d");
  });
});

describe("parseComparePair", () => {
  it.each<[string, Parameters<typeof parseComparePair>[0], ReturnType<typeof parseComparePair>]>([
    ["two ids", { a: A, b: B }, { kind: "pair", a: A, b: B }],
    ["the same id twice", { a: A, b: A }, { kind: "pair", a: A, b: A }],
    ["nothing", {}, { kind: "missing" }],
    ["only a", { a: A }, { kind: "missing" }],
    ["an empty b", { a: A, b: "" }, { kind: "missing" }],
    ["not an id", { a: A, b: "../etc" }, { kind: "invalid" }],
    ["too long", { a: A, b: "x".repeat(65) }, { kind: "invalid" }],
    ["given twice", { a: [A, B], b: B }, { kind: "invalid" }],
  ])("%s", (_name, params, expected) => {
    expect(parseComparePair(params)).toEqual(expected);
  });
});
