"use client";

import { useId, useState, useSyncExternalStore, useTransition } from "react";
import { setCollectionSharedAction, setGenerationSharedAction } from "@/components/collections/actions";
import { CopyButton } from "@/components/ui/copy-button";

export interface ShareSwitchProps {
  /** What is shared: one result (public link /s/…) or a collection (/c/…). */
  kind: "generation" | "collection";
  /** The generation or collection id. */
  id: string;
  /** The public path ("/s/{slug}" or "/c/{slug}") when already shared, else null. */
  initialPath: string | null;
  /** Called after each change with the new public path (null once revoked). */
  onChange?: (path: string | null) => void;
  className?: string;
}

/** The page's own origin, after hydration (the server cannot know the proxy's view of it). */
const noSubscription = () => () => {};

/** This page's origin in the browser; "" in the server render (the link is shown after hydration). */
function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
}

/**
 * A switch named "Share": on creates a public link (shown with a Copy button), off revokes it
 * at once. Turning it on again later makes a new link; the old one stays dead.
 */
export function ShareSwitch({ kind, id, initialPath, onChange, className = "" }: ShareSwitchProps) {
  const [path, setPath] = useState<string | null>(initialPath);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const origin = useOrigin();
  const labelId = useId();
  const descriptionId = useId();
  const shared = path !== null;
  const url = path ? `${origin}${path}` : "";
  const what = kind === "generation" ? "this result" : "this collection's results";
  const how = kind === "generation" ? "how it was made" : "how they were made";

  const toggle = () =>
    start(async () => {
      setError(null);
      setNotice(null);
      const action = kind === "generation" ? setGenerationSharedAction : setCollectionSharedAction;
      const result = await action(id, !shared);
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setPath(result.path);
      setNotice(result.shared ? "Public link created." : "Sharing is off. The old link no longer works.");
      onChange?.(result.path);
    });

  return (
    <section
      aria-label="Sharing"
      className={`@container flex flex-col gap-3 rounded-2xl border p-4 transition-colors ${
        shared ? "border-accent-500/40 bg-accent-50/60 dark:border-accent-500/30 dark:bg-accent-500/5" : "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
      } ${className}`}
    >
      <div className="flex items-start justify-between gap-4">
        <div className="flex min-w-0 flex-col gap-0.5">
          <span id={labelId} className="text-sm font-semibold">
            Share
          </span>
          <p id={descriptionId} className="text-xs text-zinc-600 dark:text-zinc-400">
            Anyone with the link can see {what} and {how}. {shared ? "Turn sharing off at any time. The link stops working immediately." : "Nothing else of yours is shown."}
          </p>
        </div>
        <button
          type="button"
          role="switch"
          aria-checked={shared}
          aria-labelledby={labelId}
          aria-describedby={descriptionId}
          aria-busy={pending || undefined}
          disabled={pending}
          onClick={toggle}
          className={`relative inline-flex h-7 w-12 shrink-0 items-center rounded-full border-2 border-transparent transition-colors disabled:cursor-wait disabled:opacity-70 ${
            shared ? "bg-accent-600" : "bg-zinc-300 dark:bg-zinc-700"
          }`}
        >
          <span
            aria-hidden
            className={`inline-block size-6 rounded-full bg-white shadow-md ring-0 transition-transform ${shared ? "translate-x-5" : "translate-x-0"}`}
          />
        </button>
      </div>
      {shared && (
        <div className="flex flex-col gap-2 @md:flex-row @md:items-center">
          <input
            readOnly
            value={url || path}
            aria-label="Public link"
            onFocus={(e) => e.currentTarget.select()}
            className="min-w-0 flex-1 truncate rounded-lg border border-zinc-300 bg-white px-3 py-1.5 font-mono text-xs text-zinc-800 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-200"
          />
          <div className="flex items-center gap-2">
            <CopyButton text={url || path!} label="Copy link" />
            <a
              href={path!}
              target="_blank"
              rel="noopener"
              className="inline-flex items-center justify-center rounded-lg px-2 py-1 text-xs font-medium text-accent-700 hover:bg-accent-100 dark:text-accent-400 dark:hover:bg-accent-500/10"
            >
              Open<span className="sr-only"> the public page</span> ↗
            </a>
          </div>
        </div>
      )}
      <p aria-live="polite" className="text-xs text-zinc-500 empty:hidden dark:text-zinc-400">
        {notice}
      </p>
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </section>
  );
}
