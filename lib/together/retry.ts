import type { AppError } from "@/lib/errors";

export interface RetryPolicy {
  /** Further attempts after the first. */
  maxRetries: number;
  /** A rate limit asking for a longer wait goes back to the person instead of hanging the request. */
  maxRateLimitWaitSeconds: number;
  /** First backoff for 5xx and connection failures; doubles each time. */
  baseDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 2, maxRateLimitWaitSeconds: 10, baseDelayMs: 500 };

/**
 * How long to wait before retrying after this error, or null to give up. Only failures that
 * a retry can fix are retried: rate limits with a short retry-after, 5xx, lost connections.
 */
export function retryDelayMs(error: AppError, attempt: number, policy: RetryPolicy): number | null {
  if (attempt >= policy.maxRetries) return null;
  if (error.code === "rate_limited") {
    const wait = error.retryAfterSeconds ?? 1;
    return wait <= policy.maxRateLimitWaitSeconds ? wait * 1000 : null;
  }
  if (error.code === "upstream_unavailable") return policy.baseDelayMs * 2 ** attempt;
  return null;
}
