import type { GenerationParameters } from "@/lib/db/generation-columns";

/**
 * What every image provider (Together, fal.ai, and each one's simulator) is to the rest of
 * the app: one neutral request in, image bytes out, typed AppErrors on failure. Each
 * provider turns the neutral request into its own body (lib/together, lib/fal).
 */
export type ProviderId = "together" | "fal";

/**
 * What is stored in Generation.provider: the service, or its built-in simulator.
 * ("simulator" is Together's simulator; the name predates fal.)
 */
export type ProviderRecordName = "together" | "simulator" | "fal" | "fal-simulator";

/**
 * A generation as sent: its parameters as stored (lib/db/generation-columns.ts; each provider
 * turns them into its own body), the prompt with its trigger phrases folded in, the LoRAs.
 */
export interface ProviderRequest extends GenerationParameters {
  prompt: string;
  loras: { path: string; scale: number }[];
}

export interface ProviderImage {
  index: number;
  bytes: Buffer;
  mimeType: string;
}

export interface ImageProvider {
  id: ProviderId;
  /** Recorded with each generation. */
  name: ProviderRecordName;
  simulated: boolean;
  generate(request: ProviderRequest, options?: { signal?: AbortSignal }): Promise<ProviderImage[]>;
}
