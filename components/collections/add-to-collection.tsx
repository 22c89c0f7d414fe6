"use client";

import { useEffect, useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { CollectionListItem } from "@/lib/collections/view";
import { COLLECTION_NAME_MAX } from "@/lib/collections/limits";
import { addToCollectionAction, createCollectionAction, listCollectionsAction, removeFromCollectionAction } from "./actions";

export interface AddToCollectionProps {
  /** The result to put in (or take out of) the owner's collections. */
  generationId: string;
  size?: "sm" | "md";
  variant?: "primary" | "secondary" | "ghost";
  className?: string;
  /** Called after any change, e.g. to refresh a page that shows collection counts. */
  onChange?: () => void;
}

/**
 * "Add to collection": a dialog listing the owner's collections, each a toggle (pressed = this
 * result is in it), and a form to make a new collection with this result in it.
 */
export function AddToCollection({ generationId, size = "sm", variant = "secondary", className, onChange }: AddToCollectionProps) {
  const [open, setOpen] = useState(false);
  const [collections, setCollections] = useState<CollectionListItem[] | null>(null);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const nameId = useId();
  const errorId = useId();

  useEffect(() => {
    if (!open) return;
    let live = true;
    void listCollectionsAction(generationId).then((result) => {
      if (!live) return;
      if (result.ok) setCollections(result.collections);
      else {
        setCollections([]);
        setError(result.error.message);
      }
    });
    return () => {
      live = false;
    };
  }, [open, generationId]);

  const toggle = (c: CollectionListItem) =>
    start(async () => {
      setBusyId(c.id);
      setError(null);
      const inIt = c.containsGeneration === true;
      const result = inIt ? await removeFromCollectionAction(c.id, generationId) : await addToCollectionAction(c.id, generationId);
      setBusyId(null);
      if (!result.ok) return setError(result.error.message);
      setCollections((list) =>
        (list ?? []).map((x) => (x.id === c.id ? { ...x, containsGeneration: !inIt, itemCount: Math.max(0, x.itemCount + (inIt ? -1 : 1)) } : x)),
      );
      setStatus(inIt ? `Removed from “${c.name}”.` : `Added to “${c.name}”.`);
      onChange?.();
    });

  const create = () =>
    start(async () => {
      setError(null);
      const result = await createCollectionAction(name, generationId);
      if (!result.ok) return setError(result.error.message);
      setCollections((list) => [result.collection, ...(list ?? [])]);
      setName("");
      setStatus(`Created “${result.collection.name}” with this result in it.`);
      onChange?.();
    });

  return (
    <>
      <Button size={size} variant={variant} className={className} onClick={() => {
          // Each opening starts clean and lists the collections afresh.
          setCollections(null);
          setError(null);
          setStatus(null);
          setOpen(true);
        }}>
        <span aria-hidden className="text-base leading-none">+</span> Add to collection
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Add to collection">
        <div className="flex flex-col gap-4 text-sm">
          {collections === null ? (
            <ul aria-label="Loading collections" aria-busy="true" className="flex flex-col gap-2">
              {[0, 1, 2].map((i) => (
                <li key={i} className="h-14 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-800" />
              ))}
            </ul>
          ) : collections.length === 0 ? (
            <p className="rounded-xl border border-dashed border-zinc-300 p-4 text-center text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              No collections yet. Name your first one below.
            </p>
          ) : (
            <ul aria-label="Your collections" className="flex max-h-80 flex-col gap-1.5 overflow-auto">
              {collections.map((c) => {
                const inIt = c.containsGeneration === true;
                return (
                  <li key={c.id}>
                    <button
                      type="button"
                      aria-pressed={inIt}
                      disabled={pending && busyId === c.id}
                      onClick={() => toggle(c)}
                      className={`flex w-full items-center gap-3 rounded-xl border p-2 text-left transition ${
                        inIt
                          ? "border-accent-500/50 bg-accent-50 dark:border-accent-500/40 dark:bg-accent-500/10"
                          : "border-zinc-200 hover:border-zinc-300 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:border-zinc-700 dark:hover:bg-zinc-800/60"
                      }`}
                    >
                      <span aria-hidden className="size-10 shrink-0 overflow-hidden rounded-lg bg-gradient-to-br from-zinc-200 to-zinc-300 dark:from-zinc-800 dark:to-zinc-700">
                        {c.cover && (
                          // eslint-disable-next-line @next/next/no-img-element -- owner-only immutable thumbnail
                          <img src={c.cover.url} alt="" className="size-full object-cover" loading="lazy" />
                        )}
                      </span>
                      <span className="flex min-w-0 flex-1 flex-col">
                        <span className="truncate font-medium">{c.name}</span>
                        <span className="text-xs text-zinc-500 dark:text-zinc-400">
                          {c.itemCount} result{c.itemCount === 1 ? "" : "s"}
                        </span>
                      </span>
                      <span
                        aria-hidden
                        className={`rounded-full px-2.5 py-1 text-xs font-medium ${
                          inIt ? "bg-accent-600 text-white" : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
                        }`}
                      >
                        {pending && busyId === c.id ? "…" : inIt ? "✓ Added" : "Add"}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <form
            className="flex flex-col gap-1.5 border-t border-zinc-200 pt-4 dark:border-zinc-800"
            onSubmit={(e) => {
              e.preventDefault();
              create();
            }}
          >
            <label htmlFor={nameId} className="font-medium">
              New collection
            </label>
            <div className="flex gap-2">
              <input
                id={nameId}
                value={name}
                maxLength={COLLECTION_NAME_MAX}
                onChange={(e) => setName(e.target.value)}
                placeholder="Name, e.g. Tarot studies"
                autoComplete="off"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-950"
              />
              <Button type="submit" variant="primary" disabled={pending || !name.trim()}>
                Create
              </Button>
            </div>
          </form>
          <p aria-live="polite" className="text-xs text-zinc-600 empty:hidden dark:text-zinc-400">
            {status}
          </p>
          {error && (
            <p id={errorId} role="alert" className="text-xs text-red-700 dark:text-red-300">
              {error}
            </p>
          )}
        </div>
      </Dialog>
    </>
  );
}
