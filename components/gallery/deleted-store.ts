"use client";

import { useSyncExternalStore } from "react";

/**
 * What this browser tab deleted, shared by the grid and the detail page: deleted ids are hidden
 * from any grid at once (before the server answers), and the last deletion is offered back as
 * an Undo toast — also after the detail page has navigated back to the gallery. Module state,
 * so it lives as long as the tab's client-side navigation does; the server stays the truth.
 */

export interface DeletedEntry {
  id: string;
  /** The prompt, for "Deleted “…”". */
  label: string;
  /** Set when the server refused the delete: the toast says so instead of offering Undo. */
  error?: string;
}

interface State {
  hidden: ReadonlySet<string>;
  toast: DeletedEntry | null;
  /** Where "back to the gallery" goes: the last gallery URL this tab showed, filters included. */
  galleryHref: string;
}

let state: State = { hidden: new Set(), toast: null, galleryHref: "/gallery" };
const listeners = new Set<() => void>();

function update(next: Partial<State>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const serverState: State = { hidden: new Set(), toast: null, galleryHref: "/gallery" };

export function useDeletedStore(): State {
  return useSyncExternalStore(subscribe, () => state, () => serverState);
}

/** Optimistic: hide now, offer Undo. */
export function markDeleted(entry: DeletedEntry) {
  update({ hidden: new Set(state.hidden).add(entry.id), toast: entry });
}

/** The delete failed or was undone: show it again. */
export function unhide(id: string) {
  const hidden = new Set(state.hidden);
  hidden.delete(id);
  update({ hidden, toast: state.toast?.id === id ? null : state.toast });
}

export function showDeleteError(entry: DeletedEntry) {
  const hidden = new Set(state.hidden);
  hidden.delete(entry.id);
  update({ hidden, toast: entry });
}

/** Hides the toast; with an id, only if it is still that deletion's (a newer one stays). */
export function dismissToast(id?: string) {
  if (state.toast && (id === undefined || state.toast.id === id)) update({ toast: null });
}

export function rememberGalleryHref(href: string) {
  if (state.galleryHref !== href) state = { ...state, galleryHref: href };
}

export function galleryHrefNow(): string {
  return state.galleryHref;
}
