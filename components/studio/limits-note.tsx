import { formatUsd } from "@/lib/models/pricing";
import type { LimitsView } from "@/lib/limits/view";

/** What is left of this deployment's allowance, in the words people think in. */
export function LimitsNote({ limits, ownKey }: { limits: LimitsView; ownKey: boolean }) {
  const parts: string[] = [];
  if (limits.rate) parts.push(`${limits.rate.remaining} of ${limits.rate.limit} generations left this hour`);
  if (limits.budget) parts.push(`${formatUsd(limits.budget.remainingMicroUsd)} of today's ${formatUsd(limits.budget.capMicroUsd)} budget left`);
  if (ownKey) parts.push("paid with your own key");
  if (parts.length === 0) return null;
  return <p className="min-w-0 text-xs text-zinc-500 max-sm:truncate" data-testid="limits">{parts.join(" · ")}</p>;
}
