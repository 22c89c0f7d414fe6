import { describe, expect, it } from "vitest";
import { formatScale, parseScaleValues, roundScale } from "@/lib/explore/values";

const ok = (text: string) => {
  const r = parseScaleValues(text);
  if (!r.ok) throw new Error(`expected ok for ${JSON.stringify(text)}: ${r.message}`);
  return r.values;
};
const fail = (text: string) => {
  const r = parseScaleValues(text);
  if (r.ok) throw new Error(`expected failure for ${JSON.stringify(text)}: ${r.values}`);
  return r.message;
};

describe("parseScaleValues: lists", () => {
  it("accepts comma, space and mixed separators", () => {
    expect(ok("0.3, 0.6, 0.9")).toEqual([0.3, 0.6, 0.9]);
    expect(ok("0.3 0.6 0.9")).toEqual([0.3, 0.6, 0.9]);
    expect(ok(" 0.3,0.6 ,  0.9 ")).toEqual([0.3, 0.6, 0.9]);
    expect(ok("1")).toEqual([1]);
    expect(ok(".5, 1., 2")).toEqual([0.5, 1, 2]);
  });

  it("keeps the order entered and drops duplicates (after rounding)", () => {
    expect(ok("1.2, 0.3, 0.6")).toEqual([1.2, 0.3, 0.6]);
    expect(ok("0.5, 0.5, 0.501, 1")).toEqual([0.5, 1]);
  });

  it("rounds to 2 decimals, safely", () => {
    expect(ok("0.333, 1.005, 0.125")).toEqual([0.33, 1.01, 0.13]);
  });

  it("accepts the bounds 0 and 2 and rejects values outside", () => {
    expect(ok("0, 2")).toEqual([0, 2]);
    expect(fail("0.5, 2.5")).toMatch(/2\.5.*outside 0–2/);
    expect(fail("-0.5")).toMatch(/-0\.5.*outside/);
  });

  it("rejects what is not a number", () => {
    expect(fail("0.3, abc")).toBe('"abc" is not a number');
    expect(fail("0.3, 1e1")).toMatch(/not a number/);
  });

  it("allows at most 5 distinct values, with a clear message", () => {
    expect(ok("0.2 0.4 0.6 0.8 1")).toHaveLength(5);
    expect(ok("0.2 0.4 0.6 0.8 1 1")).toHaveLength(5);
    expect(fail("0.2 0.4 0.6 0.8 1 1.2")).toMatch(/6 values.*at most 5/);
  });

  it("asks for something when empty", () => {
    expect(fail("")).toMatch(/at least one/);
    expect(fail("  , ")).toMatch(/at least one/);
  });
});

describe("parseScaleValues: ranges", () => {
  it("understands the three spellings, floating-point safe", () => {
    const expected = [0.3, 0.6, 0.9, 1.2];
    expect(ok("0.3-1.2 step 0.3")).toEqual(expected);
    expect(ok("0.3 - 1.2 step 0.3")).toEqual(expected);
    expect(ok("0.3 to 1.2 by 0.3")).toEqual(expected);
    expect(ok("0.3..1.2/0.3")).toEqual(expected);
    expect(ok("0.3 TO 1.2 STEP 0.3")).toEqual(expected);
  });

  it("includes the end only when the step lands on it", () => {
    expect(ok("0.3-1.0 step 0.3")).toEqual([0.3, 0.6, 0.9]);
    expect(ok("0-1 step 0.25")).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(ok("0.1-0.7 step 0.2")).toEqual([0.1, 0.3, 0.5, 0.7]);
    expect(ok("0-1 step 0.333")).toEqual([0, 0.33, 0.67, 1]);
  });

  it("runs ascending even when written high to low", () => {
    expect(ok("1.2-0.3 step 0.3")).toEqual([0.3, 0.6, 0.9, 1.2]);
  });

  it("handles a single-point range", () => {
    expect(ok("0.8-0.8 step 0.1")).toEqual([0.8]);
  });

  it("rejects too many values without building them", () => {
    expect(fail("0-2 step 0.1")).toMatch(/21 values.*at most 5/);
    expect(fail("0-2 step 0.01")).toMatch(/201 values/);
  });

  it("rejects bad steps, bounds and a missing step", () => {
    expect(fail("0.3-1.2 step 0")).toMatch(/greater than 0/);
    expect(fail("0.3-1.2 step 0.001")).toMatch(/at least 0.01/);
    expect(fail("0.3-2.4 step 0.3")).toMatch(/2\.4.*outside/);
    expect(fail("0.3-1.2")).toMatch(/Add a step/);
    expect(fail("0.1, 0.3-1.2")).toMatch(/range on its own/);
  });

  it("supports a custom maximum", () => {
    expect(parseScaleValues("0-1 step 0.1", { maxValues: 11 })).toEqual({ ok: true, values: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] });
  });
});

describe("roundScale / formatScale", () => {
  it("round to 2 decimals without -0", () => {
    expect(roundScale(0.1 + 0.2)).toBe(0.3);
    expect(Object.is(roundScale(-0), 0)).toBe(true);
    expect(formatScale(0.30000000000000004)).toBe("0.3");
  });
});
