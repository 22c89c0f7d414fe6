import type { ReactNode } from "react";
import { splitRows, type DiffRow } from "@/lib/compare/diff";
import type { CompareSide } from "@/lib/compare/side";
import { CompareView } from "./compare-view";
import { ParamDiff } from "./param-diff";

/** The compare page's body, owner's or shared: a title saying how much differs, the images, the table. */
export function Comparison({ a, b, rows, back }: { a: CompareSide; b: CompareSide; rows: DiffRow[]; back: ReactNode }) {
  const differing = splitRows(rows).different;
  const summary =
    differing.length === 0
      ? "Made with exactly the same parameters."
      : differing.length <= 3
        ? `Different in ${differing.map((r) => r.label).join(", ")}.`
        : `${differing.length} of ${rows.length} parameters differ.`;
  return (
    <article aria-labelledby="compare-title" className="flex flex-col gap-5">
      {back}
      <header className="flex flex-col gap-1">
        <h1 id="compare-title" className="text-2xl font-semibold tracking-tight">Compare</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{summary}</p>
      </header>
      <CompareView a={a} b={b} />
      <ParamDiff rows={rows} />
    </article>
  );
}
