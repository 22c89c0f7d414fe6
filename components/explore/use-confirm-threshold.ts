"use client";

import { useSyncExternalStore } from "react";

const KEY = "lorascope.sweep.confirmAboveUsd";
const DEFAULT_USD = 0.25;

const listeners = new Set<() => void>();
/** When storage is unavailable (private mode) the choice lasts this visit. */
let inMemory: number | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener); // another tab changed it
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function read(): number {
  try {
    const raw = window.localStorage.getItem(KEY);
    const stored = Number(raw);
    if (raw !== null && Number.isFinite(stored) && stored >= 0) return stored;
  } catch {
    // fall through to this visit's choice
  }
  return inMemory ?? DEFAULT_USD;
}

/** The amount above which a sweep asks first: the person's own choice, kept in this browser. */
export function useConfirmThreshold(): [number, (usd: number) => void] {
  const usd = useSyncExternalStore(subscribe, read, () => DEFAULT_USD);
  return [
    usd,
    (next: number) => {
      inMemory = next;
      try {
        window.localStorage.setItem(KEY, String(next));
      } catch {
        // Private mode without storage: inMemory holds it.
      }
      for (const listener of listeners) listener();
    },
  ];
}
