import "server-only";
import { randomUUID } from "node:crypto";
import {
  activePauses,
  claimCell,
  findExpiredCells,
  finishCell,
  forgetKeysIfDone,
  generationByRequest,
  interruptCell,
  pauseKey,
  renewCell,
  requeueCell,
  type ClaimedCell,
} from "@/lib/db/grid-queries";
import { env } from "@/lib/env";
import { AppError, toErrorShape } from "@/lib/errors";
import { interruptedMessage } from "@/lib/generation/charge";
import { generateForKnownOwner } from "@/lib/generation/generate-for-owner";
import { isOwnKeyScope, keyScopeFor, servableKeyScopes } from "@/lib/providers/key-scope";
import { providerLabel } from "@/lib/providers/names";
import { unsealGridKeys } from "./keys";
import { leaseMs, leaseUntil, renewWhileRunning } from "@/lib/generation/lease";
import { generationInputSchemaFor } from "@/lib/generation/schema";
import { findIn } from "@/lib/models/catalog";
import { getCatalog } from "@/lib/models/registry";
import type { ImageProvider } from "@/lib/providers/types";
import { defaultRetryPolicy } from "@/lib/together/retry";

/**
 * The grid queue's workers: each instance runs GRID_CONCURRENCY of them (started from
 * instrumentation.ts, like the sweeper). A worker claims one queued cell with a row lease
 * (lib/db/grid-queries.ts), runs it through the same path as a studio generation (limits,
 * budget, lease, charge accounting), and files the image into the grid's collection. A 429
 * pauses the key for its retry-after on every instance; a cancel from any tab reaches the
 * running cell through the database. A killed instance's cells become interrupted, never re-run.
 */

/** The worker retries rate limits itself (for every cell on the key); other failures keep Together's policy. */
const NO_RATE_LIMIT_RETRY = { ...defaultRetryPolicy, maxRateLimitWaitSeconds: 0 };
/** How many 429s one cell waits out before it fails with the reason (and a Retry). */
export const MAX_RATE_LIMIT_WAITS = 8;
/** An admission refused by the owner's hourly limit waits at most this long before the cell fails. */
const MAX_ADMISSION_WAIT_MS = 10 * 60_000;

interface Pauses {
  get(scope: string): number;
  set(scope: string, until: number): void;
}
const globalForGrid = globalThis as unknown as {
  lorascopeGridPauses?: Map<string, number>;
  lorascopeGridWorkers?: { stop: () => Promise<void>; wake: () => void };
};
const memoryPauses = (globalForGrid.lorascopeGridPauses ??= new Map());
const pauses: Pauses = {
  get: (scope) => memoryPauses.get(scope) ?? 0,
  set: (scope, until) => memoryPauses.set(scope, Math.max(until, memoryPauses.get(scope) ?? 0)),
};

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * The provider behind a key's shared pause: waits while the key is paused (here or, through
 * the database, on any instance), and on a 429 pauses the key for its retry-after and sends
 * again after it, inside the same generation (one row, one charge).
 */
export function gatedProvider(provider: ImageProvider, keyScope: string): ImageProvider {
  return {
    ...provider,
    async generate(request, options = {}) {
      const { signal } = options;
      for (let waits = 0; ; waits++) {
        const until = pauses.get(keyScope);
        if (until > Date.now()) await sleep(until - Date.now(), signal);
        try {
          return await provider.generate(request, options);
        } catch (err) {
          if (!(err instanceof AppError) || err.code !== "rate_limited" || signal?.aborted || waits >= MAX_RATE_LIMIT_WAITS) throw err;
          const resume = Date.now() + Math.max(1, err.retryAfterSeconds ?? 1) * 1000;
          pauses.set(keyScope, resume);
          await pauseKey(keyScope, new Date(resume)).catch((e) => console.warn("sharing a rate-limit pause failed", e));
        }
      }
    },
  };
}

