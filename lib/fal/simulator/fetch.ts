/**
 * A `fetch` that answers from the fal simulator in-process, for `createFalClient({ fetch })`
 * and for downloading the simulated result images: without FAL_KEY the real client runs
 * unchanged, with no network.
 */
import { createFalSimulatorHandler, type FalSimulatorOptions } from "./handler";

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

export function createFalSimulatorFetch(options: FalSimulatorOptions = {}): typeof fetch {
  const handler = createFalSimulatorHandler(options);
  const simulatorFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    // `mode: "cors"` (set by @fal-ai/client) means nothing here.
    const request = new Request(input, init);
    const { signal } = request;
    if (signal.aborted) throw abortReason(signal);
    // Like fetch, reject as soon as the signal aborts.
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(abortReason(signal));
      signal.addEventListener("abort", onAbort, { once: true });
      handler(request)
        .then(resolve, reject)
        .finally(() => signal.removeEventListener("abort", onAbort));
    });
  };
  return simulatorFetch as typeof fetch;
}
