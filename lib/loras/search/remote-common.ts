import "server-only";
import type { ZodType } from "zod";
import { env } from "@/lib/env";
import { guardedFetchJson } from "@/lib/net/guarded-fetch";
import type { LoraFamily } from "@/lib/models/catalog";
import type { ResolveOptions } from "@/lib/loras/sources/types";
import type { LoraSearchEntry } from "./types";

export const REMOTE_LIMIT = 8;
export const REMOTE_TIMEOUT_MS = 2_500;

export type RemoteSearchOptions = Pick<ResolveOptions, "allowPrivate" | "signal" | "timeoutMs" | "fetchJson" | "hfEndpoint" | "civitaiBaseUrl"> & { limit?: number };

export interface RemoteSearchResult {
  ok: boolean;
  entries: (LoraSearchEntry & { remote: true })[];
  /** Why it failed (for logs), when !ok. */
  error?: string;
}

/**
 * Where each family's LoRAs live upstream. FLUX.1 values are documented (docs/lora-links.md);
 * the FLUX.2 ones are a guess following the same pattern.
 */
export const FAMILY_UPSTREAM: Record<LoraFamily, { hfBaseModel: string; civitaiBaseModel: string }> = {
  flux1: { hfBaseModel: "black-forest-labs/FLUX.1-dev", civitaiBaseModel: "Flux.1 D" },
  flux2: { hfBaseModel: "black-forest-labs/FLUX.2-dev", civitaiBaseModel: "Flux.2 D" },
};

export function endpoints(opts: RemoteSearchOptions) {
  const e = opts.hfEndpoint && opts.civitaiBaseUrl ? null : env();
  return {
    hf: (opts.hfEndpoint ?? e!.hfEndpoint).replace(/\/+$/, ""),
    civitai: (opts.civitaiBaseUrl ?? e!.civitaiBaseUrl).replace(/\/+$/, ""),
  };
}

/** GET JSON with the short search budget; never throws (an aborted caller included). */
export async function fetchSearchJson<T>(url: string, schema: ZodType<T>, opts: RemoteSearchOptions): Promise<{ ok: true; data: T } | { ok: false; error: string }> {
  const fetchJson = opts.fetchJson ?? guardedFetchJson;
  try {
    const res = await fetchJson(url, {
      schema,
      allowPrivate: opts.allowPrivate,
      signal: opts.signal,
      timeoutMs: opts.timeoutMs ?? REMOTE_TIMEOUT_MS,
      maxBytes: 4 * 1024 * 1024,
      maxRedirects: 3,
    });
    return { ok: true, data: res.data };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
