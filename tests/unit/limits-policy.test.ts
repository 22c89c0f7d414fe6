import { describe, expect, it } from "vitest";
import { decideLimits, rateWindowStart, startOfUtcDay } from "@/lib/limits/policy";

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
  it("days start at midnight UTC", () => {
    expect(startOfUtcDay(new Date("2026-11-25T23:59:59-05:00")).toISOString()).toBe("2026-11-26T00:00:00.000Z");
  });
});
