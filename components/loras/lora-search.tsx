"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { looksLikeLoraLink } from "@/lib/loras/link";
import type { LoraSearchResult } from "@/lib/loras/search/types";
import { searchLorasAction } from "./search-actions";

/** Text that is a link (or owner/repo shorthand) is resolved; anything else is a search. */
export function looksLikeLink(text: string): boolean {
  return looksLikeLoraLink(text);
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export interface LoraSearchState {
  results: LoraSearchResult[];
  /** The text `results` answer (trimmed); null while only an earlier query's results are shown. */
  forQuery: string | null;
  loadingRemote: boolean;
  notice: string | null;
}

/**
 * Local catalog results as soon as the person pauses typing, live Hugging Face and Civitai
 * results merged in when they arrive (react-query drops answers for stale queries).
 */
export function useLoraSearch(query: string, modelId: string, open: boolean): LoraSearchState {
  const q = useDebounced(query.trim(), 150);
  const enabled = open && !looksLikeLink(q);
  const local = useQuery({
    queryKey: ["lora-search", "local", q, modelId],
    queryFn: () => searchLorasAction({ query: q, modelId, includeRemote: false }),
    enabled,
    staleTime: 10_000,
    // While the next answer is on its way the list keeps what the person sees (no flash of
    // "no matches"); forQuery says it is stale, so Enter waits for the fresh one.
    placeholderData: keepPreviousData,
  });
  const remote = useQuery({
    queryKey: ["lora-search", "remote", q, modelId],
    queryFn: () => searchLorasAction({ query: q, modelId, includeRemote: true }),
    enabled: enabled && q.length >= 2,
    staleTime: 60_000,
  });
  const localItems = local.data?.ok ? local.data.local : [];
  const remoteItems = remote.data?.ok ? remote.data.remote : [];
  const seen = new Set(localItems.map((r) => r.path));
  const status = remote.data?.ok ? remote.data.remoteStatus : null;
  return {
    // keepPreviousData shows the last answer while the next loads: say whose answer it is, so
    // picking never acts on results for text that is no longer in the box.
    forQuery: local.data && !local.isPlaceholderData ? q : null,
    results: [...localItems, ...remoteItems.filter((r) => !seen.has(r.path))].slice(0, 12),
    loadingRemote: remote.isFetching,
    notice: status === "unavailable" ? "Hugging Face and Civitai are not answering: showing LoRAs from this app only." : status === "partial" ? "One of Hugging Face or Civitai is not answering." : null,
  };
}
