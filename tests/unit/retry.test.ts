import { describe, expect, it } from "vitest";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { defaultRetryPolicy, retryDelayMs } from "@/lib/together/retry";

const err = (code: AppErrorCode, retryAfterSeconds?: number) => new AppError({ code, message: code, retryAfterSeconds });

describe("retryDelayMs", () => {
  it("waits out a short retry-after", () => {
    expect(retryDelayMs(err("rate_limited", 3), 0, defaultRetryPolicy)).toBe(3000);
  });
  it("hands a long rate limit back to the person instead of hanging", () => {
    expect(retryDelayMs(err("rate_limited", 3600), 0, defaultRetryPolicy)).toBeNull();
  });
  it("backs off exponentially on upstream failures, then gives up", () => {
    expect(retryDelayMs(err("upstream_unavailable"), 0, defaultRetryPolicy)).toBe(500);
    expect(retryDelayMs(err("upstream_unavailable"), 1, defaultRetryPolicy)).toBe(1000);
    expect(retryDelayMs(err("upstream_unavailable"), 2, defaultRetryPolicy)).toBeNull();
  });
  it.each(["invalid_key", "out_of_credits", "incompatible_lora", "bad_request", "timeout", "cancelled"] as const)("never retries %s", (code) => {
    expect(retryDelayMs(err(code), 0, defaultRetryPolicy)).toBeNull();
  });
});
