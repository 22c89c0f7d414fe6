"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useSyncExternalStore } from "react";
import { compareHref } from "@/lib/compare/href";
import { parseStoredPicks, togglePick, type ComparePick } from "@/lib/compare/picks";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/cn";

/**
 * Which results this tab picked to compare, one list per `hrefBase` (the owner's gallery and
 * each shared collection pick separately). Module state shared by every toggle and the tray on
 * a page, mirrored to sessionStorage so picks survive infinite scroll, filters and reloads.
 */

const NONE: readonly ComparePick[] = [];
const picksByBase = new Map<string, readonly ComparePick[]>();
const listeners = new Set<() => void>();

const storageKey = (hrefBase: string) => `lorascope:compare:${hrefBase}`;

function read(hrefBase: string): readonly ComparePick[] {
  let picks = picksByBase.get(hrefBase);
  if (!picks) {
    let stored: string | null = null;
    try {
      stored = sessionStorage.getItem(storageKey(hrefBase));
    } catch {
      // storage blocked: picks last as long as the page
    }
    picks = parseStoredPicks(stored);
    picksByBase.set(hrefBase, picks);
  }
  return picks;
}

function write(hrefBase: string, picks: readonly ComparePick[]) {
  picksByBase.set(hrefBase, picks);
  try {
    if (picks.length) sessionStorage.setItem(storageKey(hrefBase), JSON.stringify(picks));
    else sessionStorage.removeItem(storageKey(hrefBase));
  } catch {
    // storage full or blocked: the in-memory picks still work
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useComparePicks(hrefBase: string): readonly ComparePick[] {
  // Empty on the server and while hydrating: the stored picks appear right after, without a mismatch.
  return useSyncExternalStore(subscribe, () => read(hrefBase), () => NONE);
}

const VARIANTS = {
  /** On top of an image (gallery cards): a translucent pill. */
  overlay:
    "gap-1.5 rounded-full bg-black/55 px-2.5 py-1.5 text-xs text-white shadow backdrop-blur hover:bg-black/75 aria-pressed:bg-accent-600 aria-pressed:hover:bg-accent-700",
  /** Under a small grid thumbnail: a quiet chip. */
  compact:
    "max-w-full gap-1 overflow-hidden rounded-md border border-zinc-300 bg-white px-1.5 py-0.5 text-[11px] text-zinc-700 hover:border-zinc-400 hover:bg-zinc-50 aria-pressed:border-accent-500 aria-pressed:bg-accent-50 aria-pressed:text-accent-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:border-zinc-500 dark:hover:bg-zinc-800 dark:aria-pressed:border-accent-400 dark:aria-pressed:bg-accent-500/15 dark:aria-pressed:text-accent-400",
} as const;

/** Hidden until the card is hovered or focused (where hovering exists), unless picked. */
const REVEAL = "sm:opacity-0 sm:group-hover:opacity-100 sm:group-focus-within:opacity-100 focus-visible:opacity-100 [@media(hover:none)]:opacity-100";

export interface CompareToggleProps {
  generationId: string;
  /** A short human label (a clipped prompt, a sweep cell): names the button "Compare {label}" and the pick in the tray. */
  label: string;
  /** "/compare" for the owner, "/c/{slug}/compare" for a shared collection. */
  hrefBase: string;
  thumbUrl?: string | null;
  variant?: keyof typeof VARIANTS;
  /** Only inside a `group` element: fade in on hover/focus while not picked. */
  revealOnHover?: boolean;
  className?: string;
}

/** Picks or unpicks one result for comparison; shows "A"/"B" once picked. */
export function CompareToggle({ generationId, label, hrefBase, thumbUrl = null, variant = "overlay", revealOnHover = false, className = "" }: CompareToggleProps) {
  const picks = useComparePicks(hrefBase);
  const index = picks.findIndex((p) => p.id === generationId);
  const picked = index >= 0;
  return (
    <button
      type="button"
      aria-pressed={picked}
      aria-label={`Compare ${label}`}
      onClick={() => write(hrefBase, togglePick(read(hrefBase), { id: generationId, label, thumbUrl }))}
      className={["inline-flex items-center font-medium transition", VARIANTS[variant], revealOnHover && !picked ? REVEAL : "", className].filter(Boolean).join(" ")}
    >
      {picked ? (
        <span aria-hidden className={`grid place-items-center rounded-full font-bold ${variant === "overlay" ? "size-4 bg-white text-[10px] text-accent-700" : "size-3.5 bg-accent-600 text-[9px] text-white"}`}>
          {index === 0 ? "A" : "B"}
        </span>
      ) : (
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className={variant === "overlay" ? "size-3.5" : "size-3"}>
          <path d="M3 4.5A1.5 1.5 0 0 1 4.5 3h3A1.5 1.5 0 0 1 9 4.5v11A1.5 1.5 0 0 1 7.5 17h-3A1.5 1.5 0 0 1 3 15.5v-11ZM11 4.5A1.5 1.5 0 0 1 12.5 3h3A1.5 1.5 0 0 1 17 4.5v11a1.5 1.5 0 0 1-1.5 1.5h-3a1.5 1.5 0 0 1-1.5-1.5v-11Z" />
        </svg>
      )}
      Compare
    </button>
  );
}

/** The bar at the bottom while anything is picked: the picks, then "Compare" once there are two, and "Clear". */
export function CompareTray({
  hrefBase,
  placement = "fixed",
  returnHere = false,
}: {
  hrefBase: string;
  /**
   * "fixed": a bar at the bottom of the screen, with room reserved where it is rendered (the end
   * of a list). "inline": in the page's flow where it is rendered, covering nothing — the studio,
   * whose sticky Generate bar and sweep Share card would otherwise sit under it.
   */
  placement?: "fixed" | "inline";
  /** The compare page's back link leads to this page as it is when "Compare" is clicked (the studio's URL changes as it is edited). */
  returnHere?: boolean;
}) {
  const picks = useComparePicks(hrefBase);
  if (picks.length === 0) return null;
  const [a, b] = picks;
  const tray = (
    <Card
      as="section"
      aria-label="Compare"
      className={cn("pointer-events-auto flex w-full items-center gap-2 bg-white/95 p-2 backdrop-blur sm:gap-3 dark:border-zinc-700 dark:bg-zinc-900/95", placement === "fixed" && "max-w-2xl shadow-2xl")}
    >
      <ol aria-label="Picked results" className={`flex min-w-0 items-center gap-2 sm:gap-3 ${b ? "flex-1" : ""}`}>
        {picks.map((p, i) => (
          <li key={p.id} className="flex min-w-0 items-center gap-2">
            <span className="relative shrink-0">
              {p.thumbUrl ? (
                // eslint-disable-next-line @next/next/no-img-element -- thumbnails come from our own immutable routes
                <img src={p.thumbUrl} alt="" className="size-10 rounded-lg object-cover ring-1 ring-zinc-200 dark:ring-zinc-700" />
              ) : (
                <span aria-hidden className="block size-10 rounded-lg bg-gradient-to-br from-zinc-200 to-zinc-300 dark:from-zinc-800 dark:to-zinc-700" />
              )}
              <span aria-hidden className="absolute -left-1 -top-1 grid size-4 place-items-center rounded-full bg-accent-600 text-[10px] font-bold text-white ring-2 ring-white dark:ring-zinc-900">
                {i === 0 ? "A" : "B"}
              </span>
            </span>
            <span className="sr-only sm:not-sr-only sm:min-w-0 sm:max-w-[12rem] sm:truncate sm:text-sm">
              <span className="sr-only">{i === 0 ? "A" : "B"}: </span>
              {p.label}
            </span>
          </li>
        ))}
      </ol>
      {picks.length === 1 && (
        <p aria-live="polite" className="min-w-0 flex-1 text-xs text-zinc-600 sm:text-sm dark:text-zinc-400">Pick one more result to compare</p>
      )}
      {b && <OpenComparison hrefBase={hrefBase} a={a.id} b={b.id} returnHere={returnHere} />}
      <button type="button" onClick={() => write(hrefBase, [])} className="shrink-0 rounded-lg px-3 py-2 text-sm font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100">
        Clear
      </button>
    </Card>
  );
  if (placement === "inline") return tray;
  return (
    <>
      {/* Room at the end of the page, so the bar never covers the last row or "Load more". */}
      <div aria-hidden className="h-20" />
      <div className="pointer-events-none fixed inset-x-0 bottom-0 z-30 flex justify-center px-3 pb-3 sm:pb-4">{tray}</div>
    </>
  );
}

/** The tray's "Compare" link; with `returnHere`, a plain click carries this page's current URL as `back=`. */
function OpenComparison({ hrefBase, a, b, returnHere }: { hrefBase: string; a: string; b: string; returnHere: boolean }) {
  const router = useRouter();
  const open = (e: React.MouseEvent<HTMLAnchorElement>) => {
    // A new tab or window opens the plain link (its back link is the gallery).
    if (!returnHere || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    router.push(compareHref(hrefBase, a, b, window.location.pathname + window.location.search));
  };
  return (
    <Link href={compareHref(hrefBase, a, b)} onClick={open} className="shrink-0 rounded-lg bg-accent-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-accent-700">
      Compare
    </Link>
  );
}
