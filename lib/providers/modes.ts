import type { ProviderId } from "./types";

/**
 * How each provider runs for one person: with a real key (the deployment's or their own),
 * on its built-in simulator, or not at all until someone supplies a key.
 */
export type ProviderMode = "live" | "simulated" | "needs-key";
export type ProviderModes = Record<ProviderId, ProviderMode>;

export interface KeySituation {
  /** Keys the deployment is configured with. */
  deployment: Record<ProviderId, boolean>;
  /** LORASCOPE_SIMULATOR=true: simulate even with deployment keys. */
  forceSimulator: boolean;
  /** Keys this person brought (sealed cookies). */
  own: Record<ProviderId, boolean>;
}

const PROVIDERS: ProviderId[] = ["together", "fal"];

/**
 * A person's own key always runs for real. Otherwise: with no deployment key at all (or the
 * simulator forced) everything runs on the simulators, a demo that says so; once the operator
 * has configured a key, a provider without one is not silently simulated next to real ones —
 * it waits for a key.
 */
export function providerModes(k: KeySituation): ProviderModes {
  const anyDeploymentKey = PROVIDERS.some((p) => k.deployment[p]);
  const mode = (p: ProviderId): ProviderMode => {
    if (k.own[p]) return "live";
    if (k.forceSimulator || !anyDeploymentKey) return "simulated";
    return k.deployment[p] ? "live" : "needs-key";
  };
  return { together: mode("together"), fal: mode("fal") };
}
