"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { AppErrorShape } from "@/lib/errors";
import { liveCellLabel, type LiveCell, type LiveSweep } from "@/lib/explore/live";
import type { SweepCellRef } from "@/lib/explore/cell";
import type { SweepPlan } from "@/lib/explore/plan";
import { runSweep, type SweepProgress } from "@/lib/explore/run";
import type { GenerateResult } from "@/lib/generation/generate-for-owner";
import type { GenerationInput } from "@/lib/generation/schema";
import type { GenerationView } from "@/lib/generation/view";
import type { LimitsView } from "@/lib/limits/view";
import { toGenerationInput } from "@/lib/studio/state";
import { discardEmptySweepAction, startSweepAction } from "./actions";

export type { LiveCell, LiveSweep };

type CellJob = { key: string; input: Omit<GenerationInput, "clientRequestId">; cell: SweepCellRef };

const unreachable: AppErrorShape = { code: "internal", message: "The server could not be reached. Finished cells are kept; retry this one." };

/** A plain request, not a server action: Next runs one server action at a time per page. */
function cancelRequest(clientRequestId: string) {
  void fetch("/api/generations/cancel", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ clientRequestId }) }).catch(() => {});
}

/**
 * One cell, one attempt: a fresh request id each time (a failed id would answer its old
 * failure), the result filed into the sweep's collection by the server. On abort the request
 * is cancelled on the server and we still wait for its answer: if it finished first, it was
 * paid for and saved, and the grid should show it.
 */
async function runCell(job: CellJob, collectionId: string, signal: AbortSignal): Promise<{ generation: GenerationView; limits: LimitsView }> {
  const clientRequestId = crypto.randomUUID();
  const onAbort = () => cancelRequest(clientRequestId);
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    const response = await fetch("/api/generations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ input: { ...job.input, clientRequestId }, sweep: { collectionId, cell: job.cell } }),
    }).catch(() => null);
    const result = (await response?.json().catch(() => null)) as GenerateResult | null;
    if (!result) throw unreachable;
    if (!result.ok) throw result.error;
    return result;
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

/**
 * Runs a planned sweep from the browser: checks it with the server (limits, budget) and gets
 * its collection, then runs the cells with bounded concurrency (lib/explore/run.ts), filling
 * the grid as each one answers. Failed or cancelled cells can be retried one by one.
 */
export function useSweep({ concurrency, onLimits, initial = null }: { concurrency: number; onLimits?: (limits: LimitsView) => void; initial?: LiveSweep | null }) {
  const [sweep, setSweep] = useState<LiveSweep | null>(initial);
  const [starting, setStarting] = useState(false);
  const jobs = useRef(new Map<string, CellJob>());
  const controller = useRef<AbortController | null>(null);
  /** Cell runs still going (the main run and retries): the sweep is over when none are. */
  const active = useRef(0);
  /** Cells being retried one by one (keys). */
  const retrying = useRef(new Set<string>());
  /** Set synchronously on Start: a double-click must not create two sweeps (and pay twice). */
  const startingRef = useRef(false);

  // Leaving the page mid-sweep would stop it: ask first.
  const running = sweep?.running ?? false;
  useEffect(() => {
    if (!running) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [running]);

  const merge = useCallback((progress: SweepProgress<GenerationView>) => {
    setSweep((s) => {
      if (!s) return s;
      const byKey = new Map(progress.cells.map((c) => [c.key, c]));
      return {
        ...s,
        pausedUntil: progress.pausedUntil,
        cells: s.cells.map((cell) => {
          const update = byKey.get(cell.key);
          if (!update) return cell;
          const error = update.status === "done" || update.error === undefined ? undefined : (update.error as AppErrorShape);
          return { ...cell, status: update.status, attempts: update.attempts, generation: update.result ?? cell.generation, error };
        }),
      };
    });
  }, []);

  const execute = useCallback(
    async (collectionId: string, keys: string[]) => {
      if (!controller.current || controller.current.signal.aborted) controller.current = new AbortController();
      const signal = controller.current.signal;
      active.current += 1;
      setSweep((s) => (s ? { ...s, running: true } : s));
      const cells = keys.map((key) => jobs.current.get(key)!);
      const final = await runSweep(cells, {
        concurrency,
        signal,
        run: async (job, sig) => {
          const { generation, limits } = await runCell(job, collectionId, sig);
          onLimits?.(limits);
          return generation;
        },
        onUpdate: merge,
      });
      merge(final);
      active.current -= 1;
      if (active.current === 0) {
        setSweep((s) => (s ? { ...s, running: false, pausedUntil: null } : s));
      }
      return final;
    },
    [concurrency, merge, onLimits],
  );

  /** Checks the plan with the server, then runs every cell. Resolves with an error to show, or null. */
  const start = useCallback(
    async (plan: SweepPlan, name: string): Promise<AppErrorShape | null> => {
      if (startingRef.current || running) return null;
      startingRef.current = true;
      setStarting(true);
      try {
        const planned: CellJob[] = plan.cells.map((c) => {
          const { clientRequestId: _id, ...input } = toGenerationInput(c.state, plan.seed, crypto.randomUUID());
          return { key: c.key, input, cell: c.baseline ? { baseline: true } : { x: c.x!, y: c.y ?? 0 } };
        });
        const started = await startSweepAction({
          name,
          axes: plan.axes,
          inputs: planned.map((j) => ({ ...j.input, clientRequestId: crypto.randomUUID() })),
        }).catch(() => null);
        if (!started) return unreachable;
        if (!started.ok) return started.error;
        jobs.current = new Map(planned.map((j) => [j.key, j]));
        controller.current = new AbortController();
        setSweep({
          collectionId: started.collectionId,
          name: started.name,
          axes: plan.axes,
          pausedUntil: null,
          running: true,
          width: plan.cells[0]?.state.width ?? 1,
          height: plan.cells[0]?.state.height ?? 1,
          retryable: true,
          sharePath: null,
          cells: plan.cells.map((c) => ({ key: c.key, x: c.x, y: c.y, baseline: c.baseline, label: liveCellLabel(plan.axes, c), status: "pending", attempts: 0 })),
        });
        setStarting(false);
        const final = await execute(started.collectionId, planned.map((j) => j.key));
        if (!final.cells.some((c) => c.status === "done")) {
          // Nothing was made: no empty collection is left behind (a retry would have nowhere to go).
          const { deleted } = await discardEmptySweepAction(started.collectionId).catch(() => ({ deleted: false }));
          if (deleted) setSweep((s) => (s && s.collectionId === started.collectionId ? { ...s, collectionId: "" } : s));
        }
        return null;
      } finally {
        startingRef.current = false;
        setStarting(false);
      }
    },
    [execute, running],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  const collectionId = sweep?.collectionId;
  const retryable = sweep?.retryable;
  const retry = useCallback(
    (key: string) => {
      // A double-click on Retry must not make (and pay for) the cell twice.
      if (!collectionId || !retryable || !jobs.current.has(key) || retrying.current.has(key)) return;
      retrying.current.add(key);
      setSweep((s) => (s ? { ...s, cells: s.cells.map((c) => (c.key === key ? { ...c, status: "pending", error: undefined } : c)) } : s));
      void execute(collectionId, [key]).finally(() => retrying.current.delete(key));
    },
    [execute, collectionId, retryable],
  );

  /** Shows a saved sweep (one brought back after the back button); ignored while one runs. */
  const show = useCallback((saved: LiveSweep) => {
    if (active.current === 0 && !startingRef.current) setSweep(saved);
  }, []);

  return { sweep, starting, running, start, cancel, retry, show };
}
