import "server-only";
import { createFalClient } from "@fal-ai/client";
import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { FetchGuardError, guardedFetch } from "@/lib/net/guarded-fetch";
import { recordNameFor } from "@/lib/providers/names";
import type { ImageProvider, ProviderImage, ProviderRequest } from "@/lib/providers/types";
import { rewriteFalUrl } from "./endpoints";
import { falCancelled, falTimeout, mapFalError } from "./errors";
import { decodeDataUri, imageMimeType } from "./image-bytes";
import { falInput } from "./request";
import { createFalSimulatorFetch } from "./simulator/fetch";
import { FAL_SIMULATOR_ORIGIN, type FalSimulatorOptions } from "./simulator/handler";

export interface FalProviderOptions {
  /** A fal key ("key_id:key_secret"): FAL_KEY or a person's own. Required unless simulated. */
  apiKey?: string;
  /** Answer from the in-process fal simulator instead of fal. */
  simulated: boolean;
  /** Replaces https://queue.fal.run (FAL_BASE_URL). Default: env().falBaseUrl. Ignored when simulated. */
  baseUrl?: string;
  /** One deadline for submit, queue, result and image download. Default: env().falTimeoutMs. */
  timeoutMs?: number;
  /** How often the client polls the queue status. Default 500 ms (fal's own), 100 ms simulated. */
  pollIntervalMs?: number;
  /** Options of the in-process simulator (simulated only). */
  simulator?: Omit<FalSimulatorOptions, "publicBaseUrl">;
}

/** fal's result images are untrusted downloads: at most this many bytes each… */
export const MAX_FAL_IMAGE_BYTES = 40 * 1024 * 1024;
/** …and this long each (also bounded by the generation's deadline). */
const IMAGE_DOWNLOAD_MS = 60_000;
/** A cancel is courtesy: never let it hold up the answer to the person for long. */
const CANCEL_WAIT_MS = 3_000;
const SIMULATOR_CREDENTIALS = "lorascope:simulator";

/** What Lorascope needs from fal's output; the rest (seed, timings, has_nsfw_concepts) is not used. */
const outputSchema = z.object({
  images: z.array(z.object({ url: z.string().min(1) })).min(1),
});

/** Rejects as soon as `signal` aborts, even while the client sleeps between retries or polls. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => undefined); // the loser of the race must not become an unhandled rejection
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function downloadFailed(detail: string, cause?: unknown): AppError {
  return new AppError(
    {
      code: "upstream_unavailable",
      message: `fal.ai made the image, but Lorascope could not download it (${detail}). fal.ai bills finished images, so this one was probably charged; try again.`,
    },
    { cause },
  );
}

/**
 * The fal.ai provider: the official @fal-ai/client's queue flow (`subscribe`: submit, poll
 * the status, fetch the result) against fal, FAL_BASE_URL, or the in-process simulator,
 * then every result image downloaded at once.
 *
 * Retries are the client's own, and bounded: submit and result retry 429/502/503/504 and
 * connection errors 3 times (about 1, 2, 4 s), status polls 5 times (also on 500). Over all
 * of it runs one deadline (`timeoutMs`); when it passes, or the caller's signal aborts, the
 * provider stops at once and sends fal a cancel for the queued request.
 */
