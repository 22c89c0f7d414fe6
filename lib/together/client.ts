import "server-only";
import Together from "together-ai";
import { env } from "@/lib/env";
import { createSimulatorFetch } from "./simulator/fetch";
import { mapTogetherError } from "./errors";
import { defaultRetryPolicy, retryDelayMs, type RetryPolicy } from "./retry";
import type { ImageRequest, ProviderImage, ProviderName } from "./types";

export interface ImageProvider {
  name: ProviderName;
  generate(request: ImageRequest, options?: { signal?: AbortSignal }): Promise<ProviderImage[]>;
}

/**
 * Both modes go through the official SDK, so the simulator exercises the same request
 * building, retries and error classes as the real service; only `fetch` differs.
 */
function createClient(mode: ProviderName, apiKeyOverride?: string): Together {
  const e = env();
  if (mode === "simulator") {
    return new Together({
      apiKey: "simulator",
      baseURL: "https://simulator.lorascope.invalid/v1",
      fetch: createSimulatorFetch(),
      maxRetries: 0,
      timeout: e.togetherTimeoutMs,
    });
  }
  return new Together({
    apiKey: apiKeyOverride ?? e.togetherApiKey,
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

export function getImageProvider(options: { apiKey?: string; retry?: RetryPolicy } = {}): ImageProvider {
  const name: ProviderName = options.apiKey ? "together" : env().providerMode;
  const client = createClient(name, options.apiKey);
  const policy = options.retry ?? { ...defaultRetryPolicy, maxRetries: env().togetherMaxRetries };

  async function once(request: ImageRequest, signal?: AbortSignal): Promise<ProviderImage[]> {
    const response = await client.images.generate({ ...request, response_format: "base64" }, { signal });
    if (!Array.isArray(response?.data)) throw new SyntaxError("Together's answer has no image list");
    return response.data.map((item) => {
      if (item.type !== "b64_json") throw new SyntaxError("Expected base64 image data");
      return { index: item.index, bytes: Buffer.from(item.b64_json, "base64"), mimeType: mimeFor(request.output_format) };
    });
  }

  return {
    name,
    async generate(request, { signal } = {}) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await once(request, signal);
        } catch (err) {
          const error = mapTogetherError(err, name === "simulator" ? "the simulator" : "Together");
          const delay = signal?.aborted ? null : retryDelayMs(error, attempt, policy);
          if (delay === null) throw error;
          await sleep(delay, signal);
        }
      }
    },
  };
}
