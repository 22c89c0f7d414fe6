import { Button } from "@/components/ui/button";
import { explainPrice, formatUsd, type PriceBreakdown } from "@/lib/models/pricing";
import type { SizeSuggestion } from "@/lib/models/size-presets";

interface CostStatusProps {
  price: PriceBreakdown | null;
  suggestion: SizeSuggestion | null;
  onUseSuggestion: () => void;
}

/** The live cost next to Generate: role=status so screen readers hear it change. */
export function CostStatus({ price, suggestion, onUseSuggestion }: CostStatusProps) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div role="status" aria-live="polite" aria-label={price ? `Cost ${formatUsd(price.totalMicroUsd)}` : "Cost unavailable"} className="text-sm">
        {price ? (
          <>
            <span className="text-base font-semibold tabular-nums sm:text-lg">
              {price.assumption && <span title="An estimate: the provider has not published this price">≈ </span>}
              {formatUsd(price.totalMicroUsd)}
            </span>
            <span className="block text-xs text-zinc-600 sm:ml-2 sm:inline sm:text-sm dark:text-zinc-400">{explainPrice(price)}</span>
          </>
        ) : (
          <span className="text-zinc-500">Fix the size to see the cost</span>
        )}
      </div>
      {price?.assumption && <p className="text-xs text-amber-700 dark:text-amber-300">{price.assumption}</p>}
      {suggestion && (
        <p className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
          Just over a megapixel: {suggestion.width}×{suggestion.height} costs {formatUsd(suggestion.savesMicroUsd)} less per image.
          <Button size="sm" variant="ghost" onClick={onUseSuggestion}>Use {suggestion.width}×{suggestion.height}</Button>
        </p>
      )}
    </div>
  );
}
