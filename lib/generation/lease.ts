import "server-only";
import { readCancel, renewLease } from "@/lib/db/lease-queries";
import { env } from "@/lib/env";
import { trackGeneration } from "./in-flight";

/** How often a running generation looks for a cancel asked on another instance. */
export const CANCEL_POLL_MS = 500;

export function leaseMs(): number {
  return env().generationLeaseMs;
}

export function leaseUntil(now = Date.now()): Date {
  return new Date(now + leaseMs());
}

export interface Lease {
  /** Aborted when a cancel is asked, here or on any other instance. */
  signal: AbortSignal;
  release(): void;
}

/**
 * Holds a running generation's lease: renewed every third of its length, so a live instance
 * never lets it lapse, and a killed one leaves a row the sweeper (./sweeper.ts) recognises.
 * The same loop polls the row's cancel flag.
 */
export function holdLease(id: string, ownerId: string, clientRequestId: string): Lease {
  const controller = new AbortController();
  const tracked = trackGeneration(ownerId, clientRequestId, controller);
  let nextRenew = Date.now() + leaseMs() / 3;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy || controller.signal.aborted) return;
    busy = true;
    try {
      const renew = Date.now() >= nextRenew;
      const state = renew ? await renewLease(id, leaseUntil()) : await readCancel(id);
      if (renew) nextRenew = Date.now() + leaseMs() / 3;
      if (state.cancelAsked) controller.abort();
    } catch (err) {
      // A database hiccup must not fail a paid generation; the next tick tries again.
      console.warn(`lease of generation ${id} not renewed:`, err);
    } finally {
      busy = false;
    }
  }, CANCEL_POLL_MS);
  timer.unref?.();
  return {
    signal: controller.signal,
    release() {
      clearInterval(timer);
      tracked.done();
    },
  };
}
