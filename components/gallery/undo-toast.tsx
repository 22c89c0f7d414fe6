"use client";

import { useEffect, useRef, useState, type CSSProperties } from "react";
import { Toaster, toast as sonner } from "sonner";
import { clip } from "@/lib/text/clip";
import { restoreGenerationAction } from "./actions";
import { dismissToast, unhide, useDeletedStore, type DeletedEntry } from "./deleted-store";

const VISIBLE_MS = 12_000;

/**
 * "Deleted “…” · Undo" after a delete, shown by sonner (a polite live region, stacking, swipe to
 * dismiss on touch, Alt+T to reach it). The deleted-store stays the source of truth, so a delete
 * made on the detail page is offered back here once the gallery shows. `onRestored` lets the
 * page fetch the item back when it is not among the items it holds.
 */
export function UndoToast({ onRestored }: { onRestored?: (id: string) => void }) {
  const { toast: entry } = useDeletedStore();
  const shown = useRef<string | null>(null);
  // The page passes a new function each render; the toast calls the latest one.
  const restored = useRef(onRestored);
  useEffect(() => {
    restored.current = onRestored;
  }, [onRestored]);
  useEffect(() => {
    if (shown.current && shown.current !== entry?.id) sonner.dismiss(shown.current);
    shown.current = entry?.id ?? null;
    if (!entry) return;
    // Sonner's own timer is off: ours pauses while the toast is hovered or focused (below).
    sonner.custom(() => <DeletedToast entry={entry} onRestored={(id) => restored.current?.(id)} />, { id: entry.id, duration: Infinity, onDismiss: () => dismissToast(entry.id) });
  }, [entry]);
  // As wide as the old toast (sonner's default is 356 px): room for the prompt it names.
  return <Toaster position="bottom-center" containerAriaLabel="Notifications" toastOptions={{ unstyled: true, className: "w-full" }} style={{ "--width": "36rem" } as CSSProperties} />;
}

function DeletedToast({ entry, onRestored }: { entry: DeletedEntry; onRestored?: (id: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const hovered = useRef(false);

  useEffect(() => {
    // Keyboard users land on Undo: the button they pressed has just disappeared.
    if (!entry.error && document.activeElement && (document.activeElement === document.body || !document.activeElement.isConnected)) undoRef.current?.focus();
    // Stays while hovered or while focus is in it (time to read and reach Undo).
    const timer = setInterval(() => {
      if (!hovered.current && !rootRef.current?.contains(document.activeElement)) dismissToast(entry.id);
    }, VISIBLE_MS);
    return () => clearInterval(timer);
  }, [entry]);

  const label = clip(entry.label, 60);
  async function undo() {
    if (busy) return;
    setBusy(true);
    const result = await restoreGenerationAction(entry.id).catch(() => null);
    setBusy(false);
    if (result?.ok) {
      unhide(entry.id);
      onRestored?.(entry.id);
    } else setFailed(result && !result.ok ? result.error.message : "The server could not be reached; try again.");
  }

  return (
    <div
      ref={rootRef}
      onMouseEnter={() => (hovered.current = true)}
      onMouseLeave={() => (hovered.current = false)}
      className="flex w-full items-center gap-3 rounded-2xl bg-zinc-900 py-2.5 pl-4 pr-2 text-sm text-white shadow-2xl ring-1 ring-white/10 dark:bg-zinc-100 dark:text-zinc-900 dark:ring-black/10"
    >
      <span className="min-w-0 flex-1 truncate">
        {entry.error ? entry.error : failed ? failed : <>Deleted <q className="font-medium">{label}</q></>}
      </span>
      {!entry.error && (
        <button
          ref={undoRef}
          type="button"
          onClick={undo}
          aria-disabled={busy}
          className="shrink-0 rounded-lg px-3 py-1.5 font-semibold text-accent-400 hover:bg-white/10 aria-disabled:opacity-60 dark:text-accent-700 dark:hover:bg-black/5"
        >
          Undo
        </button>
      )}
      <button type="button" onClick={() => dismissToast(entry.id)} aria-label="Dismiss" className="shrink-0 rounded-lg p-1.5 text-zinc-400 hover:bg-white/10 hover:text-white dark:text-zinc-500 dark:hover:bg-black/5 dark:hover:text-zinc-900">
        <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor"><path d="M5.3 5.3a1 1 0 0 1 1.4 0L10 8.6l3.3-3.3a1 1 0 1 1 1.4 1.4L11.4 10l3.3 3.3a1 1 0 0 1-1.4 1.4L10 11.4l-3.3 3.3a1 1 0 0 1-1.4-1.4L8.6 10 5.3 6.7a1 1 0 0 1 0-1.4Z" /></svg>
      </button>
    </div>
  );
}
