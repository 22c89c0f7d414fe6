import type { ReactNode } from "react";
import type { SweepAxis } from "@/lib/sharing/view";
import { Card } from "@/components/ui/card";

/** Narrow enough on a phone for a 0.3–1.2 step 0.3 sweep (four values) to fit the screen, roomier from `sm` up. */
const column = "min-w-20 sm:min-w-36";

/** A sweep's scales in a mono pill; a grid's words (LoRA titles, prompt labels) may wrap. */
const valuePill = {
  number: "rounded-full bg-zinc-100 px-2 py-0.5 font-mono text-xs font-semibold tabular-nums text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
  // Whole words: a row label widens its column rather than break "portrait" in two.
  words: "inline-block max-w-full break-words rounded-md bg-zinc-100 px-2 py-0.5 text-xs font-semibold text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
};

function formatAxisValue(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
}

/** A sweep's scale axis, or a grid's axis whose values are words. */
export type TableAxis = SweepAxis | { name: string; labels: readonly string[] };

const valuesOf = (axis: TableAxis): readonly string[] => ("labels" in axis ? axis.labels : axis.values.map(formatAxisValue));
const pillOf = (axis: TableAxis) => ("labels" in axis ? valuePill.words : valuePill.number);

export interface SweepTableProps {
  axes: { x?: TableAxis; y?: TableAxis };
  /** What fills column x, row y (y is 0 for one-axis sweeps). */
  cell: (x: number, y: number) => ReactNode;
  /** The no-LoRA baseline, drawn once in a leading column spanning every row; omit when there is none. */
  baseline?: ReactNode;
  label?: string;
}

/**
 * The labelled table every sweep and saved grid is drawn with (live in the studio, saved,
 * shared): the axis names and values on the edges, a "No LoRA" column first when there is a
 * baseline. No hooks, so server pages and client components both use it.
 */
export function SweepTable({ axes, cell, baseline, label }: SweepTableProps) {
  const columns: (string | null)[] = axes.x ? [...valuesOf(axes.x)] : [null];
  const rows: (string | null)[] = axes.y ? [...valuesOf(axes.y)] : [null];
  const hasBaseline = baseline !== undefined && baseline !== null;
  const caption = [axes.x && `Columns: ${axes.x.name}`, axes.y && `rows: ${axes.y.name}`, hasBaseline && "the first column is the same image with no LoRA"].filter(Boolean);
  return (
    <div className="relative -mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <Card as="table" aria-label={label} className="w-full border-separate border-spacing-1 p-1.5 sm:border-spacing-2 sm:p-3">
        <caption className="sr-only">{caption.join("; ")}</caption>
        <thead>
          {axes.x && (
            <tr>
              {axes.y && <td />}
              {hasBaseline && <td />}
              <th scope="colgroup" colSpan={columns.length} className="text-left text-xs font-semibold text-zinc-700 sm:text-center dark:text-zinc-300">
                {axes.x.name} <span aria-hidden>→</span>
              </th>
            </tr>
          )}
          <tr>
            {axes.y && (
              <th scope="col" className="w-14 text-left align-bottom text-[11px] font-semibold leading-tight text-zinc-700 sm:w-20 dark:text-zinc-300">
                {axes.y.name} <span aria-hidden>↓</span>
              </th>
            )}
            {hasBaseline && (
              <th scope="col" className={`${column} pb-1 text-center`}>
                <span className="rounded-full px-2 py-0.5 text-xs font-semibold text-zinc-600 ring-1 ring-inset ring-zinc-300 dark:text-zinc-300 dark:ring-zinc-600">No LoRA</span>
              </th>
            )}
            {axes.x &&
              columns.map((v, i) => (
                <th key={i} scope="col" className={`${column} pb-1 text-center`}>
                  <span className="sr-only">{axes.x!.name} </span>
                  <span className={pillOf(axes.x!)}>{v}</span>
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
                  <span className={pillOf(axes.y)}>{rv}</span>
                </th>
              )}
              {hasBaseline && y === 0 && (
                <td rowSpan={rows.length} className={`${column} border-r border-dashed border-zinc-200 pr-1 align-top sm:pr-2 dark:border-zinc-700`}>
                  {baseline}
                </td>
              )}
              {columns.map((_, x) => (
                <td key={x} className={`${column} align-top`}>
                  {cell(x, y)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </Card>
    </div>
  );
}