/** Runs one claimed cell to its end. Never throws. */
export async function runCell(cell: ClaimedCell, workerId: string): Promise<void> {
  const controller = new AbortController();
  const stopRenewing = renewWhileRunning(controller, `grid cell ${cell.id}`, (renew) => renewCell(cell.id, workerId, renew ? leaseUntil() : null));
  try {
    if (cell.grid.cancelledAt) {
      await finishCell(cell.id, workerId, { status: "cancelled", errorCode: "cancelled", errorMessage: "Cancelled before it started. Nothing was charged." });
      return;
    }
    const parsed = generationInputSchemaFor(getCatalog()).safeParse(JSON.parse(cell.input));
    if (!parsed.success) {
      await finishCell(cell.id, workerId, { status: "failed", errorCode: "invalid_input", errorMessage: "This cell's settings are no longer valid here (the model or its limits changed). Nothing was charged." });
      return;
    }
    // The key the cell was queued with, and only that: a removed own key fails the cell unsent.
    const provider = findIn(getCatalog(), parsed.data.model)!.provider;
    const own = unsealGridKeys(cell.grid.keys);
    if (isOwnKeyScope(cell.keyScope) && (!own[provider] || keyScopeFor(provider, own[provider]) !== cell.keyScope)) {
      await finishCell(cell.id, workerId, { status: "failed", errorCode: "invalid_key", errorMessage: `Your own ${providerLabel(provider)} key was removed before this cell ran, so it was not sent. Nothing was charged; add the key again and retry it.` });
      return;
    }
    const cellJson = JSON.stringify(cell.baseline && cell.x === null ? { z: cell.z, baseline: true } : { z: cell.z, x: cell.x, y: cell.y });
    try {
      const result = await generateForKnownOwner(cell.ownerId, parsed.data, {
        own: isOwnKeyScope(cell.keyScope) ? own : { together: null, fal: null },
        file: cell.grid.collectionId ? { collectionId: cell.grid.collectionId, cell: cellJson } : undefined,
        signal: controller.signal,
        providerRetry: NO_RATE_LIMIT_RETRY,
        wrapProvider: gatedProvider,
      });
      await finishCell(cell.id, workerId, { status: "succeeded", generationId: result.generation.id, costMicroUsd: result.generation.costMicroUsd });
    } catch (err) {
      const error = toErrorShape(err);
      if (error.code === "internal") console.error("grid cell failed", err);
      const row = await generationByRequest(cell.ownerId, parsed.data.clientRequestId).catch(() => null);
      // The owner's hourly limit (at admission, nothing sent): wait for room instead of failing the grid.
      const waitMs = (error.retryAfterSeconds ?? 0) * 1000;
      if (error.code === "rate_limited" && !row?.attemptedAt && waitMs > 0 && waitMs <= MAX_ADMISSION_WAIT_MS && !controller.signal.aborted) {
        const input = JSON.stringify({ ...JSON.parse(cell.input), clientRequestId: randomUUID() });
        await requeueCell(cell.id, workerId, input, new Date(Date.now() + waitMs));
        return;
      }
      await finishCell(cell.id, workerId, {
        status: error.code === "cancelled" ? "cancelled" : "failed",
        generationId: row?.id ?? null,
        errorCode: error.code,
        errorMessage: error.message,
        mayBeCharged: error.mayBeCharged ?? false,
      });
    }
  } catch (err) {
    console.error(`grid cell ${cell.id} could not be settled:`, err);
  } finally {
    stopRenewing();
    await forgetKeysIfDone(cell.gridId).catch((e) => console.warn("erasing a finished grid's keys failed", e));
  }
}

/**
 * Cells whose instance stopped renewing (killed, restarted) become interrupted: the request
 * may have reached the provider, so it is never silently sent again. Safe on several instances.
 */
export async function sweepInterruptedCells(now = new Date()): Promise<number> {
  let count = 0;
  for (const row of await findExpiredCells(now)) {
    let clientRequestId = "";
    try {
      clientRequestId = String((JSON.parse(row.input) as { clientRequestId?: unknown }).clientRequestId ?? "");
    } catch {
      // An unreadable input never reached a provider.
    }
    const generation = clientRequestId ? await generationByRequest(row.ownerId, clientRequestId) : null;
    const attempted = generation?.attemptedAt != null;
    const done = await interruptCell(row, { message: interruptedMessage({ attempted, provider: generation?.provider ?? "" }), mayBeCharged: attempted, generationId: generation?.id ?? null }, now);
    if (done) {
      count++;
      await forgetKeysIfDone(row.gridId);
    }
  }
  return count;
}

const POLL_MS = 1_000;

/** One worker: claim, run, repeat; sleeps while there is nothing to do or every key it could use is paused. */
async function workerLoop(workerId: string, stopped: AbortSignal, wakeups: { next: () => Promise<void> }) {
  while (!stopped.aborted) {
    try {
      const now = Date.now();
      const shared = await activePauses(new Date(now));
      for (const p of shared) pauses.set(p.keyScope, p.until.getTime());
      const paused = [...memoryPauses.entries()].filter(([, until]) => until > now).map(([scope]) => scope);
      const cell = await claimCell(workerId, leaseUntil(), paused, servableKeyScopes());
      if (cell) {
        await runCell(cell, workerId);
        continue;
      }
      const soonest = Math.min(POLL_MS, ...[...memoryPauses.values()].filter((u) => u > now).map((u) => u - now + 5));
      await Promise.race([sleep(soonest, stopped), wakeups.next()]);
    } catch (err) {
      console.warn("grid worker:", err);
      await sleep(POLL_MS, stopped);
    }
  }
}

/** Starts this process's grid workers and the interrupted-cell sweep (once per process). */
export function startGridWorkers(options: { concurrency?: number } = {}): { stop: () => Promise<void>; wake: () => void } {
  if (globalForGrid.lorascopeGridWorkers) return globalForGrid.lorascopeGridWorkers;
  const concurrency = options.concurrency ?? env().gridConcurrency;
  const stopper = new AbortController();
  const instance = randomUUID();
  let waiters: (() => void)[] = [];
  const wakeups = { next: () => new Promise<void>((resolve) => waiters.push(resolve)) };
  const wake = () => {
    const ready = waiters;
    waiters = [];
    for (const w of ready) w();
  };
  const sweep = () => sweepInterruptedCells().then((n) => n > 0 && console.warn(`${n} grid cell(s) interrupted by a stopped server`), (err) => console.warn("sweeping grid cells failed:", err));
  void sweep();
  const sweeper = setInterval(sweep, Math.max(2_000, leaseMs() / 2));
  sweeper.unref?.();
  const loops = Array.from({ length: concurrency }, (_, i) => workerLoop(`${instance}:${i}`, stopper.signal, wakeups));
  const handle = {
    wake,
    async stop() {
      stopper.abort();
      clearInterval(sweeper);
      wake();
      await Promise.all(loops);
      globalForGrid.lorascopeGridWorkers = undefined;
    },
  };
  globalForGrid.lorascopeGridWorkers = handle;
  return handle;
}

/** Tells this process's idle workers there is work (a grid started or a cell retried here). */
export function wakeGridWorkers(): void {
  globalForGrid.lorascopeGridWorkers?.wake();
}
