import type { ReactNode } from "react";
import { ZTabs } from "@/components/grid/z-tabs";
import { Card } from "@/components/ui/card";
import type { CaptionFacts } from "@/lib/explore/contact-sheet-spec";
import { EMPTY_SLOT_TEXT, type GridLayout, type GridSlice } from "@/lib/grid/layout";
import type { SharedCollectionItem } from "@/lib/sharing/view";
import { CollectionCards, GridCell } from "./collection-grid";
import { SweepTable } from "./sweep-table";

/**
 * A saved grid (the owner's collection page and its shared page): what its results share as a
 * caption, one labelled table per Z value as tabs, the no-LoRA baseline in a leading column, and
 * each empty place saying what became of it. No hooks (the tabs are their own client part), so
 * a server page renders it whole.
 */

export interface SavedGridProps {
  grid: GridLayout<SharedCollectionItem>;
  /** Prompt, seed, model and provider, each "various" where the cells differ. */
  caption: CaptionFacts | null;
  /** Rendered under each result's thumbnail, e.g. a Compare toggle; `label` names its place. */
  cellExtras?: (item: SharedCollectionItem, label: string) => ReactNode;
  /** Shown above the grid, e.g. the contact sheet download. */
  actions?: ReactNode;
}

/** The images' width / height (the first result's), so empty places keep their shape. */
function aspectOf(grid: GridLayout<SharedCollectionItem>): number | undefined {
  for (const slice of grid.slices) {
    for (const slot of [slice.baseline, ...slice.rows.flatMap((r) => r.slots)]) {
      const image = slot?.item?.images[0];
      if (image && image.width > 0 && image.height > 0) return image.width / image.height;
    }
  }
  return undefined;
}

/** Which axis kinds make each caption part differ from cell to cell (lib/grid/spec.ts AXIS_KINDS). */
const VARIED_BY = { Prompt: ["prompt", "prompt-set"], Seed: ["seed"], Model: ["model"], Provider: ["model"] } as const;

function Caption({ facts, plan }: { facts: CaptionFacts; plan: GridLayout<unknown>["plan"] }) {
  const axes = [plan.axes.x, plan.axes.y, plan.axes.z];
  const varies = (term: keyof typeof VARIED_BY) => {
    const axis = axes.find((a) => a && (VARIED_BY[term] as readonly string[]).includes(a.kind));
    return axis ? `varies with ${axis.name}` : "varies across the grid";
  };
  const parts = (
    [
      ["Prompt", facts.prompt],
      ["Seed", facts.seed],
      ["Model", facts.model],
      ["Provider", facts.provider],
    ] as const
  ).map(([term, value]) => ({ term, value, shown: value === "various" ? varies(term) : term === "Prompt" ? `“${value}”` : value }));
  return (
    <Card as="section" aria-label="About this grid" className="p-4 text-sm">
      <dl className="flex flex-col gap-1.5 sm:flex-row sm:flex-wrap sm:gap-x-5">
        {parts.map(({ term, value, shown }) => (
          <div key={term} className={`flex min-w-0 gap-1.5 ${term === "Prompt" ? "sm:basis-full" : ""}`}>
            <dt className="shrink-0 text-zinc-500 dark:text-zinc-400">{term}</dt>
            <dd className={`min-w-0 break-words ${value === "various" ? "italic text-zinc-600 dark:text-zinc-400" : "text-zinc-900 dark:text-zinc-100"}`}>
              {shown}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function Slice({ grid, slice, cellExtras, aspect }: { grid: GridLayout<SharedCollectionItem>; slice: GridSlice<SharedCollectionItem>; cellExtras?: SavedGridProps["cellExtras"]; aspect?: number }) {
  const { x, y, z } = grid.plan.axes;
  const render = (slot: GridSlice<SharedCollectionItem>["rows"][number]["slots"][number]) => (
    <GridCell item={slot.item} label={slot.place} extras={cellExtras} empty={slot.status === "succeeded" ? undefined : EMPTY_SLOT_TEXT[slot.status]} reason={slot.reason} aspect={aspect} />
  );
  return (
    <SweepTable
      axes={{ x, y }}
      label={z && slice.label !== null ? `${z.name}: ${slice.label}` : undefined}
      baseline={slice.baseline ? render(slice.baseline) : undefined}
      cell={(xi, yi) => render(slice.rows[yi].slots[xi])}
    />
  );
}

export function SavedGrid({ grid, caption, cellExtras, actions }: SavedGridProps) {
  const z = grid.plan.axes.z;
  const aspect = aspectOf(grid);
  const slices = grid.slices.map((slice) => <Slice key={slice.z} grid={grid} slice={slice} cellExtras={cellExtras} aspect={aspect} />);
  return (
    <div className="flex flex-col gap-6">
      {caption && <Caption facts={caption} plan={grid.plan} />}
      {actions && <div className="flex flex-wrap items-center justify-end gap-2">{actions}</div>}
      {z ? <ZTabs name={z.name} labels={z.labels}>{slices}</ZTabs> : slices[0]}
      {grid.rest.length > 0 && (
        <section className="flex flex-col gap-3" aria-labelledby="other-grid-results">
          <h2 id="other-grid-results" className="text-sm font-semibold">
            Other results
          </h2>
          <CollectionCards items={grid.rest} label="Other results" />
        </section>
      )}
    </div>
  );
}
