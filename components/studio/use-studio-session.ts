"use client";

import { debounce, parseAsNativeArrayOf, parseAsString, useQueryStates } from "nuqs";
import { useEffect, useReducer, useState } from "react";
import type { Catalog } from "@/lib/models/catalog";
import { sessionFromSearchParams, sessionToSearchParams, STUDIO_QUERY_KEYS, studioReducer } from "@/lib/studio/session";

type Single = (typeof STUDIO_QUERY_KEYS.single)[number];
type Repeated = (typeof STUDIO_QUERY_KEYS.repeated)[number];
const repeated = parseAsNativeArrayOf(parseAsString);

/**
 * The studio's keys as nuqs reads and writes them: plain text here, because what a value means
 * (ranges, defaults left out) depends on the model and is decided once, in lib/studio.
 */
const KEYS = {
  ...(Object.fromEntries(STUDIO_QUERY_KEYS.single.map((k) => [k, parseAsString])) as Record<Single, typeof parseAsString>),
  ...(Object.fromEntries(STUDIO_QUERY_KEYS.repeated.map((k) => [k, repeated])) as Record<Repeated, typeof repeated>),
};
type Values = { [K in Single]: string | null } & { [K in Repeated]: string[] };

function toSearchParams(values: Values): URLSearchParams {
  const params = new URLSearchParams();
  for (const k of STUDIO_QUERY_KEYS.single) if (values[k] !== null) params.set(k, values[k]);
  for (const k of STUDIO_QUERY_KEYS.repeated) for (const v of values[k]) params.append(k, v);
  return params;
}

function toValues(params: URLSearchParams): Values {
  const single = Object.fromEntries(STUDIO_QUERY_KEYS.single.map((k) => [k, params.get(k)]));
  const many = Object.fromEntries(STUDIO_QUERY_KEYS.repeated.map((k) => [k, params.getAll(k)]));
  return { ...single, ...many } as Values;
}

/**
 * The studio's form state (lib/studio/session.ts) and its address. The address is read when the
 * studio mounts — a fresh render, a reload, or Back to a render Next cached for an older
 * address: nuqs reads the address the history entry has now — and rewritten as the form
 * changes (replacing the history entry, without asking the server again).
 */
export function useStudioSession(catalog: Catalog, sweepId: string | null) {
  const [query, setQuery] = useQueryStates(KEYS, { history: "replace", shallow: true, scroll: false, limitUrlUpdates: debounce(250) });
  const [session, dispatch] = useReducer(studioReducer, undefined, () => sessionFromSearchParams(toSearchParams(query as Values), catalog));
  /** The sweep the address named when the studio mounted (its grid is drawn again). */
  const [sweepInAddress] = useState(() => (query as Values).sweep);
  useEffect(() => {
    void setQuery(toValues(sessionToSearchParams(session, catalog, sweepId)));
  }, [session, catalog, sweepId, setQuery]);
  return { session, dispatch, sweepInAddress };
}
