import type { ReactNode } from "react";
import { cellLabel } from "@/lib/explore/cell";
import { formatUsd } from "@/lib/models/pricing";
import { gridKey, placeOnGrid } from "@/lib/sharing/grid";
import type { SharedCollectionItem, SweepAxes } from "@/lib/sharing/view";
import { OpenInStudio } from "./recipe";
import { SweepTable } from "./sweep-table";
import { clip } from "@/lib/text/clip";
import { isSimulated } from "@/lib/providers/names";
import { Card } from "@/components/ui/card";

/** Server-rendered grids of a shared collection: plain cards, or a labelled sweep grid. */

function Thumb({ item, className = "", crop = false, label }: { item: SharedCollectionItem; className?: string; crop?: boolean; /** Overrides the prompt as alt text (a sweep cell: its scales). */ label?: string }) {
  const image = item.images[0];
  if (!image) return <div className={`aspect-square rounded-xl bg-zinc-100 dark:bg-zinc-800 ${className}`} />;
  return (
    <a
      href={image.url}
      target="_blank"
      rel="noopener"
      className={`group relative block overflow-hidden rounded-xl bg-zinc-100 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800 ${className}`}
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- bytes come from our own immutable public route */}
      <img
        src={image.thumbUrl}
        width={image.width}
        height={image.height}
        loading="lazy"
        alt={label ?? `${clip(item.userPrompt, 120, "Untitled")} (seed ${item.seed})`}
        className={`w-full transition duration-300 group-hover:scale-[1.02] ${crop ? "aspect-[4/3] object-cover" : "h-auto"}`}
        style={crop ? undefined : { aspectRatio: `${image.width} / ${image.height}` }}
      />
      {item.images.length > 1 && (
        <span className="absolute bottom-2 right-2 rounded-full bg-black/60 px-2 py-0.5 text-[11px] font-medium text-white backdrop-blur">
          +{item.images.length - 1}
        </span>
      )}
      <span className="sr-only"> — open the full image</span>
    </a>
  );
}

function KeyParams({ item }: { item: SharedCollectionItem }) {
  return (
    <div className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
      {item.loras.map((l) => (
        <p key={l.position} className="flex min-w-0 items-baseline justify-between gap-2">
          <a href={l.href} target="_blank" rel="noopener noreferrer" title={l.path} className="min-w-0 truncate font-medium text-accent-700 hover:underline dark:text-accent-400">
            {l.name}
          </a>
          <span className="shrink-0 font-mono tabular-nums text-zinc-700 dark:text-zinc-300">
            <span className="sr-only">scale </span>× {l.scale}
          </span>
        </p>
      ))}
      <p className="tabular-nums">
        {item.modelLabel} · {item.width}×{item.height} · {item.steps} steps · seed {item.seed} · {formatUsd(item.costMicroUsd)}
        {isSimulated(item.provider) && " · simulated"}
      </p>
    </div>
  );
}

function ItemCard({ item, position }: { item: SharedCollectionItem; position: number }) {
  return (
    <Card as="li" className="flex flex-col gap-3 p-3">
      <Thumb item={item} crop />
      <div className="flex flex-1 flex-col gap-2 px-1">
        <h2 className="line-clamp-2 break-words text-sm font-medium text-zinc-900 dark:text-zinc-100">
          <span className="sr-only">{position}. </span>
          {item.userPrompt || "Untitled"}
        </h2>
        <KeyParams item={item} />
      </div>
      <div className="px-1 pb-1">
        <OpenInStudio result={item} size="sm" tone="soft" />
      </div>
    </Card>
  );
}

export function CollectionCards({ items, label = "Results" }: { items: SharedCollectionItem[]; label?: string }) {
  return (
    <ol aria-label={label} className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
      {items.map((item, i) => (
        <ItemCard key={item.key} item={item} position={i + 1} />
      ))}
    </ol>
  );
}

/** What every result of a sweep shares (prompt, seed, model, size), shown once above the grid. */
function commonRecipe(items: SharedCollectionItem[]) {
  const first = items[0];
  if (!first) return null;
  const same = <K extends keyof SharedCollectionItem>(key: K) => items.every((i) => i[key] === first[key]);
  return {
    prompt: same("userPrompt") ? first.userPrompt : null,
    seed: same("seed") ? first.seed : null,
    model: same("modelLabel") ? first.modelLabel : null,
    size: same("width") && same("height") ? `${first.width}×${first.height}` : null,
    steps: same("steps") ? first.steps : null,
    loras: [...new Map(items.flatMap((i) => i.loras).map((l) => [l.name, l])).values()],
  };
}

