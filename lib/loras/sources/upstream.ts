import "server-only";
import { z, type ZodType } from "zod";
import { FetchGuardError, guardedFetchJson } from "@/lib/net/guarded-fetch";
import { LoraNotFoundError, MetadataUnavailableError, type MetadataSource } from "./errors";
import type { ResolveOptions } from "./types";

const LABEL: Record<MetadataSource, string> = { huggingface: "Hugging Face", civitai: "Civitai", replicate: "Replicate" };

export interface UpstreamRequest<T> {
  source: MetadataSource;
  url: string;
  schema: ZodType<T>;
  token?: string;
  /** Message for a status in `notFound` (default 404, 410). */
  notFoundMessage: string;
  notFound?: number[];
  maxBytes?: number;
}

/** GETs JSON from a metadata API through the guarded fetch and maps failures to typed errors. */
export async function getUpstreamJson<T>(req: UpstreamRequest<T>, opts: ResolveOptions): Promise<T> {
  const fetchJson = opts.fetchJson ?? guardedFetchJson;
  try {
    const res = await fetchJson(req.url, {
      schema: req.schema,
      headers: req.token ? { authorization: `Bearer ${req.token}` } : {},
      allowPrivate: opts.allowPrivate,
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      maxBytes: req.maxBytes ?? 4 * 1024 * 1024,
      maxRedirects: 3,
    });
    return res.data;
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    const status = err instanceof FetchGuardError ? err.status : undefined;
    if (status !== undefined && (req.notFound ?? [404, 410]).includes(status)) {
      throw new LoraNotFoundError(req.source, req.notFoundMessage, { cause: err });
    }
    const detail = err instanceof FetchGuardError ? err.message : "the request failed.";
    throw new MetadataUnavailableError(req.source, `Could not read the LoRA's details from ${LABEL[req.source]}: ${detail}`, { cause: err, status });
  }
}

/** Optional field that turns a wrong type into `undefined` instead of failing the whole answer. */
export function opt<T extends ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

/** Array whose malformed items are dropped rather than failing the whole answer. */
export function lenientArray<T extends ZodType>(item: T) {
  return z
    .array(z.unknown())
    .catch([])
    .optional()
    .transform((items) =>
      (items ?? []).flatMap((i) => {
        const r = item.safeParse(i);
        return r.success ? [r.data as z.output<T>] : [];
      }),
    );
}

export function trimSlash(base: string): string {
  return base.replace(/\/+$/, "");
}
