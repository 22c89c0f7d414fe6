"use client";

import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { formatScale } from "@/lib/explore/values";
import type { LiveCell, LiveSweep } from "./use-sweep";

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

function Tile({ children, tone = "neutral" }: { children: ReactNode; tone?: "neutral" | "busy" | "warn" | "error" }) {
  const tones = {
    neutral: "border-dashed border-zinc-300 text-zinc-500 dark:border-zinc-700 dark:text-zinc-400",
    busy: "animate-pulse border-transparent bg-gradient-to-br from-zinc-200 to-zinc-300 text-zinc-600 dark:from-zinc-800 dark:to-zinc-700 dark:text-zinc-300",
    warn: "border-amber-300 bg-amber-50 text-amber-800 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200",
    error: "border-red-300 bg-red-50 text-red-800 dark:border-red-800/60 dark:bg-red-950/40 dark:text-red-200",
  };
  return <div className={`flex aspect-square flex-col items-center justify-center gap-2 rounded-xl border p-2 text-center text-xs ${tones[tone]}`}>{children}</div>;
}

function CellView({ cell, pausedUntil, now, canRetry, onRetry, extras }: { cell: LiveCell; pausedUntil: number | null; now: number; canRetry: boolean; onRetry: () => void; extras?: ReactNode }) {
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
              <img src={`${image.url}&size=thumb`} width={image.width} height={image.height} alt={cell.label} className="aspect-square w-full object-cover transition duration-300 group-hover:scale-[1.03]" />
            ) : (
              <Tile>No image</Tile>
            )}
          </Link>
          {extras}
        </div>
      );
    }
    case "running":
      return <Tile tone="busy"><span>Generating…</span></Tile>;
    case "waiting": {
      const seconds = pausedUntil ? Math.max(0, Math.ceil((pausedUntil - now) / 1000)) : 0;
      return (
        <Tile tone="warn">
          <span className="font-medium">Rate limited</span>
          <span>{seconds > 0 ? `Retrying in ${seconds} s` : "Retrying…"}</span>
        </Tile>
      );
    }
    case "failed":
      return (
        <Tile tone="error">
          <span className="line-clamp-4" title={cell.error?.message}>{cell.error?.message ?? "Failed"}</span>
          <span className="text-[11px] opacity-80">Not charged</span>
          {retry}
        </Tile>
      );
    case "cancelled":
      return (
        <Tile>
          <span>Cancelled · not charged</span>
          {retry}
        </Tile>
      );
    default:
      return <Tile><span>Queued</span></Tile>;
  }
}

const valueChip = "rounded-full bg-zinc-100 px-2 py-0.5 font-mono text-xs font-semibold tabular-nums text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200";

/**
 * The sweep as it runs: a table with the axis names and values on its edges (the same shape
 * as the saved grid on /collections and /c), each cell showing its state until its image lands.
 */
export function LiveSweepGrid({ sweep, onRetry, extras }: { sweep: LiveSweep; onRetry: (key: string) => void; extras?: (cell: LiveCell) => ReactNode }) {
  const { axes } = sweep;
  const now = useNow(sweep.pausedUntil !== null);
  const columns = axes.x?.values ?? [];
  const rows = axes.y?.values ?? [null];
  const baseline = sweep.cells.find((c) => c.baseline);
  const at = (x: number, y: number) => sweep.cells.find((c) => c.x === x && (c.y ?? 0) === y);
  const canRetry = sweep.collectionId !== "";
  const render = (cell: LiveCell | undefined) =>
    cell ? <CellView cell={cell} pausedUntil={sweep.pausedUntil} now={now} canRetry={canRetry} onRetry={() => onRetry(cell.key)} extras={extras?.(cell)} /> : null;
  return (
    <div className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <table aria-label="Sweep grid" className="w-full border-separate border-spacing-1.5 rounded-2xl border border-zinc-200 bg-white p-2 shadow-sm sm:border-spacing-2 dark:border-zinc-800 dark:bg-zinc-900">
        <caption className="sr-only">{[axes.x && `Columns: ${axes.x.name}`, axes.y && `rows: ${axes.y.name}`].filter(Boolean).join("; ")}</caption>
        <thead>
          <tr>
            {axes.y && <td />}
            {baseline && <td />}
            <th scope="colgroup" colSpan={columns.length} className="text-center text-xs font-semibold text-zinc-700 dark:text-zinc-300">
              {axes.x?.name} <span aria-hidden>→</span>
            </th>
          </tr>
          <tr>
            {axes.y && (
              <th scope="col" className="w-16 text-left align-bottom text-[11px] font-semibold leading-tight text-zinc-700 dark:text-zinc-300">
                {axes.y.name} <span aria-hidden>↓</span>
              </th>
            )}
            {baseline && (
              <th scope="col" className="min-w-28 pb-1 text-center">
                <span className={valueChip}>No LoRA</span>
              </th>
            )}
            {columns.map((v, i) => (
              <th key={i} scope="col" className="min-w-28 pb-1 text-center sm:min-w-32">
                <span className="sr-only">{axes.x!.name} </span>
                <span className={valueChip}>{formatScale(v)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((rv, y) => (
            <tr key={y}>
              {axes.y && (
                <th scope="row" className="text-left align-middle">
                  <span className="sr-only">{axes.y.name} </span>
                  <span className={valueChip}>{rv === null ? "" : formatScale(rv)}</span>
                </th>
              )}
              {baseline && y === 0 && (
                <td rowSpan={rows.length} className="align-top">
                  {render(baseline)}
                </td>
              )}
              {columns.map((_, x) => (
                <td key={x} className="align-top">
                  {render(at(x, y))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
