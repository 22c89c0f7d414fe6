import { describe, expect, it } from "vitest";
import { decideLimits, decideSweep, rateWindowStart, startOfUtcDay } from "@/lib/limits/policy";

const now = new Date("2026-11-25T10:00:00Z");
const rate = (used: number, limit = 3, oldestMinutesAgo = 50) => ({
  limit,
  used,
  remaining: Math.max(0, limit - used),
  windowStart: rateWindowStart(now),
  oldestInWindow: new Date(now.getTime() - oldestMinutesAgo * 60_000),
});

describe("decideLimits", () => {
  it("allows up to the limit, counting the request itself", () => {
    expect(decideLimits({ rate: rate(3), budget: null }, now)).toEqual({ ok: true });
  });
  it("refuses the one over the limit and says when a slot frees up", () => {
    const d = decideLimits({ rate: rate(4), budget: null }, now);
    expect(d).toMatchObject({ ok: false, code: "rate_limited", retryAfterSeconds: 600 });
    expect(d.ok || d.message).toContain("10 minutes");
  });
  it("refuses what would go over the daily budget and says what is left", () => {
    const d = decideLimits({ rate: null, budget: { capMicroUsd: 100_000, spentMicroUsd: 105_000, remainingMicroUsd: -5_000 } }, now);
    expect(d).toMatchObject({ ok: false, code: "budget_exceeded", retryAfterSeconds: 14 * 3600 });
    expect(d.ok || d.message).toContain("$0.100");
    expect(decideLimits({ rate: null, budget: { capMicroUsd: 100_000, spentMicroUsd: 100_000, remainingMicroUsd: 0 } }, now)).toEqual({ ok: true });
  });
  it("holds a request without an owner cookie to its address's hourly count", () => {
    expect(decideLimits({ rate: rate(1), budget: null, address: rate(3) }, now)).toEqual({ ok: true });
    const d = decideLimits({ rate: rate(1), budget: null, address: rate(4) }, now);
    expect(d).toMatchObject({ ok: false, code: "rate_limited", retryAfterSeconds: 600 });
    expect(d.ok || d.message).toContain("from one network address");
  });
  it("says what was left before this request, whose estimate is already counted", () => {
    const d = decideLimits({ rate: null, budget: { capMicroUsd: 100_000, spentMicroUsd: 105_000, remainingMicroUsd: -5_000 } }, now, { estimateMicroUsd: 35_000 });
    expect(d.ok || d.message).toContain("($0.030 left today)");
  });
  it("days start at midnight UTC", () => {
    expect(startOfUtcDay(new Date("2026-11-25T23:59:59-05:00")).toISOString()).toBe("2026-11-26T00:00:00.000Z");
  });
});

describe("decideSweep", () => {
  const budget = (remaining: number) => ({ capMicroUsd: 1_000_000, spentMicroUsd: 1_000_000 - remaining, remainingMicroUsd: remaining });
  it("allows a sweep that fits both the hourly count and the budget exactly", () => {
    expect(decideSweep({ rate: rate(1, 10), budget: budget(315_000) }, { count: 9, totalMicroUsd: 315_000 })).toEqual({ ok: true });
  });
  it("refuses a sweep with more cells than requests left this hour, naming both numbers", () => {
    const d = decideSweep({ rate: rate(2, 10), budget: null }, { count: 9, totalMicroUsd: 315_000 });
    expect(d).toMatchObject({ ok: false, code: "rate_limited" });
    expect(d.ok || d.message).toContain("needs 9 generations, and 8 of this hour's 10 are left");
  });
  it("refuses a sweep that costs more than the budget left, with both amounts", () => {
    const d = decideSweep({ rate: null, budget: budget(300_000) }, { count: 9, totalMicroUsd: 315_000 });
    expect(d).toMatchObject({ ok: false, code: "budget_exceeded" });
    expect(d.ok || d.message).toContain("$0.315");
    expect(d.ok || d.message).toContain("$0.300");
  });
  it("with no limits configured anything goes", () => {
    expect(decideSweep({ rate: null, budget: null }, { count: 26, totalMicroUsd: 9_000_000 })).toEqual({ ok: true });
  });
});
