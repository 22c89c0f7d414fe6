import type { LimitsSnapshot } from "./policy";

/** What the studio shows about limits: counts and money only. */
export interface LimitsView {
  rate: { limit: number; remaining: number } | null;
  budget: { capMicroUsd: number; remainingMicroUsd: number } | null;
}

export function toLimitsView(s: LimitsSnapshot): LimitsView {
  return {
    rate: s.rate ? { limit: s.rate.limit, remaining: s.rate.remaining } : null,
    budget: s.budget ? { capMicroUsd: s.budget.capMicroUsd, remainingMicroUsd: Math.max(0, s.budget.remainingMicroUsd) } : null,
  };
}
