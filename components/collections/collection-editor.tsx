"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { CompareToggle, CompareTray } from "@/components/compare/compare-selection";
import { SweepGrid } from "@/components/sharing/collection-grid";
import { ContactSheetLink } from "@/components/sharing/contact-sheet-link";
import { SavedGrid } from "@/components/sharing/saved-grid";
import { ShareSwitch } from "@/components/sharing/share-switch";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { COLLECTION_NAME_MAX } from "@/lib/collections/limits";
import type { GenerationView } from "@/lib/generation/view";
import type { CaptionFacts } from "@/lib/explore/contact-sheet-spec";
import { keepInLayout, type GridLayout } from "@/lib/grid/layout";
import { formatUsd } from "@/lib/models/pricing";
import type { SharedCollectionItem, SweepAxes } from "@/lib/sharing/view";
import { deleteCollectionAction, moveCollectionItemAction, removeFromCollectionAction, renameCollectionAction } from "./actions";
import { isSimulated } from "@/lib/providers/names";
import { Card } from "@/components/ui/card";

export interface CollectionEditorItem {
  generation: GenerationView;
  /** Owner-only thumbnail URL of the first image. */
  thumbUrl: string | null;
  thumbWidth: number;
  thumbHeight: number;
  /** "Open in studio" link with this result's recipe. */
  studioHref: string;
  /** Readable LoRA names (card titles when known), by position. */
  loraNames: Record<number, string>;
}

export interface CollectionEditorProps {
  collection: { id: string; name: string; description: string | null; kind: "manual" | "sweep" | "grid"; sharePath: string | null };
  items: CollectionEditorItem[];
  /** Set for a sweep with readable axes: its labelled grid (owner image URLs) and contact sheet download. */
  sweep?: { axes: SweepAxes; items: SharedCollectionItem[]; contactSheetHref: string } | null;
  /** Set for a grid whose plan reads: its items in place (owner image URLs), caption and contact sheet download. */
  grid?: { layout: GridLayout<SharedCollectionItem>; caption: CaptionFacts | null; contactSheetHref: string } | null;
}

const KIND_NOTE = { manual: "", sweep: " · scale sweep", grid: " · grid" } as const;

/** Grid or List: two toggle buttons, the pressed one showing which view is on. */
function ViewSwitch({ view, onChange }: { view: "grid" | "list"; onChange: (view: "grid" | "list") => void }) {
  return (
    <div role="group" aria-label="Show results as" className="inline-flex rounded-lg border border-zinc-300 bg-white p-0.5 dark:border-zinc-700 dark:bg-zinc-900">
      {(["grid", "list"] as const).map((v) => (
        <button
          key={v}
          type="button"
          aria-pressed={view === v}
          onClick={() => onChange(v)}
          className={`rounded-md px-3 py-1 text-xs font-medium transition ${
            view === v ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
          }`}
        >
          {v === "grid" ? "Grid" : "List"}
        </button>
      ))}
    </div>
  );
}

