import "server-only";

// Generations running in this server process, so a cancel request can abort the provider
// call of the generate action still waiting on it. Kept on globalThis: Next bundles each route
// separately, and the cancel route must see the same map as the studio's action.
const globalForRuns = globalThis as unknown as { lorascopeRuns?: Map<string, AbortController> };
const running = (globalForRuns.lorascopeRuns ??= new Map<string, AbortController>());
const keyOf = (ownerId: string, clientRequestId: string) => `${ownerId}:${clientRequestId}`;

export function trackGeneration(ownerId: string, clientRequestId: string): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const key = keyOf(ownerId, clientRequestId);
  running.set(key, controller);
  return { signal: controller.signal, done: () => running.get(key) === controller && running.delete(key) };
}

/** True when a running generation of this owner was found and aborted. */
export function cancelGeneration(ownerId: string, clientRequestId: string): boolean {
  const controller = running.get(keyOf(ownerId, clientRequestId));
  if (!controller) return false;
  controller.abort();
  return true;
}
