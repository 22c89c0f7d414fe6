import type { ProviderId, ProviderRecordName } from "./types";

/** The one place that knows how a stored provider name reads and what it means. */
export const PROVIDER_RECORD_NAMES = ["together", "simulator", "fal", "fal-simulator"] as const satisfies readonly ProviderRecordName[];

export function providerOf(name: string): ProviderId {
  return name === "fal" || name === "fal-simulator" ? "fal" : "together";
}

export function isSimulated(name: string): boolean {
  return name === "simulator" || name === "fal-simulator";
}

export function recordNameFor(id: ProviderId, simulated: boolean): ProviderRecordName {
  if (id === "fal") return simulated ? "fal-simulator" : "fal";
  return simulated ? "simulator" : "together";
}

/** "Together AI", "fal.ai" — the service a person would look up. */
export function providerLabel(id: ProviderId): string {
  return id === "fal" ? "fal.ai" : "Together AI";
}

/** "Together AI", "Together AI (simulated)", "fal.ai", "fal.ai (simulated)". */
export function recordLabel(name: string): string {
  const label = providerLabel(providerOf(name));
  return isSimulated(name) ? `${label} (simulated)` : label;
}
