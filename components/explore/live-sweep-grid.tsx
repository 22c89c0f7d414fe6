"use client";

import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { SweepTable } from "@/components/sharing/sweep-table";
import type { LiveCell, LiveSweep } from "@/lib/explore/live";

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** Width / height of the sweep's images: tiles keep that shape before and after their picture lands. */
type Aspect = { aspectRatio: string };

function Tile({ children, aspect, tone = "neutral" }: { children: ReactNode; aspect: Aspect; tone?: "neutral" | "busy" | "warn" | "error" }) {
  const tones = {
    neutral: "border-dashed border-zinc-300 text-zinc-500 dark:border-zinc-700 dark:text-zinc-400",
    busy: "animate-pulse border-transparent bg-gradient-to-br from-zinc-200 to-zinc-300 text-zinc-600 dark:from-zinc-800 dark:to-zinc-700 dark:text-zinc-300",
    warn: "border-amber-300 bg-amber-50 text-amber-800 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200",
    error: "border-red-300 bg-red-50 text-red-800 dark:border-red-800/60 dark:bg-red-950/40 dark:text-red-200",
  };
  return <div style={aspect} className={`flex min-h-16 min-w-0 flex-col items-center justify-center gap-2 overflow-hidden rounded-xl border p-1 text-center text-[11px] [overflow-wrap:anywhere] sm:min-h-28 sm:p-2 sm:text-xs ${tones[tone]}`}>{children}</div>;
}

function CellView({ cell, aspect, pausedUntil, now, canRetry, onRetry, extras }: { cell: LiveCell; aspect: Aspect; pausedUntil: number | null; now: number; canRetry: boolean; onRetry: () => void; extras?: ReactNode }) {
  const retry = canRetry && (
    <Button size="sm" variant="secondary" onClick={onRetry} aria-label={`Retry ${cell.label}`}>
      Retry
    </Button>
  );
  switch (cell.status) {
    case "done": {
      const g = cell.generation!;
      const image = g.images[0];
      return (
        <div className="flex flex-col gap-1.5">
          <Link href={`/gallery/${g.id}`} className="group block overflow-hidden rounded-xl bg-zinc-100 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
            {image ? (
              // eslint-disable-next-line @next/next/no-img-element -- our own immutable image route
              <img src={`${image.url}&size=thumb`} width={image.width} height={image.height} alt={cell.label} style={aspect} className="w-full object-cover transition duration-300 group-hover:scale-[1.03]" />
            ) : (
              <Tile aspect={aspect}>No image</Tile>
            )}
          </Link>
          {extras}
        </div>
      );
    }
    case "running":
      return <Tile aspect={aspect} tone="busy"><span>Generating…</span></Tile>;
    case "waiting": {
      const seconds = pausedUntil ? Math.max(0, Math.ceil((pausedUntil - now) / 1000)) : 0;
      return (
        <Tile aspect={aspect} tone="warn">
          <span className="font-medium">Rate limited</span>
          <span>{seconds > 0 ? `Retrying in ${seconds} s` : "Retrying…"}</span>
        </Tile>
      );
    }
    case "failed":
      return (
        <Tile aspect={aspect} tone="error">
          <span className="line-clamp-4" title={cell.error?.message}>{cell.error?.message ?? "Failed"}</span>
          {/* Sent to the provider and not refused outright: the app cannot know it was free. */}
          <span className="text-[11px] opacity-80">{cell.error?.mayBeCharged ? "May have been charged" : "Not charged"}</span>
          {retry}
        </Tile>
      );
    case "cancelled":
      return (
        <Tile aspect={aspect}>
          <span>{!canRetry ? "Not made" : cell.error?.mayBeCharged ? "Cancelled · may have been charged" : "Cancelled · not charged"}</span>
          {retry}
        </Tile>
      );
    default:
      return <Tile aspect={aspect}><span>Queued</span></Tile>;
  }
}

/**
 * The sweep as it runs: a table with the axis names and values on its edges (the same shape
 * as the saved grid on /collections and /c), each cell showing its state until its image lands.
 */
export function LiveSweepGrid({ sweep, onRetry, extras }: { sweep: LiveSweep; onRetry: (key: string) => void; extras?: (cell: LiveCell) => ReactNode }) {
  const { axes } = sweep;
  const now = useNow(sweep.pausedUntil !== null);
  const baseline = sweep.cells.find((c) => c.baseline);
  const at = (x: number, y: number) => sweep.cells.find((c) => c.x === x && (c.y ?? 0) === y);
  const canRetry = sweep.collectionId !== "" && sweep.retryable;
  const aspect = { aspectRatio: `${sweep.width} / ${sweep.height}` };
  const render = (cell: LiveCell | undefined) =>
    cell ? <CellView cell={cell} aspect={aspect} pausedUntil={sweep.pausedUntil} now={now} canRetry={canRetry} onRetry={() => onRetry(cell.key)} extras={extras?.(cell)} /> : null;
  return (
    // On a phone the columns share the screen's width (a fixed table layout, no minimum width)
    // instead of running off its edge: every column of a running sweep stays in sight.
    <div className="max-sm:[&_table]:table-fixed max-sm:[&_td]:min-w-0 max-sm:[&_th]:min-w-0 max-sm:[&_th]:w-auto">
      <SweepTable
        axes={axes}
        label="Sweep grid"
        baseline={baseline ? render(baseline) : undefined}
        cell={(x, y) => render(at(x, y))}
      />
    </div>
  );
}
