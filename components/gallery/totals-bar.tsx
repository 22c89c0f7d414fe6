import type { GalleryTotals, GalleryWindowTotals } from "@/lib/gallery/view";
import { spendNote, totalsLine } from "@/lib/gallery/totals";
import { formatUsd } from "@/lib/models/pricing";
import { Card } from "@/components/ui/card";

const WINDOWS = [
  { key: "today", label: "today", note: "since 00:00 UTC" },
  { key: "month", label: "this month", note: "UTC" },
  { key: "allTime", label: "in all", note: null },
] as const;

/**
 * Money spent and images made: today, this month, all time — every result paid for, deleted
 * ones included (money spent stays spent). With filters on, what the list shows is totalled too.
 */
export function TotalsBar({ totals, filtered }: { totals: GalleryTotals; filtered?: { summary: string; totals: GalleryWindowTotals } | null }) {
  return (
    <section aria-label="Totals" className="flex flex-col gap-2">
      <div className="grid grid-cols-3 gap-2 sm:gap-3">
        {WINDOWS.map(({ key, label, note }) => {
          const t = totals[key];
          return (
            <Card key={key} className="min-w-0 px-3 py-2.5 sm:px-4 sm:py-3">
              <h2 className="truncate text-[11px] font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
                {/* "Spent" is said once below on a phone, where three narrow cards cannot fit it. */}
                <span className="sr-only sm:not-sr-only">Spent </span>
                {label}
                {note && <span className="hidden font-normal normal-case tracking-normal sm:inline"> · {note}</span>}
              </h2>
              <p className="mt-0.5 text-lg font-semibold tabular-nums tracking-tight sm:text-2xl">{formatUsd(t.spendMicroUsd)}</p>
              <p className="truncate text-xs text-zinc-600 dark:text-zinc-400" title={spendNote(t)}>{spendNote(t)}</p>
            </Card>
          );
        })}
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        {filtered ? (
          <span data-testid="filtered-totals">
            Shown with these filters ({filtered.summary}): <strong className="font-semibold tabular-nums text-zinc-800 dark:text-zinc-200">{totalsLine(filtered.totals)}</strong>.{" "}
          </span>
        ) : null}
        Spent covers every result you made, including deleted ones{filtered ? ", whatever the filters" : ""}.
      </p>
    </section>
  );
}
