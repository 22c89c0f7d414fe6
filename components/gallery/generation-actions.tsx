"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { deleteGenerationAction } from "./actions";
import { BackLink } from "@/components/ui/back-link";
import { galleryHrefNow, markDeleted, useDeletedStore } from "./deleted-store";

const linkButton =
  "inline-flex items-center justify-center gap-1.5 rounded-lg px-3 py-2 text-sm font-medium transition";

export interface GenerationActionsProps {
  /** The generation's id (what delete, share and collection actions act on). */
  generationId: string;
  /** The prompt the person typed: names the item in the Undo toast. */
  label: string;
  /** studioHref(g, { keepSeed: false }). */
  remixHref: string;
  /** studioHref(g): same seed. */
  rerunHref: string;
  /**
   * Extension slot for more actions (the sharing work adds "Share" and "Add to collection"
   * here). Rendered between the studio links and Delete, in the same wrapping row; give each
   * child its own accessible name. Buttons in the row are `size md` (px-3 py-2 text-sm, rounded-lg).
   */
  children?: ReactNode;
}

/**
 * The detail page's action bar: Remix, Re-run same seed, [extension slot], Delete. Delete
 * hides the result at once and returns to the gallery, where a toast offers Undo.
 */
export function GenerationActions({ generationId, label, remixHref, rerunHref, children }: GenerationActionsProps) {
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  async function remove() {
    if (state.busy) return;
    setState({ busy: true, error: null });
    const result = await deleteGenerationAction(generationId).catch(() => null);
    if (result?.ok) {
      markDeleted({ id: generationId, label });
      router.push(galleryHrefNow());
      return;
    }
    setState({ busy: false, error: result && !result.ok ? result.error.message : "Could not delete: the server could not be reached." });
  }

  return (
    <div className="flex flex-col gap-2">
      <div role="group" aria-label="Actions" className="flex flex-wrap items-center gap-2">
        <Link href={remixHref} className={`${linkButton} bg-accent-600 text-white shadow-sm hover:bg-accent-700`}>
          <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4"><path d="M10 2a.75.75 0 0 1 .7.48l1.4 3.64 3.9.2a.75.75 0 0 1 .43 1.33l-3.04 2.47 1.02 3.77a.75.75 0 0 1-1.12.82L10 12.57l-3.3 2.14a.75.75 0 0 1-1.12-.82l1.02-3.77-3.04-2.47a.75.75 0 0 1 .43-1.33l3.9-.2 1.4-3.64A.75.75 0 0 1 10 2Z" /></svg>
          Remix
        </Link>
        <Link href={rerunHref} className={`${linkButton} border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800`}>
          <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4"><path fillRule="evenodd" d="M15.3 4.7a.75.75 0 0 1 .7.75v3.3a.75.75 0 0 1-.75.75h-3.3a.75.75 0 0 1 0-1.5h1.6A5.5 5.5 0 1 0 15.2 12a.75.75 0 1 1 1.42.5A7 7 0 1 1 14.5 6.9V5.45a.75.75 0 0 1 .8-.75Z" clipRule="evenodd" /></svg>
          Re-run same seed
        </Link>
        {/* Extension slot: "Share" switch and "Add to collection" (sharing + collections). */}
        {children}
        <button
          type="button"
          onClick={remove}
          aria-disabled={state.busy}
          className={`${linkButton} ml-auto border border-red-300 bg-white text-red-700 hover:bg-red-50 aria-disabled:opacity-60 dark:border-red-500/40 dark:bg-transparent dark:text-red-300 dark:hover:bg-red-500/10`}
        >
          <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor"><path fillRule="evenodd" d="M8 2a1 1 0 0 0-.9.55L6.38 4H3.5a.75.75 0 0 0 0 1.5h.3l.8 10.1A2 2 0 0 0 6.6 17.5h6.8a2 2 0 0 0 2-1.9l.8-10.1h.3a.75.75 0 0 0 0-1.5h-2.88l-.72-1.45A1 1 0 0 0 12 2H8Zm.5 5.25a.75.75 0 0 1 .75.75v6a.75.75 0 0 1-1.5 0V8a.75.75 0 0 1 .75-.75Zm3.75.75a.75.75 0 0 0-1.5 0v6a.75.75 0 0 0 1.5 0V8Z" clipRule="evenodd" /></svg>
          Delete
        </button>
      </div>
      {state.error && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{state.error}</p>}
    </div>
  );
}

/** "← Gallery", back to the gallery this tab last showed (its filters kept). */
export function BackToGallery() {
  const { galleryHref } = useDeletedStore();
  return <BackLink href={galleryHref}>Gallery</BackLink>;
}
