"use client";

import Link from "next/link";
import { useEffect, useRef, type ReactNode } from "react";
import { ShareSwitch } from "@/components/sharing/share-switch";
import { Button } from "@/components/ui/button";
import { countStatuses } from "@/lib/explore/run";
import { formatUsd } from "@/lib/models/pricing";
import { LiveSweepGrid } from "./live-sweep-grid";
import type { LiveCell, LiveSweep } from "@/lib/explore/live";

/** What the sweep has done so far, in words: "6 of 9 done · 1 failed · $0.210 spent". */
function progressText(sweep: LiveSweep): string {
  const counts = countStatuses(sweep);
  const spent = sweep.cells.reduce((sum, c) => sum + (c.status === "done" ? (c.generation?.costMicroUsd ?? 0) : 0), 0);
  const parts = [`${counts.done} of ${sweep.cells.length} done`];
  if (counts.failed) parts.push(`${counts.failed} failed`);
  // Cells cancelled or failed after they were sent may still cost money: never call those free.
  const uncertain = sweep.cells.filter((c) => (c.status === "failed" || c.status === "cancelled") && c.error?.mayBeCharged).length;
  if (counts.cancelled) parts.push(uncertain ? `${counts.cancelled} cancelled` : `${counts.cancelled} cancelled (not charged)`);
  if (uncertain) parts.push(`${uncertain} may have been charged`);
  if (counts.waiting) parts.push("waiting out a rate limit");
  parts.push(`${formatUsd(spent)} spent`);
  return parts.join(" · ");
}

/** The running or finished sweep in the studio's results column: progress, controls, the grid. */
export function SweepPanel({ sweep, onCancel, onRetry, extras }: { sweep: LiveSweep; onCancel: () => void; onRetry: (key: string) => void; extras?: (cell: LiveCell) => ReactNode }) {
  const counts = countStatuses(sweep);
  const finished = counts.done + counts.failed + counts.cancelled;
  const saved = sweep.collectionId !== "";
  const ref = useRef<HTMLElement>(null);
  // On a phone the grid is below the form: bring each new sweep into view.
  useEffect(() => {
    if (window.matchMedia("(max-width: 1023px)").matches) ref.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [sweep.collectionId]);
  return (
    <section ref={ref} aria-label="Sweep" aria-busy={sweep.running} className="flex scroll-mt-20 flex-col gap-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <h2 className="break-words text-base font-semibold">{sweep.name}</h2>
          <p className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400" aria-live="polite" data-testid="sweep-progress">
            {progressText(sweep)}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {sweep.running && (
            <Button variant="danger" onClick={onCancel}>
              Cancel sweep
            </Button>
          )}
          {saved && counts.done > 0 && (
            <>
              <Link href={`/collections/${sweep.collectionId}`} className="rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800">
                Open collection
              </Link>
              {!sweep.running && (
                <a href={`/api/collections/${sweep.collectionId}/contact-sheet`} download className="rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800">
                  Download contact sheet
                </a>
              )}
            </>
          )}
        </div>
      </div>
      <div role="progressbar" aria-label="Sweep progress" aria-valuemin={0} aria-valuemax={sweep.cells.length} aria-valuenow={finished} className="h-1.5 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
        <div className="h-full rounded-full bg-accent-600 transition-[width] duration-300 dark:bg-accent-500" style={{ width: `${(finished / Math.max(1, sweep.cells.length)) * 100}%` }} />
      </div>
      <LiveSweepGrid sweep={sweep} onRetry={onRetry} extras={extras} />
      {saved && counts.done > 0 && !sweep.running && <ShareSwitch key={sweep.collectionId} kind="collection" id={sweep.collectionId} initialPath={sweep.sharePath} />}
    </section>
  );
}
