"use client";

import { useEffect, useRef, useState } from "react";
import { clip } from "@/lib/text/clip";
import { restoreGenerationAction } from "./actions";
import { dismissToast, unhide, useDeletedStore } from "./deleted-store";

const VISIBLE_MS = 12_000;

/**
 * "Deleted “…” · Undo" after a delete. Undo restores on the server, then shows the item again;
 * `onRestored` lets the page fetch it back when it is not among the items it holds.
 */
export function UndoToast({ onRestored }: { onRestored?: (id: string) => void }) {
  const { toast } = useDeletedStore();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const hovered = useRef(false);

  useEffect(() => {
    setFailed(null);
    setBusy(false);
    if (!toast) return;
    // Keyboard users land on Undo: the button they pressed has just disappeared.
    if (!toast.error && document.activeElement && (document.activeElement === document.body || !document.activeElement.isConnected)) undoRef.current?.focus();
    const timer = setInterval(() => {
      if (!hovered.current && !undoRef.current?.matches(":focus")) dismissToast();
    }, VISIBLE_MS);
    return () => clearInterval(timer);
  }, [toast]);

  if (!toast) return null;
  const label = clip(toast.label, 60);

  async function undo() {
    if (!toast || busy) return;
    setBusy(true);
    const result = await restoreGenerationAction(toast.id).catch(() => null);
    setBusy(false);
    if (result?.ok) {
      unhide(toast.id);
      onRestored?.(toast.id);
    } else setFailed(result && !result.ok ? result.error.message : "The server could not be reached; try again.");
  }

  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-4">
      <div
        role="status"
        aria-live="polite"
        onMouseEnter={() => (hovered.current = true)}
        onMouseLeave={() => (hovered.current = false)}
        className="pointer-events-auto flex max-w-xl items-center gap-3 rounded-2xl bg-zinc-900 py-2.5 pl-4 pr-2 text-sm text-white shadow-2xl ring-1 ring-white/10 dark:bg-zinc-100 dark:text-zinc-900 dark:ring-black/10"
      >
        <span className="min-w-0 truncate">
          {toast.error ? toast.error : failed ? failed : <>Deleted <q className="font-medium">{label}</q></>}
        </span>
        {!toast.error && (
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
        <button type="button" onClick={dismissToast} aria-label="Dismiss" className="shrink-0 rounded-lg p-1.5 text-zinc-400 hover:bg-white/10 hover:text-white dark:text-zinc-500 dark:hover:bg-black/5 dark:hover:text-zinc-900">
          <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor"><path d="M5.3 5.3a1 1 0 0 1 1.4 0L10 8.6l3.3-3.3a1 1 0 1 1 1.4 1.4L11.4 10l3.3 3.3a1 1 0 0 1-1.4 1.4L10 11.4l-3.3 3.3a1 1 0 0 1-1.4-1.4L8.6 10 5.3 6.7a1 1 0 0 1 0-1.4Z" /></svg>
        </button>
      </div>
    </div>
  );
}
