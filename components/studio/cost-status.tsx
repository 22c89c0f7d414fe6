import { explainPrice, formatUsd, type PriceBreakdown } from "@/lib/models/pricing";

/** The live cost next to Generate: role=status so screen readers hear changes. */
export function CostStatus({ price }: { price: PriceBreakdown | null }) {
  return (
    <div role="status" aria-live="polite" aria-label={price ? `Estimated cost ${formatUsd(price.totalMicroUsd)}` : "Cost unavailable"} className="min-w-0 text-sm">
      {price ? (
        <>
          <span className="text-lg font-semibold tabular-nums">{formatUsd(price.totalMicroUsd)}</span>
          <span className="ml-2 text-zinc-600 dark:text-zinc-400">{explainPrice(price)}</span>
          {!price.published && <span className="block text-xs text-amber-700 dark:text-amber-300">Estimate: Together has not published this model&apos;s LoRA price.</span>}
        </>
      ) : (
        <span className="text-zinc-500">Fix the size to see the cost</span>
      )}
    </div>
  );
}
