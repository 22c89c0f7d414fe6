import { describe, expect, it } from "vitest";
import { parseStoredPicks, togglePick, type ComparePick } from "@/lib/compare/picks";

const pick = (id: string): ComparePick => ({ id, label: `result ${id}`, thumbUrl: `/api/images/${id}?v=1&size=thumb` });
const ids = (picks: ComparePick[]) => picks.map((p) => p.id);

describe("togglePick", () => {
  it.each<[string, string[], string, string[]]>([
    ["first pick", [], "x", ["x"]],
    ["second pick keeps the order (A, then B)", ["x"], "y", ["x", "y"]],
    ["a third replaces the oldest", ["x", "y"], "z", ["y", "z"]],
    ["picking a picked one removes it", ["x", "y"], "x", ["y"]],
    ["the last one removed", ["x"], "x", []],
  ])("%s", (_name, before, id, after) => {
    expect(ids(togglePick(before.map(pick), pick(id)))).toEqual(after);
  });

  it("does not change the list it was given", () => {
    const before = [pick("x"), pick("y")];
    togglePick(before, pick("z"));
    expect(ids(before)).toEqual(["x", "y"]);
  });
});

describe("parseStoredPicks", () => {
  it("reads back what was stored", () => {
    const stored = [pick("x"), { ...pick("y"), thumbUrl: null }];
    expect(parseStoredPicks(JSON.stringify(stored))).toEqual(stored);
  });

  it.each<[string, string | null]>([
    ["nothing stored", null],
    ["not JSON", "{"],
    ["not a list", JSON.stringify({ id: "x" })],
    ["entries without an id", JSON.stringify([{ label: "x", thumbUrl: null }])],
    ["entries of the wrong types", JSON.stringify([{ id: 3, label: "x", thumbUrl: null }, "y"])],
  ])("drops %s", (_name, json) => {
    expect(parseStoredPicks(json)).toEqual([]);
  });

  it("keeps at most two, without repeats or extra keys", () => {
    const stored = [pick("w"), pick("x"), pick("x"), { ...pick("y"), extra: 1 }];
    expect(parseStoredPicks(JSON.stringify(stored))).toEqual([pick("x"), pick("y")]);
  });
});
