import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createFalProvider } from "@/lib/fal/client";
import type { ImageModel } from "@/lib/models/catalog";
import { createTogetherProvider } from "@/lib/together/client";
import type { RetryPolicy } from "@/lib/together/retry";
import { providerModes, type ProviderModes } from "./modes";
import { providerLabel } from "./names";
import type { ImageProvider, ProviderId } from "./types";

export type OwnKeys = Record<ProviderId, string | null>;

/** How each provider runs for a person with these own keys (./modes.ts decides). */
export function modesFor(own: OwnKeys): ProviderModes {
  const e = env();
  return providerModes({
    deployment: { together: Boolean(e.togetherApiKey), fal: Boolean(e.falKey) },
    forceSimulator: e.forceSimulator,
    own: { together: own.together !== null, fal: own.fal !== null },
  });
}

/**
 * The provider that runs `model` for this person, and whether it is paid with their own key.
 * A provider waiting for a key is refused here, before anything is recorded or paid. `retry`
 * replaces Together's retry policy (a grid worker retries rate limits itself, for every cell).
 */
export function providerFor(model: ImageModel, own: OwnKeys, options: { retry?: RetryPolicy } = {}): { provider: ImageProvider; ownKey: boolean } {
  const mode = modesFor(own)[model.provider];
  if (mode === "needs-key") {
    throw new AppError({
      code: "invalid_key",
      field: "model",
      message: `${model.label} runs on ${providerLabel(model.provider)}, and this server has no ${providerLabel(model.provider)} key. Add your own key (Use your own key), or pick another model. Nothing was sent.`,
    });
  }
  const ownKey = own[model.provider] ?? undefined;
  const simulated = mode === "simulated";
  const provider =
    model.provider === "fal"
      ? createFalProvider({ apiKey: ownKey ?? (simulated ? undefined : env().falKey), simulated })
      : createTogetherProvider({ apiKey: ownKey, simulated, retry: options.retry });
  return { provider, ownKey: ownKey !== undefined };
}
