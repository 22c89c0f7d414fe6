"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { cn } from "@/lib/cn";
import { useHydrated } from "./use-hydrated";
import { CARD } from "./card";

/**
 * The native <dialog>: focus trapping, Escape and the backdrop come from the browser. Rendered
 * into <body> so a form inside it is never nested in the studio's form.
 */
export function Dialog({ open, onClose, title, children }: { open: boolean; onClose: () => void; title: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const mounted = useHydrated();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open, mounted]);
  if (!mounted) return null;
  return createPortal(
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- a click on the backdrop closes; the keys are only kept inside the dialog
    <dialog
      ref={ref}
      aria-label={title}
      onClose={onClose}
      onClick={(e) => e.target === ref.current && onClose()}
      // React bubbles events through portals: keep the dialog's keys and submits out of the page's form.
      onKeyDown={(e) => e.stopPropagation()}
      onSubmit={(e) => e.stopPropagation()}
      className={cn(CARD, "m-auto w-[min(44rem,calc(100vw-2rem))] p-0 text-zinc-900 shadow-2xl backdrop:bg-black/50 dark:text-zinc-100")}
    >
      <div className="flex items-center justify-between border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
        <h2 className="text-base font-semibold">{title}</h2>
        <button type="button" onClick={onClose} aria-label="Close" className="rounded-lg p-1 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800">✕</button>
      </div>
      <div className="max-h-[75vh] overflow-auto p-5">{open && children}</div>
    </dialog>,
    document.body,
  );
}
