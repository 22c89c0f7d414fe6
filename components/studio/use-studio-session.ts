"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { Catalog } from "@/lib/models/catalog";
import { sessionFromSearchParams, sessionToSearchParams, studioReducer, studioSearch, sweepIdOf } from "@/lib/studio/session";

/** Typing settles for this long before the address follows (browsers limit history writes). */
const ADDRESS_DELAY_MS = 250;

/**
 * Writes the studio's keys into the current history entry, without telling Next's router.
 *
 * Why not through the router (nuqs did, until December 2026): each write then became a router
 * update, and one landing while a server action was in flight left the router with an older
 * address, which it wrote back over the newer one (CI: a seed typed during Explore's first
 * request was gone from the address for good). Next's own history state (its tree for this
 * entry) is kept as it is, so Back and reload still work.
 */
function writeAddress(studio: URLSearchParams) {
  const search = studioSearch(new URLSearchParams(window.location.search), studio);
  if (search === window.location.search) return;
  // The browser's own replaceState, not the router's wrapper of it on window.history.
  History.prototype.replaceState.call(window.history, window.history.state, "", `${window.location.pathname}${search}${window.location.hash}`);
}

/**
 * The studio's form state (lib/studio/session.ts) and its address. The address is read when the
 * studio mounts — a fresh render, a reload, or Back to a render Next cached for an older address
 * (Next then reports the address the history entry has now) — and rewritten as the form changes,
 * replacing the history entry without asking the server again.
 */
export function useStudioSession(catalog: Catalog, sweepId: string | null) {
  const address = useSearchParams();
  const [session, dispatch] = useReducer(studioReducer, undefined, () => sessionFromSearchParams(new URLSearchParams(address.toString()), catalog));
  /** The sweep the address named when the studio mounted (its grid is drawn again). */
  const [sweepInAddress] = useState(() => sweepIdOf(new URLSearchParams(address.toString())));
  const wanted = useMemo(() => sessionToSearchParams(session, catalog, sweepId), [session, catalog, sweepId]);

  const latest = useRef(wanted);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const schedule = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      writeAddress(latest.current);
    }, ADDRESS_DELAY_MS);
  };
  // An edit: write once typing settles.
  useEffect(() => {
    latest.current = wanted;
    schedule();
  }, [wanted]);
  // Any other render (a router refresh after a key is saved rewrites the address with the one
  // the page was rendered for): put the form's address back if it drifted.
  useEffect(() => {
    if (timer.current === null && studioSearch(new URLSearchParams(window.location.search), latest.current) !== window.location.search) schedule();
  });
  // Leaving the page: nothing may be written into the next page's history entry.
  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);
  return { session, dispatch, sweepInAddress };
}
