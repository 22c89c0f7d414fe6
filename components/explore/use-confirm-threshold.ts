"use client";

import { useEffect, useState } from "react";

const KEY = "lorascope.sweep.confirmAboveUsd";
const DEFAULT_USD = 0.25;

/** The amount above which a sweep asks first: the person's own choice, kept in this browser. */
export function useConfirmThreshold(): [number, (usd: number) => void] {
  const [usd, setUsd] = useState(DEFAULT_USD);
  useEffect(() => {
    const stored = Number(window.localStorage.getItem(KEY));
    if (window.localStorage.getItem(KEY) !== null && Number.isFinite(stored) && stored >= 0) setUsd(stored);
  }, []);
  return [
    usd,
    (next: number) => {
      setUsd(next);
      try {
        window.localStorage.setItem(KEY, String(next));
      } catch {
        // Private mode without storage: the choice lasts this visit.
      }
    },
  ];
}