export function createFalProvider(options: FalProviderOptions): ImageProvider {
  const { simulated } = options;
  const timeoutMs = options.timeoutMs ?? env().falTimeoutMs;
  const pollInterval = options.pollIntervalMs ?? (simulated ? 100 : 500);
  const simulatorFetch = simulated ? createFalSimulatorFetch({ ...options.simulator, publicBaseUrl: FAL_SIMULATOR_ORIGIN }) : undefined;
  const queueBase = simulated ? FAL_SIMULATOR_ORIGIN : (options.baseUrl ?? env().falBaseUrl);
  const apiKey = simulated ? SIMULATOR_CREDENTIALS : options.apiKey;

  const client = createFalClient({
    // Explicit, so the client never falls back to reading FAL_KEY itself.
    credentials: apiKey,
    fetch: simulatorFetch,
    requestMiddleware: async (request) => ({ ...request, url: rewriteFalUrl(request.url, queueBase) }),
    suppressLocalCredentialsWarning: true,
  });

  async function download(url: string, signal: AbortSignal): Promise<Buffer> {
    if (url.startsWith("data:")) {
      const bytes = decodeDataUri(url);
      if (!bytes) throw downloadFailed("its data URI is malformed");
      return bytes;
    }
    if (simulatorFetch) {
      // The simulator's files live in-process; anything else would be a real network fetch.
      if (!url.startsWith(`${FAL_SIMULATOR_ORIGIN}/`)) throw downloadFailed("the simulator named a file outside itself");
      const response = await simulatorFetch(url, { signal });
      if (!response.ok) throw downloadFailed(`HTTP ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    }
    try {
      const response = await guardedFetch(url, { maxBytes: MAX_FAL_IMAGE_BYTES, timeoutMs: IMAGE_DOWNLOAD_MS, signal });
      return response.body;
    } catch (err) {
      if (err instanceof FetchGuardError) throw downloadFailed(err.message, err);
      throw err;
    }
  }

  async function images(data: unknown, signal: AbortSignal): Promise<ProviderImage[]> {
    const output = outputSchema.safeParse(data);
    if (!output.success) {
      throw new AppError({ code: "upstream_unavailable", message: "fal.ai finished but its answer holds no images. fal.ai bills only successful images, so this should not have been charged; try again." });
    }
    return Promise.all(
      output.data.images.map(async ({ url }, index) => {
        const bytes = await download(url, signal);
        if (bytes.length > MAX_FAL_IMAGE_BYTES) throw downloadFailed(`it is larger than ${MAX_FAL_IMAGE_BYTES / 1024 / 1024} MB`);
        const mimeType = imageMimeType(bytes);
        if (!mimeType) throw downloadFailed("what its link served is not a JPEG, PNG or WebP image");
        return { index, bytes, mimeType };
      }),
    );
  }

  async function cancelQuietly(endpoint: string, requestId: string): Promise<void> {
    await client.queue.cancel(endpoint, { requestId, abortSignal: AbortSignal.timeout(CANCEL_WAIT_MS) }).catch(() => undefined);
  }

  return {
    id: "fal",
    name: recordNameFor("fal", simulated),
    simulated,
    async generate(request: ProviderRequest, { signal } = {}) {
      const input = falInput(request); // refuses, before sending, what fal cannot take
      const endpoint = request.model;
      if (!apiKey) {
        throw new AppError({ code: "invalid_key", message: "No fal.ai key is configured: set FAL_KEY on the server or add your own fal.ai key. Nothing was sent or charged." });
      }
      if (signal?.aborted) throw falCancelled();

      const stop = new AbortController();
      let ended: "timeout" | "cancelled" | undefined;
      const timer = setTimeout(() => {
        ended ??= "timeout";
        stop.abort(new DOMException("fal.ai took too long", "TimeoutError"));
      }, timeoutMs);
      const onAbort = () => {
        ended ??= "cancelled";
        stop.abort(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });

      let requestId: string | undefined;
      let finished = false;
      try {
        const result = await untilAborted(
          client.subscribe(endpoint, {
            input,
            pollInterval,
            abortSignal: stop.signal,
            // No `timeout` here: the client's covers polling only and would send a second
            // cancel; the deadline above covers submit to download and sends the one cancel.
            onEnqueue: (id) => {
              requestId = id;
            },
          }),
          stop.signal,
        );
        finished = true;
        return await untilAborted(images(result.data, stop.signal), stop.signal);
      } catch (err) {
        if (!ended) throw mapFalError(err);
        if (finished) {
          throw new AppError(
            {
              code: ended === "timeout" ? "timeout" : "cancelled",
              message: `${ended === "timeout" ? "Downloading the finished image from fal.ai took too long" : "Generation cancelled while its finished image was downloading"}. fal.ai bills finished images, so this one was probably charged.`,
            },
            { cause: err },
          );
        }
        if (requestId) await cancelQuietly(endpoint, requestId);
        throw ended === "timeout" ? falTimeout({ cause: err, queued: requestId !== undefined }) : falCancelled({ cause: err });
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
      }
    },
  };
}
