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
 * The loop behind every lease (a studio generation's, a grid cell's): every CANCEL_POLL_MS it
 * calls `check`, asking it to renew the lease when a third of its length has passed, and aborts
 * `controller` when `check` answers that the work must stop (a cancel seen on any instance).
 * One tick at a time; a database hiccup is logged and retried on the next tick, never fails the
 * paid work. Returns a function that stops the loop.
 */
export function renewWhileRunning(controller: AbortController, label: string, check: (renew: boolean) => Promise<{ stop: boolean }>): () => void {
  let nextRenew = Date.now() + leaseMs() / 3;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy || controller.signal.aborted) return;
    busy = true;
    try {
      const renew = Date.now() >= nextRenew;
      const { stop } = await check(renew);
      if (renew) nextRenew = Date.now() + leaseMs() / 3;
      if (stop) controller.abort();
    } catch (err) {
      console.warn(`lease of ${label} not renewed:`, err);
    } finally {
      busy = false;
    }
  }, CANCEL_POLL_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}

/**
 * Holds a running generation's lease: renewed every third of its length, so a live instance
 * never lets it lapse, and a killed one leaves a row the sweeper (./sweeper.ts) recognises.
 * The same loop polls the row's cancel flag.
 */
export function holdLease(id: string, ownerId: string, clientRequestId: string): Lease {
  const controller = new AbortController();
  const tracked = trackGeneration(ownerId, clientRequestId, controller);
  const stop = renewWhileRunning(controller, `generation ${id}`, async (renew) => {
    const state = renew ? await renewLease(id, leaseUntil()) : await readCancel(id);
    return { stop: state.cancelAsked };
  });
  return {
    signal: controller.signal,
    release() {
      stop();
      tracked.done();
    },
  };
}
