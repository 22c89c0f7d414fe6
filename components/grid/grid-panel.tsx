"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { CompareToggle } from "@/components/compare/compare-selection";
import { Button } from "@/components/ui/button";
import { ZTabs } from "./z-tabs";
import { cellAt, cellPlace, type GridCellView, type GridView } from "@/lib/grid/view";
import type { Catalog } from "@/lib/models/catalog";
import { findIn } from "@/lib/models/catalog";
import { formatUsd } from "@/lib/models/pricing";
import { recordLabel } from "@/lib/providers/names";

/** "12 of 36 done · 1 failed · $0.420 of $1.260 spent". */
export function gridProgress(view: GridView): string {
  const { counts } = view;
  const parts = [`${counts.succeeded} of ${view.cells.length} done`];
  if (counts.running) parts.push(`${counts.running} running`);
  if (counts.failed) parts.push(`${counts.failed} failed`);
  if (counts.interrupted) parts.push(`${counts.interrupted} interrupted`);
  const maybe = view.cells.filter((c) => c.status === "cancelled" && c.mayBeCharged).length;
  if (counts.cancelled) parts.push(maybe ? `${counts.cancelled} cancelled (${maybe} may have been charged)` : `${counts.cancelled} cancelled (not charged)`);
  if (view.cells.some((c) => c.notBefore)) parts.push("waiting out a rate limit");
  parts.push(`${formatUsd(view.spentMicroUsd)} of ${formatUsd(view.priceMicroUsd)} spent`);
  return parts.join(" · ");
}

function Tile({ children, tone = "neutral", aspect }: { children: ReactNode; tone?: "neutral" | "busy" | "warn" | "error"; aspect: string }) {
  const tones = {
    neutral: "border-dashed border-zinc-300 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400",
    busy: "animate-pulse border-transparent bg-gradient-to-br from-zinc-200 to-zinc-300 text-zinc-700 dark:from-zinc-800 dark:to-zinc-700 dark:text-zinc-300",
    warn: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200",
    error: "border-red-300 bg-red-50 text-red-800 dark:border-red-800/60 dark:bg-red-950/40 dark:text-red-200",
  };
  return <div style={{ aspectRatio: aspect }} className={`flex min-h-20 flex-col items-center justify-center gap-1.5 overflow-hidden rounded-xl border p-2 text-center text-xs ${tones[tone]}`}>{children}</div>;
}

function Cell({ view, cell, catalog, aspect, onRetry }: { view: GridView; cell: GridCellView; catalog: Catalog; aspect: string; onRetry: (cellId: string) => void }) {
  const place = cellPlace(view.plan, cell);
  const retry = (
    <Button size="sm" onClick={() => onRetry(cell.id)} aria-label={`Retry ${place}`}>
      Retry
    </Button>
  );
  const g = cell.generation;
  if (cell.status === "succeeded" && g) {
    const image = g.images[0];
    return (
      <figure className="flex min-w-0 flex-col gap-1" data-testid="grid-cell" data-status="succeeded">
        <Link href={`/gallery/${g.id}`} className="block overflow-hidden rounded-xl bg-zinc-100 ring-1 ring-zinc-200 focus-visible:outline-2 focus-visible:outline-accent-500 dark:bg-zinc-900 dark:ring-zinc-800">
          {image ? (
            // eslint-disable-next-line @next/next/no-img-element -- our own immutable image route
            <img src={`${image.url}&size=thumb`} width={image.width} height={image.height} alt={place} style={{ aspectRatio: aspect }} className="w-full object-cover" />
          ) : (
            <Tile aspect={aspect}>No image</Tile>
          )}
        </Link>
        <figcaption className="line-clamp-3 text-[11px] leading-snug text-zinc-600 dark:text-zinc-400" title={g.prompt}>
          {g.userPrompt} · seed {g.seed} · {findIn(catalog, g.model)?.label ?? g.model} · {recordLabel(g.provider)}
        </figcaption>
        <CompareToggle variant="compact" hrefBase="/compare" generationId={g.id} label={place} thumbUrl={image ? `${image.url}&size=thumb` : null} />
      </figure>
    );
  }
  const body = (() => {
    switch (cell.status) {
      case "running":
        return <Tile aspect={aspect} tone="busy">Generating…</Tile>;
      case "queued":
        return <Tile aspect={aspect} tone={cell.notBefore ? "warn" : "neutral"}>{cell.notBefore ? "Rate limited · waiting" : "Queued"}</Tile>;
      case "failed":
      case "interrupted":
        return (
          <Tile aspect={aspect} tone="error">
            <span className="line-clamp-4" title={cell.error?.message}>{cell.error?.message ?? "Failed"}</span>
            <span className="text-[11px] opacity-80">{cell.mayBeCharged ? "May have been charged" : "Not charged"}</span>
            {retry}
          </Tile>
        );
      default:
        return (
          <Tile aspect={aspect}>
            <span>{cell.mayBeCharged ? "Cancelled · may have been charged" : "Cancelled · not charged"}</span>
            {retry}
          </Tile>
        );
    }
  })();
  return (
    <div data-testid="grid-cell" data-status={cell.status} aria-label={place} role="group">
      {body}
    </div>
  );
}

