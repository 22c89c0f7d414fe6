import "server-only";
import Together from "together-ai";
import { env } from "@/lib/env";
import { imageRequestBody } from "@/lib/generation/build-request";
import { findModel } from "@/lib/models/registry";
import { recordNameFor } from "@/lib/providers/names";
import type { ImageProvider, ProviderImage, ProviderRequest } from "@/lib/providers/types";
import { parseSimulatorCases, type SimulatorCases } from "./simulator/cases";
import { createSimulatorFetch } from "./simulator/fetch";
import { mapTogetherError } from "./errors";
import { defaultRetryPolicy, retryDelayMs, type RetryPolicy } from "./retry";
import type { ImageRequest } from "./types";

export type { ImageProvider };

let simulatorCases: SimulatorCases | undefined;
/** LORASCOPE_SIMULATOR_CASES, parsed once (instrumentation.ts checks it at start). */
export function configuredSimulatorCases(): SimulatorCases {
  simulatorCases ??= parseSimulatorCases(env().simulatorCases);
  return simulatorCases;
}

/**
 * Both modes go through the official SDK, so the simulator exercises the same request
 * building, retries and error classes as the real service; only `fetch` differs.
 */
export function createTogetherClient(options: { simulated: boolean; apiKey?: string }): Together {
  const e = env();
  if (options.simulated) {
    return new Together({
      apiKey: "simulator",
      baseURL: "https://simulator.lorascope.invalid/v1",
      fetch: createSimulatorFetch({ cases: configuredSimulatorCases }),
      maxRetries: 0,
      timeout: e.togetherTimeoutMs,
    });
  }
  return new Together({
    apiKey: options.apiKey ?? e.togetherApiKey,
    baseURL: e.togetherBaseUrl,
    // Retries are ours (./retry.ts): the SDK would sleep for any retry-after, however long.
    maxRetries: 0,
    timeout: e.togetherTimeoutMs,
  });
}

function mimeFor(format: ImageRequest["output_format"]): string {
  return format === "png" ? "image/png" : "image/jpeg";
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Together's body for a neutral request: the same builder the gallery shows and code export prints. */
export function togetherBody(request: ProviderRequest): ImageRequest {
  return imageRequestBody({ ...request, loras: request.loras.map((l, i) => ({ ...l, position: i + 1 })) });
}

/**
 * Together's image API (or its simulator) as an ImageProvider. `apiKey` is a person's own key;
 * without it the deployment's key is used, and the simulator when there is none.
 */
export function createTogetherProvider(options: { apiKey?: string; simulated?: boolean; retry?: RetryPolicy } = {}): ImageProvider {
  const simulated = options.apiKey ? false : (options.simulated ?? env().providerMode === "simulator");
  const client = createTogetherClient({ simulated, apiKey: options.apiKey });
  const policy = options.retry ?? { ...defaultRetryPolicy, maxRetries: env().togetherMaxRetries };

  async function once(body: ImageRequest, signal?: AbortSignal): Promise<ProviderImage[]> {
    const response = await client.images.generate({ ...body, response_format: "base64" }, { signal });
    if (!Array.isArray(response?.data)) throw new SyntaxError("Together's answer has no image list");
    return response.data.map((item) => {
      if (item.type !== "b64_json") throw new SyntaxError("Expected base64 image data");
      return { index: item.index, bytes: Buffer.from(item.b64_json, "base64"), mimeType: mimeFor(body.output_format) };
    });
  }

  return {
    id: "together",
    name: recordNameFor("together", simulated),
    simulated,
    async generate(request, { signal } = {}) {
      const body = togetherBody(request);
      const context = { modelLabel: findModel(request.model)?.label, hadLoras: request.loras.length > 0 };
      for (let attempt = 0; ; attempt++) {
        try {
          return await once(body, signal);
        } catch (err) {
          const error = mapTogetherError(err, { ...context, service: simulated ? "the simulator" : "Together" });
          const delay = signal?.aborted ? null : retryDelayMs(error, attempt, policy);
          if (delay === null) throw error;
          await sleep(delay, signal);
        }
      }
    },
  };
}

