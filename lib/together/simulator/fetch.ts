/**
 * A `fetch` that answers from the simulator in-process, for `new Together({ fetch })`:
 * without an API key the real SDK runs unchanged, with no network.
 */
import { createSimulatorHandler, type SimulatorOptions } from "./handler";

/** The WHATWG fetch signature, as the together-ai SDK's `fetch` option types it. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

export function createSimulatorFetch(options: SimulatorOptions = {}): FetchLike {
  const handler = createSimulatorHandler(options);
  return async (input, init) => {
    const request = new Request(input, init);
    const { signal } = request;
    if (signal.aborted) throw abortReason(signal);
    // Like fetch, reject as soon as the signal aborts: the SDK's timeout relies on it.
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(abortReason(signal));
      signal.addEventListener("abort", onAbort, { once: true });
      handler(request)
        .then(resolve, reject)
        .finally(() => signal.removeEventListener("abort", onAbort));
    });
  };
}