function Title({ collection, onRenamed }: { collection: CollectionEditorProps["collection"]; onRenamed: (name: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(collection.name);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const inputId = useId();
  const wasEditing = useRef(false);
  useEffect(() => {
    // Back to the Rename button after saving or cancelling, for keyboard users.
    if (wasEditing.current && !editing) document.getElementById(`${inputId}-rename`)?.focus();
    wasEditing.current = editing;
  }, [editing, inputId]);

  if (!editing) {
    return (
      <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="min-w-0 break-words text-2xl font-semibold tracking-tight">{collection.name}</h1>
        <Button id={`${inputId}-rename`} size="sm" variant="ghost" onClick={() => { setValue(collection.name); setError(null); setEditing(true); }}>
          ✎ Rename
        </Button>
      </div>
    );
  }
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Escape anywhere in the rename form (field or buttons) cancels it
    <form
      className="flex w-full max-w-xl flex-col gap-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await renameCollectionAction(collection.id, value);
          if (!result.ok) return setError(result.error.message);
          onRenamed(result.name);
          setEditing(false);
        });
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          setEditing(false);
        }
      }}
    >
      <label htmlFor={inputId} className="text-sm font-medium">
        Collection name
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the field appears because the person pressed Rename
          autoFocus
          value={value}
          maxLength={COLLECTION_NAME_MAX}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-2 text-lg font-semibold dark:border-zinc-700 dark:bg-zinc-900"
        />
        <Button type="submit" variant="primary" disabled={pending || !value.trim()}>
          Save
        </Button>
        <Button onClick={() => setEditing(false)}>Cancel</Button>
      </div>
      {error && (
        <p id={`${inputId}-error`} role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}

/** The owner's view of one collection: ordered results to move, remove and open; rename, share, delete. */
export function CollectionEditor({ collection: initial, items: initialItems, sweep = null, grid = null }: CollectionEditorProps) {
  const router = useRouter();
  const [collection, setCollection] = useState(initial);
  const [items, setItems] = useState(initialItems);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [pending, start] = useTransition();
  // A sweep or grid opens on its grid; moving and removing happen in the list.
  const [view, setView] = useState<"grid" | "list">("grid");
  const focusAfter = useRef<{ id: string; dir: "up" | "down" } | null>(null);
  const listId = useId();

  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    // Keep the keyboard on the item that moved; at an end, the other button is the one still enabled.
    const wanted = document.getElementById(`${listId}-${target.dir}-${target.id}`) as HTMLButtonElement | null;
    const other = document.getElementById(`${listId}-${target.dir === "up" ? "down" : "up"}-${target.id}`) as HTMLButtonElement | null;
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [items, listId]);

  const move = (index: number, dir: "up" | "down") => {
    const to = dir === "up" ? index - 1 : index + 1;
    if (to < 0 || to >= items.length) return;
    const before = items;
    const next = [...items];
    const [moving] = next.splice(index, 1);
    next.splice(to, 0, moving);
    focusAfter.current = { id: moving.generation.id, dir };
    setItems(next);
    setError(null);
    setAnnouncement(`Moved to position ${to + 1} of ${next.length}.`);
    start(async () => {
      const result = await moveCollectionItemAction(collection.id, moving.generation.id, to);
      if (!result.ok) {
        setItems(before);
        setError(result.error.message);
      }
    });
  };

  const remove = (index: number) => {
    const before = items;
    const gone = items[index];
    const next = items.filter((_, i) => i !== index);
    setItems(next);
    setError(null);
    setAnnouncement("Removed from the collection. The result itself stays in your gallery.");
    // Focus the next item's Remove button (or the previous one's), so the keyboard is not lost.
    const neighbour = next[index] ?? next[index - 1];
    if (neighbour) requestAnimationFrame(() => document.getElementById(`${listId}-remove-${neighbour.generation.id}`)?.focus());
    start(async () => {
      const result = await removeFromCollectionAction(collection.id, gone.generation.id);
      if (!result.ok) {
        setItems(before);
        setError(result.error.message);
      }
    });
  };

  const total = items.reduce((sum, i) => sum + i.generation.costMicroUsd, 0);
  // The grid follows removals made in the list (a removed cell shows as "No result").
  const present = new Set(items.map((i) => i.generation.id));
  const gridItems = sweep ? sweep.items.filter((i) => present.has(i.key)) : [];
  const layout = grid && keepInLayout(grid.layout, (i) => present.has(i.key));
  const compare = (item: SharedCollectionItem, label: string) => (
    <CompareToggle variant="compact" hrefBase="/compare" generationId={item.key} label={label} thumbUrl={item.images[0]?.thumbUrl} />
  );
  const contactSheetHref = sweep?.contactSheetHref ?? grid?.contactSheetHref ?? null;

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/collections" className="text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
          ← Collections
        </Link>
      </nav>

      <header className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex min-w-0 flex-col gap-1">
          <Title collection={collection} onRenamed={(name) => { setCollection((c) => ({ ...c, name })); setAnnouncement(`Renamed to “${name}”.`); router.refresh(); }} />
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {items.length} result{items.length === 1 ? "" : "s"}
            {items.length > 0 && <> · {formatUsd(total)} to make</>}
            {KIND_NOTE[collection.kind]}
          </p>
          {collection.description && <p className="max-w-2xl text-sm text-zinc-700 dark:text-zinc-300">{collection.description}</p>}
        </div>
        <Button variant="danger" size="sm" onClick={() => setConfirmDelete(true)} className="self-start">
          Delete collection
        </Button>
      </header>

      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {error && (
        <p role="alert" className="rounded-2xl border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-500/40 dark:bg-red-500/10 dark:text-red-200">
          {error}
        </p>
      )}

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        {items.length === 0 && !layout ? (
          <div className="flex min-h-64 flex-col items-center justify-center gap-2 rounded-3xl border border-dashed border-zinc-300 p-8 text-center dark:border-zinc-700">
            <p className="font-medium">This collection is empty</p>
            <p className="max-w-sm text-sm text-zinc-600 dark:text-zinc-400">
              Press <span className="font-medium text-zinc-800 dark:text-zinc-200">Add to collection</span> on a result in the <Link href="/" className="text-accent-700 underline-offset-2 hover:underline dark:text-accent-400">studio</Link> or the{" "}
              <Link href="/gallery" className="text-accent-700 underline-offset-2 hover:underline dark:text-accent-400">gallery</Link> to put it here.
            </p>
          </div>
        ) : (
          <div className="flex min-w-0 flex-col gap-4">
            {contactSheetHref && (
              <div className="flex flex-wrap items-center justify-between gap-2">
                <ViewSwitch view={view} onChange={setView} />
                <div className="flex flex-wrap items-center gap-3">
                  {view === "grid" && <p className="text-xs text-zinc-500 dark:text-zinc-400">Move or remove results in the list.</p>}
                  <ContactSheetLink href={contactSheetHref} />
                </div>
              </div>
            )}
            {layout && grid && view === "grid" ? (
              <>
                <SavedGrid grid={layout} caption={grid.caption} cellExtras={compare} />
                <CompareTray hrefBase="/compare" returnHere />
              </>
            ) : sweep && view === "grid" ? (
              <>
                <SweepGrid collection={{ axes: sweep.axes, items: gridItems }} cellExtras={compare} />
                <CompareTray hrefBase="/compare" returnHere />
              </>
            ) : (
              <ol aria-label="Results in this collection" className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
                {items.map((item, index) => {
                  const g = item.generation;
                  const titleId = `${listId}-title-${g.id}`;
                  return (
                    <Card as="li" key={g.id} aria-labelledby={titleId} className="flex overflow-hidden sm:flex-col">
                      <div className="relative w-28 shrink-0 self-stretch bg-zinc-100 sm:w-auto sm:self-auto dark:bg-zinc-950">
                        {item.thumbUrl ? (
                          // eslint-disable-next-line @next/next/no-img-element -- owner-only immutable thumbnail
                          <img
                            src={item.thumbUrl}
                            width={item.thumbWidth}
                            height={item.thumbHeight}
                            alt={`${g.userPrompt} (seed ${g.seed})`}
                            loading="lazy"
                            className="h-full w-full object-cover sm:aspect-[4/3] sm:h-auto"
                          />
                        ) : (
                          <div className="h-full sm:aspect-[4/3]" />
                        )}
                        <span className="absolute bottom-2 left-2 flex size-6 items-center justify-center rounded-full bg-black/65 text-xs font-semibold tabular-nums text-white backdrop-blur">
                          <span className="sr-only">Position </span>
                          {index + 1}
                        </span>
                        {g.images.length > 1 && (
                          <span className="absolute bottom-2 right-2 hidden rounded-full bg-black/60 px-2 py-0.5 text-[11px] font-medium text-white backdrop-blur sm:inline">
                            {g.images.length} images
                          </span>
                        )}
                      </div>
                      <div className="flex min-w-0 flex-1 flex-col gap-2 p-3">
                        <p id={titleId} className="line-clamp-2 break-words text-sm font-medium">
                          {g.userPrompt || "Untitled"}
                        </p>
                        <p className="text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
                          {g.width}×{g.height} · {g.steps} steps · seed {g.seed} · {formatUsd(g.costMicroUsd)}
                          {isSimulated(g.provider) && " · simulated"}
                        </p>
                        {g.loras.length > 0 && (
                          <ul className="flex flex-wrap gap-1">
                            {g.loras.map((l) => (
                              <li key={l.position} title={l.path} className="max-w-full truncate rounded-full bg-zinc-100 px-2 py-0.5 text-[11px] text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                                {item.loraNames[l.position] ?? l.path} <span className="font-mono">× {l.scale}</span>
                              </li>
                            ))}
                          </ul>
                        )}
                        <div className="mt-auto flex flex-wrap items-center gap-1.5 pt-1">
                          <Button id={`${listId}-up-${g.id}`} size="sm" aria-describedby={titleId} disabled={index === 0} onClick={() => move(index, "up")}>
                            <span aria-hidden>↑</span> Move up
                          </Button>
                          <Button id={`${listId}-down-${g.id}`} size="sm" aria-describedby={titleId} disabled={index === items.length - 1} onClick={() => move(index, "down")}>
                            <span aria-hidden>↓</span> Move down
                          </Button>
                          <Button id={`${listId}-remove-${g.id}`} size="sm" variant="ghost" aria-describedby={titleId} onClick={() => remove(index)}>
                            Remove
                          </Button>
                          <Link href={item.studioHref} className="ml-auto rounded-lg px-2 py-1 text-xs font-medium text-accent-700 hover:bg-accent-100 dark:text-accent-400 dark:hover:bg-accent-500/10">
                            Open in studio →
                          </Link>
                        </div>
                      </div>
                    </Card>
                  );
                })}
              </ol>
            )}
          </div>
        )}

        <aside aria-label="Share this collection" className="order-first flex flex-col gap-3 lg:sticky lg:top-6 lg:order-none">
          <ShareSwitch kind="collection" id={collection.id} initialPath={collection.sharePath} onChange={(sharePath) => setCollection((c) => ({ ...c, sharePath }))} />
          <p className="px-1 text-xs text-zinc-500 dark:text-zinc-400">
            {sweep || grid
              ? "The public page shows this grid, each result with its settings and an “Open in studio” button, and offers the same contact sheet. Deleted results disappear from it."
              : "The public page shows these results in this order, each with its prompt, LoRAs and settings, and an “Open in studio” button. Deleted results disappear from it."}
          </p>
        </aside>
      </div>

      <Dialog open={confirmDelete} onClose={() => setConfirmDelete(false)} title="Delete this collection?">
        <div className="flex flex-col gap-4 text-sm">
          <p className="text-zinc-700 dark:text-zinc-300">
            “{collection.name}” and its order are deleted. The {items.length} result{items.length === 1 ? "" : "s"} in it stay in your gallery.
            {collection.sharePath && " Its public link stops working."}
          </p>
          <div className="flex justify-end gap-2">
            <Button onClick={() => setConfirmDelete(false)}>Cancel</Button>
            <Button
              variant="danger"
              disabled={pending}
              onClick={() =>
                start(async () => {
                  const result = await deleteCollectionAction(collection.id);
                  if (!result.ok) {
                    setConfirmDelete(false);
                    return setError(result.error.message);
                  }
                  router.push("/collections");
                  router.refresh();
                })
              }
            >
              Delete
            </Button>
          </div>
        </div>
      </Dialog>
    </div>
  );
}