/**
 * One result on a sweep's or grid's table, named by its place (`label`), or the dashed tile of a
 * place that has none: a dash for a sweep, or `empty` said in words (a grid's "Failed", "Not run yet"),
 * with the cell's `reason` under it on its owner's page.
 */
export function GridCell({
  item,
  label,
  extras,
  empty,
  reason,
  aspect,
}: {
  item: SharedCollectionItem | null | undefined;
  label: string;
  extras?: (item: SharedCollectionItem, label: string) => ReactNode;
  empty?: string;
  /** Why the place is empty, in the provider's or the app's words. */
  reason?: string | null;
  /** The images' width / height, so an empty tile keeps their shape; square when unknown. */
  aspect?: number;
}) {
  if (!item) {
    return (
      <div
        style={aspect ? { aspectRatio: String(aspect) } : undefined}
        className={`flex min-h-16 items-center justify-center overflow-hidden rounded-xl border border-dashed border-zinc-300 p-1 text-center text-xs text-zinc-500 [overflow-wrap:anywhere] dark:border-zinc-700 dark:text-zinc-400 ${aspect ? "" : "aspect-square"}`}
      >
        {empty ? (
          // With a reason, the text takes the tile's width rather than widening its column.
          <p className={reason ? "w-0 min-w-full" : undefined}>
            <span>{empty}</span>
            <span className="sr-only">: {label}</span>
            {reason ? (
              // Error messages can be long (a provider's whole sentence): clipped here, whole on hover and to screen readers.
              <span data-testid="cell-reason" title={reason} className="mt-1 line-clamp-4 text-[11px] leading-snug">
                {reason}
              </span>
            ) : null}
          </p>
        ) : (
          <span role="img" aria-label="No result">—</span>
        )}
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-1.5">
      <Thumb item={item} label={label} />
      {extras?.(item, label)}
      <OpenInStudio result={item} size="sm" tone="soft" className="w-full" name={`Open ${label} in studio`} />
    </div>
  );
}

export interface SweepGridProps {
  collection: { axes: SweepAxes; items: SharedCollectionItem[] };
  /** Rendered under each result's thumbnail (the baseline's too), e.g. a Compare toggle; `label` names its place. */
  cellExtras?: (item: SharedCollectionItem, label: string) => ReactNode;
  /** Shown above the table, e.g. a download link. */
  actions?: ReactNode;
}

/**
 * A scale sweep as a table: one column per x value, one row per y value, each cell one result.
 * A baseline made without LoRAs gets a leading "No LoRA" column; its one image spans the rows
 * (top-aligned, as on the contact sheet) so every row can be read against it.
 */
export function SweepGrid({ collection, cellExtras, actions }: SweepGridProps) {
  const { axes } = collection;
  const { cells, baseline, rest } = placeOnGrid(collection.items, axes);
  const common = commonRecipe(collection.items);
  const labelOf = (item: SharedCollectionItem) => cellLabel(axes, item.cell) || clip(item.userPrompt, 120, "Untitled");
  return (
    <div className="flex flex-col gap-6">
      {common && (
        <Card as="section" aria-label="Fixed across the grid" className="flex flex-col gap-2 p-4 text-sm">
          {common.prompt && <p className="break-words text-zinc-800 dark:text-zinc-200">“{common.prompt}”</p>}
          <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
            {common.model && <span>{common.model}</span>}
            {common.size && <span>{common.size}</span>}
            {common.steps !== null && <span>{common.steps} steps</span>}
            {common.seed !== null && <span>seed {common.seed}</span>}
            {common.loras.map((l) => (
              <a key={l.name} href={l.href} target="_blank" rel="noopener noreferrer" title={l.path} className="font-medium text-accent-700 hover:underline dark:text-accent-400">
                {l.name}
              </a>
            ))}
          </p>
        </Card>
      )}
      {actions && <div className="flex flex-wrap items-center justify-end gap-2">{actions}</div>}
      <SweepTable
        axes={axes}
        baseline={baseline ? <GridCell item={baseline} label={labelOf(baseline)} extras={cellExtras} /> : undefined}
        cell={(x, y) => {
          const item = cells.get(gridKey(x, y));
          return <GridCell item={item} label={item ? labelOf(item) : ""} extras={cellExtras} />;
        }}
      />
      {rest.length > 0 && (
        <section className="flex flex-col gap-3" aria-labelledby="other-results">
          <h2 id="other-results" className="text-sm font-semibold">Other results</h2>
          <CollectionCards items={rest} label="Other results" />
        </section>
      )}
    </div>
  );
}
