import type { SweepCost } from "@/lib/explore/plan";
import { formatUsd } from "@/lib/models/pricing";

/** The whole sweep's price before it starts: role=status, like the single-image cost it replaces. */
export function SweepCostStatus({ cost, megapixels, overBudget }: { cost: SweepCost | null; megapixels: number | null; overBudget: string | null }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div role="status" aria-live="polite" aria-label={cost ? `Sweep cost ${formatUsd(cost.totalMicroUsd)}` : "Sweep cost unavailable"} className="text-sm">
        {cost ? (
          <>
            <span className="text-base font-semibold tabular-nums sm:text-lg">{formatUsd(cost.totalMicroUsd)}</span>
            <span className="block text-xs text-zinc-600 sm:ml-2 sm:inline sm:text-sm dark:text-zinc-400">
              {cost.count} image{cost.count === 1 ? "" : "s"} × {formatUsd(cost.perImageMicroUsd)}
              {megapixels !== null && ` (${megapixels} MP each)`} for the whole sweep
            </span>
          </>
        ) : (
          <span className="text-zinc-500">Fix the sweep to see its cost</span>
        )}
      </div>
      {cost?.assumption && <p className="text-xs text-amber-700 dark:text-amber-300">{cost.assumption}</p>}
      {overBudget && <p className="text-xs text-amber-700 dark:text-amber-300">{overBudget}</p>}
    </div>
  );
}
