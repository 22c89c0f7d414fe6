/**
 * Runs a sweep's cells with bounded concurrency: pure scheduling, no network (the caller's
 * `run` makes the request). A rate-limited cell (an error shaped like AppError with code
 * "rate_limited") waits `retryAfterSeconds` and is retried, at most `maxRateLimitRetries`
 * times; while that wait lasts no new cell starts (cells already running carry on).
 * Any other error fails the cell. On abort, cells not yet started become "cancelled"
 * without ever calling `run`; running cells get the abort through their signal.
 */

export type CellStatus = "pending" | "running" | "waiting" | "done" | "failed" | "cancelled";

export interface CellRun<T> {
  key: string;
  status: CellStatus;
  /** How many times `run` was called for this cell. */
  attempts: number;
  result?: T;
  /** What the last attempt threw (failed, cancelled mid-run, or waiting after a rate limit). */
  error?: unknown;
}

export interface SweepProgress<T> {
  /** Same order as the cells given. */
  cells: CellRun<T>[];
  /** Epoch ms until which no new cell starts (a rate limit); null when not paused. */
  pausedUntil: number | null;
}

export interface RunSweepOptions<C, T> {
  /** Cells in flight at once (at least 1). */
  concurrency: number;
  run: (cell: C, signal: AbortSignal) => Promise<T>;
  signal?: AbortSignal;
  /** Called with a fresh snapshot after every change. */
  onUpdate?: (progress: SweepProgress<T>) => void;
  /** Retries per cell after a rate limit; default 2. */
  maxRateLimitRetries?: number;
  /** A rate limit asking for a longer wait fails the cell instead; default 120. */
  maxRateLimitWaitSeconds?: number;
}

/** Wait when `error` is a rate limit (AppError or its plain JSON shape); null otherwise. */
export function rateLimitWaitSeconds(error: unknown): number | null {
  if (typeof error !== "object" || error === null || (error as { code?: unknown }).code !== "rate_limited") return null;
  const seconds = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds >= 0 ? seconds : 1;
}

const isCancelError = (error: unknown) =>
  typeof error === "object" && error !== null && ((error as { code?: unknown }).code === "cancelled" || (error as { name?: unknown }).name === "AbortError");

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal.addEventListener("abort", done, { once: true });
  });
}

export async function runSweep<C extends { key: string }, T>(cells: readonly C[], options: RunSweepOptions<C, T>): Promise<SweepProgress<T>> {
  const signal = options.signal ?? new AbortController().signal;
  const concurrency = Math.max(1, Math.floor(options.concurrency) || 1);
  const maxRetries = options.maxRateLimitRetries ?? 2;
  const maxWait = options.maxRateLimitWaitSeconds ?? 120;

  const runs: CellRun<T>[] = cells.map((c) => ({ key: c.key, status: "pending", attempts: 0 }));
  /** Indices of cells to start, in order; a rate-limited cell goes back to the front. */
  const queue: number[] = cells.map((_, i) => i);
  let pausedUntil = 0;

  const emit = () => {
    if (!options.onUpdate) return;
    const now = Date.now();
    try {
      options.onUpdate({ cells: runs.map((r) => ({ ...r })), pausedUntil: pausedUntil > now ? pausedUntil : null });
    } catch {
      // A broken listener must not stop the sweep.
    }
  };

  const cancelUnstarted = () => {
    queue.length = 0;
    let changed = false;
    for (const r of runs) {
      if (r.status === "pending" || r.status === "waiting") {
        r.status = "cancelled";
        changed = true;
      }
    }
    if (changed) emit();
  };
  signal.addEventListener("abort", cancelUnstarted, { once: true });

  const worker = async () => {
    for (;;) {
      // Wait out a rate-limit pause; it may be extended while we sleep.
      while (!signal.aborted && Date.now() < pausedUntil) await sleep(pausedUntil - Date.now(), signal);
      if (signal.aborted) return;
      const index = queue.shift();
      if (index === undefined) return;
      const cell = runs[index];
      cell.status = "running";
      cell.attempts += 1;
      cell.error = undefined;
      emit();
      try {
        cell.result = await options.run(cells[index], signal);
        cell.status = "done";
      } catch (error) {
        cell.error = error;
        const wait = rateLimitWaitSeconds(error);
        if (signal.aborted || isCancelError(error)) {
          cell.status = "cancelled";
        } else if (wait !== null && cell.attempts <= maxRetries && wait <= maxWait) {
          cell.status = "waiting";
          pausedUntil = Math.max(pausedUntil, Date.now() + wait * 1000);
          queue.unshift(index);
        } else {
          cell.status = "failed";
        }
      }
      emit();
    }
  };

  try {
    if (signal.aborted) cancelUnstarted();
    else await Promise.all(Array.from({ length: Math.min(concurrency, cells.length) }, worker));
  } finally {
    signal.removeEventListener("abort", cancelUnstarted);
  }
  // Aborted while workers slept or returned: nothing is left pending.
  if (signal.aborted) cancelUnstarted();
  pausedUntil = 0;
  emit();
  return { cells: runs.map((r) => ({ ...r })), pausedUntil: null };
}

/** Counts per status, for a progress line ("7 of 9 done, 1 failed"). */
export function countStatuses(progress: Pick<SweepProgress<unknown>, "cells">): Record<CellStatus, number> {
  const counts: Record<CellStatus, number> = { pending: 0, running: 0, waiting: 0, done: 0, failed: 0, cancelled: 0 };
  for (const c of progress.cells) counts[c.status] += 1;
  return counts;
}