/** One Z slice: X values across, Y values down, real names on the edges. */
function GridTable({ view, z, catalog, onRetry }: { view: GridView; z: number; catalog: Catalog; onRetry: (cellId: string) => void }) {
  const { x, y } = view.plan.axes;
  const first = view.cells.find((c) => c.generation)?.generation;
  const aspect = first ? `${first.width} / ${first.height}` : "1 / 1";
  const rows = y ? y.labels.map((_, i) => i) : [null];
  const baseline = cellAt(view, z, null, null);
  return (
    <div className="flex flex-col gap-3">
      {baseline && (
        <div className="w-32">
          <p className="mb-1 text-xs font-medium">No LoRA</p>
          <Cell view={view} cell={baseline} catalog={catalog} aspect={aspect} onRetry={onRetry} />
        </div>
      )}
      <div className="overflow-x-auto">
        <table className="border-separate border-spacing-1.5 text-xs">
          <caption className="sr-only">{`${x.name}${y ? ` by ${y.name}` : ""}`}</caption>
          <thead>
            <tr>
              <th scope="col" className="text-left align-bottom font-medium text-zinc-500 dark:text-zinc-400">
                {y ? `${y.name} ↓ · ${x.name} →` : `${x.name} →`}
              </th>
              {x.labels.map((label, i) => (
                <th key={i} scope="col" className="min-w-20 max-w-40 break-words px-1 text-left align-bottom font-semibold sm:min-w-32">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row ?? "only"}>
                <th scope="row" className="max-w-28 break-words pr-1 text-left align-middle font-semibold">
                  {y && row !== null ? y.labels[row] : ""}
                </th>
                {x.labels.map((_, col) => {
                  const cell = cellAt(view, z, col, row);
                  return <td key={col} className="min-w-20 max-w-40 align-top sm:min-w-32">{cell ? <Cell view={view} cell={cell} catalog={catalog} aspect={aspect} onRetry={onRetry} /> : null}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A grid running (or run) on the server: progress, cancel, Z tabs, the labelled table. */
export function GridPanel({ view, catalog, onCancel, onRetry, cancelling }: { view: GridView; catalog: Catalog; onCancel: () => void; onRetry: (cellId: string) => void; cancelling: boolean }) {
  const zAxis = view.plan.axes.z;
  const finished = view.counts.succeeded + view.counts.failed + view.counts.cancelled + view.counts.interrupted;
  return (
    <section aria-label="Grid" aria-busy={!view.finished} className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <h3 className="break-words text-base font-semibold">{view.name}</h3>
          <p className="text-sm tabular-nums text-zinc-600 dark:text-zinc-400" aria-live="polite" data-testid="grid-progress">
            {gridProgress(view)}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {!view.finished && (
            <Button variant="danger" onClick={onCancel} disabled={cancelling}>
              Cancel grid
            </Button>
          )}
          {view.collectionId && view.counts.succeeded > 0 && (
            <Link href={`/collections/${view.collectionId}`} className="rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-accent-500 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800">
              Open collection
            </Link>
          )}
        </div>
      </div>
      <div role="progressbar" aria-label="Grid progress" aria-valuemin={0} aria-valuemax={view.cells.length} aria-valuenow={finished} className="h-1.5 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
        <div className="h-full rounded-full bg-accent-600 transition-[width] duration-300 dark:bg-accent-500" style={{ width: `${(finished / Math.max(1, view.cells.length)) * 100}%` }} />
      </div>
      {zAxis ? (
        <ZTabs name={zAxis.name} labels={zAxis.labels}>
          {zAxis.labels.map((_, z) => (
            <GridTable key={z} view={view} z={z} catalog={catalog} onRetry={onRetry} />
          ))}
        </ZTabs>
      ) : (
        <GridTable view={view} z={0} catalog={catalog} onRetry={onRetry} />
      )}
    </section>
  );
}
