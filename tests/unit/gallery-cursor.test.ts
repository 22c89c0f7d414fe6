import { describe, expect, it } from "vitest";
import { cursorAfter, decodeCursor, encodeCursor, MAX_CURSOR_CHARS } from "@/lib/gallery/cursor";

const id = "3f2b9c1e-7a4d-4e8f-9b0a-1c2d3e4f5a6b";

describe("gallery cursor", () => {
  it("round-trips for every sort and is URL-safe", () => {
    for (const c of [
      { sort: "newest" as const, key: Date.UTC(2026, 10, 25, 12, 0, 0, 123), id },
      { sort: "oldest" as const, key: 0, id: "a" },
      { sort: "cost" as const, key: 105_000, id },
    ]) {
      const encoded = encodeCursor(c);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(encoded, c.sort)).toEqual(c);
    }
  });

  it("is built from the row's sort key", () => {
    const row = { id, createdAt: new Date("2026-11-25T12:00:00.123Z"), costMicroUsd: 70_000 };
    expect(cursorAfter(row, "newest")).toEqual({ sort: "newest", key: row.createdAt.getTime(), id });
    expect(cursorAfter(row, "oldest").key).toBe(row.createdAt.getTime());
    expect(cursorAfter(row, "cost")).toEqual({ sort: "cost", key: 70_000, id });
  });

  it("rejects a cursor made for another sort", () => {
    expect(decodeCursor(encodeCursor({ sort: "newest", key: 1, id }), "cost")).toBeNull();
    expect(decodeCursor(encodeCursor({ sort: "cost", key: 1, id }), "oldest")).toBeNull();
  });

  const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

  it("rejects anything tampered with or malformed", () => {
    const good = encodeCursor({ sort: "newest", key: 1_000, id });
    const bad = [
      "",
      "not a cursor",
      "%%%",
      good.slice(0, -3),
      good + "A",
      `${good}=`,
      "x".repeat(MAX_CURSOR_CHARS + 1),
      b64("{not json"),
      b64("null"),
      b64([1, 2]),
      b64({ v: 2, s: "newest", k: 1, i: id }),
      b64({ v: 1, s: "random", k: 1, i: id }),
      b64({ v: 1, s: "newest", k: -1, i: id }),
      b64({ v: 1, s: "newest", k: 1.5, i: id }),
      b64({ v: 1, s: "newest", k: "1", i: id }),
      b64({ v: 1, s: "newest", k: 1e300, i: id }),
      b64({ v: 1, s: "newest", k: 1, i: "" }),
      b64({ v: 1, s: "newest", k: 1, i: "x' OR 1=1 --" }),
      b64({ v: 1, s: "newest", k: 1, i: "a".repeat(65) }),
      b64({ v: 1, s: "newest", k: 1, i: id, ownerId: "someone-else" }),
      b64({ v: 1, s: "newest", k: 1 }),
      Buffer.from([0xff, 0xfe, 0xfd]).toString("base64url"),
    ];
    for (const raw of bad) expect(decodeCursor(raw, "newest"), raw).toBeNull();
  });

  it("rejects keys beyond what the sort's column holds (dates past year 275760, costs past INT4)", () => {
    expect(decodeCursor(b64({ v: 1, s: "newest", k: Number.MAX_SAFE_INTEGER, i: id }), "newest")).toBeNull();
    expect(decodeCursor(b64({ v: 1, s: "oldest", k: 8_640_000_000_000_001, i: id }), "oldest")).toBeNull();
    expect(decodeCursor(b64({ v: 1, s: "newest", k: 8_640_000_000_000_000, i: id }), "newest")).toMatchObject({ key: 8_640_000_000_000_000 });
    expect(decodeCursor(b64({ v: 1, s: "cost", k: 2_147_483_648, i: id }), "cost")).toBeNull();
    expect(decodeCursor(b64({ v: 1, s: "cost", k: 2_147_483_647, i: id }), "cost")).toMatchObject({ key: 2_147_483_647 });
  });

  it("refuses to encode what it would not decode", () => {
    expect(() => encodeCursor({ sort: "newest", key: -5, id })).toThrow();
    expect(() => encodeCursor({ sort: "newest", key: 1, id: "has spaces" })).toThrow();
  });
});
