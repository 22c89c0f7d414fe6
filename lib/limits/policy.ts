import { formatUsd } from "@/lib/models/pricing";

export interface RateSnapshot {
  limit: number;
  used: number;
  remaining: number;
  windowStart: Date;
  oldestInWindow: Date | null;
}

export interface LimitsSnapshot {
  rate: RateSnapshot | null;
  budget: { capMicroUsd: number; spentMicroUsd: number; remainingMicroUsd: number } | null;
  /** For a request without an owner cookie: the same hourly limit, counted per address. */
  address?: RateSnapshot | null;
}

export type LimitDecision =
  | { ok: true }
  | { ok: false; code: "rate_limited" | "budget_exceeded"; message: string; retryAfterSeconds?: number };

const HOUR_MS = 3_600_000;

export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

function humanWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * Decides whether one more request fits, given what is already counted (which includes this
 * request's own pending row: the check runs after inserting it, so two concurrent requests
 * see each other).
 */
export function decideLimits(snapshot: LimitsSnapshot, now: Date, request: { estimateMicroUsd: number } = { estimateMicroUsd: 0 }): LimitDecision {
  const { rate, budget, address } = snapshot;
  const waitFor = (r: RateSnapshot) => {
    const frees = r.oldestInWindow ? r.oldestInWindow.getTime() + HOUR_MS : now.getTime() + HOUR_MS;
    return Math.max(1, Math.ceil((frees - now.getTime()) / 1000));
  };
  if (rate && rate.used > rate.limit) {
    const wait = waitFor(rate);
    return {
      ok: false,
      code: "rate_limited",
      message: `This deployment allows ${rate.limit} generations per hour for each person. Try again in ${humanWait(wait)}.`,
      retryAfterSeconds: wait,
    };
  }
  if (address && address.used > address.limit) {
    const wait = waitFor(address);
    return {
      ok: false,
      code: "rate_limited",
      message: `This deployment allows ${address.limit} generations per hour from one network address for browsers without its cookie. Allow cookies for this site, or try again in ${humanWait(wait)}.`,
      retryAfterSeconds: wait,
    };
  }
  if (budget && budget.spentMicroUsd > budget.capMicroUsd) {
    const tomorrow = startOfUtcDay(now).getTime() + 24 * HOUR_MS;
    return {
      ok: false,
      code: "budget_exceeded",
      // What was left before this request, whose own estimate is already in the spend.
      message: `This would go over the deployment's daily budget of ${formatUsd(budget.capMicroUsd)} (${formatUsd(Math.max(0, budget.remainingMicroUsd + request.estimateMicroUsd))} left today). Make fewer or smaller images, add your own Together key, or come back after midnight UTC.`,
      retryAfterSeconds: Math.ceil((tomorrow - now.getTime()) / 1000),
    };
  }
  return { ok: true };
}

export function rateWindowStart(now: Date): Date {
  return new Date(now.getTime() - HOUR_MS);
}

/**
 * Whether a whole sweep fits before its first cell starts: every cell is one request against
 * the hourly limit and its price against the daily budget. Each cell is still checked again
 * when it runs; this only spares a person a grid that would stop half-way.
 */
export function decideSweep(snapshot: LimitsSnapshot, sweep: { count: number; totalMicroUsd: number }): LimitDecision {
  const { rate, budget } = snapshot;
  if (rate && sweep.count > rate.remaining) {
    return {
      ok: false,
      code: "rate_limited",
      message: `This sweep needs ${sweep.count} generations, and ${rate.remaining} of this hour's ${rate.limit} are left. Use fewer values, or wait for the hour to roll over.`,
    };
  }
  if (budget && sweep.totalMicroUsd > budget.remainingMicroUsd) {
    return {
      ok: false,
      code: "budget_exceeded",
      message: `This sweep costs ${formatUsd(sweep.totalMicroUsd)}, more than the ${formatUsd(Math.max(0, budget.remainingMicroUsd))} left of the deployment's daily budget. Use fewer values or a smaller size, or add your own Together key.`,
    };
  }
  return { ok: true };
}
