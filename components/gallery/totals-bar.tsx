import { plural } from "@/lib/gallery/format";
import type { GalleryTotals } from "@/lib/gallery/view";
import { formatUsd } from "@/lib/models/pricing";

const WINDOWS = [
  { key: "today", label: "Today", note: "since 00:00 UTC" },
  { key: "month", label: "This month", note: "UTC" },
  { key: "allTime", label: "All time", note: null },
] as const;

/** Images made and money spent: today, this month, all time (deleted results not counted). */
export function TotalsBar({ totals }: { totals: GalleryTotals }) {
  return (
    <section aria-label="Totals" className="grid grid-cols-3 gap-2 sm:gap-3">
      {WINDOWS.map(({ key, label, note }) => {
        const t = totals[key];
        return (
          <div key={key} className="min-w-0 rounded-2xl border border-zinc-200 bg-white px-3 py-2.5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900 sm:px-4 sm:py-3">
            <h2 className="truncate text-[11px] font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
              {label}
              {note && <span className="hidden font-normal normal-case tracking-normal sm:inline"> · {note}</span>}
            </h2>
            <p className="mt-0.5 text-lg font-semibold tabular-nums tracking-tight sm:text-2xl">{formatUsd(t.spendMicroUsd)}</p>
            <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">{plural(t.images, "image")}</p>
          </div>
        );
      })}
    </section>
  );
}
