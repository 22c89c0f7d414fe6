"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { GenerationView } from "@/lib/generation/view";
import type { LimitsView } from "@/lib/limits/view";
import { studioResultsAction } from "./actions";

type Results = { results: GenerationView[]; limits: LimitsView };
const KEY = ["studio-results"];

/**
 * The studio's recent results and the person's limits. The server's render seeds them; back on
 * the studio later (Next may show the render it cached back then), the browser's copy is shown
 * and asked for again. Kept for the whole visit, so an old render never wins over it.
 */
export function useStudioResults(initial: Results) {
  const client = useQueryClient();
  const { data } = useQuery({ queryKey: KEY, queryFn: () => studioResultsAction(), initialData: initial, staleTime: 1000, gcTime: Infinity, refetchOnWindowFocus: false });
  // Stable, as setState is: the sweep runner keeps them in its callbacks' dependencies.
  const update = useCallback((fn: (r: Results) => Results) => client.setQueryData<Results>(KEY, (r) => (r ? fn(r) : r)), [client]);
  /** A new or re-run result goes first (once). */
  const addResult = useCallback((g: GenerationView) => update((r) => ({ ...r, results: [g, ...r.results.filter((x) => x.id !== g.id)] })), [update]);
  const setLimits = useCallback((limits: LimitsView) => update((r) => ({ ...r, limits })), [update]);
  return { results: data.results, limits: data.limits, addResult, setLimits };
}
