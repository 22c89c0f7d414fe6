import "server-only";
import { askCancel } from "@/lib/db/lease-queries";

// Generations running in this server process, so a cancel that lands here aborts at once.
// A cancel that lands on another instance goes through the database (askCancel), and the
// running instance's lease loop (./lease.ts) sees the flag within half a second. Kept on
// globalThis: Next bundles each route separately, and they must share one map.
const globalForRuns = globalThis as unknown as { lorascopeRuns?: Map<string, AbortController> };
const running = (globalForRuns.lorascopeRuns ??= new Map<string, AbortController>());
const keyOf = (ownerId: string, clientRequestId: string) => `${ownerId}:${clientRequestId}`;

export function trackGeneration(ownerId: string, clientRequestId: string, controller = new AbortController()): { signal: AbortSignal; done: () => void } {
  const key = keyOf(ownerId, clientRequestId);
  running.set(key, controller);
  return { signal: controller.signal, done: () => running.get(key) === controller && running.delete(key) };
}

/** True when a running generation of this owner was found (on any instance) and asked to stop. */
export async function cancelGeneration(ownerId: string, clientRequestId: string): Promise<boolean> {
  const flagged = await askCancel(ownerId, clientRequestId);
  const controller = running.get(keyOf(ownerId, clientRequestId));
  if (flagged) controller?.abort();
  return flagged;
}
