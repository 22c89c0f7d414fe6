import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { countStatuses, rateLimitWaitSeconds, runSweep, type SweepProgress } from "@/lib/explore/run";

const cells = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `c${i}` }));

/** A run function whose calls the test resolves or rejects by hand. */
function controlledRun() {
  const calls: { key: string; signal: AbortSignal; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  const run = (cell: { key: string }, signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => calls.push({ key: cell.key, signal, resolve, reject }));
  return { calls, run };
}

const rateLimited = (seconds?: number) => new AppError({ code: "rate_limited", message: "Slow down", retryAfterSeconds: seconds });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("runSweep", () => {
  it("never runs more than `concurrency` cells at once and finishes them all", async () => {
    let active = 0;
    let peak = 0;
    const run = async (cell: { key: string }) => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 100));
      active -= 1;
      return cell.key.toUpperCase();
    };
    const done = runSweep(cells(7), { concurrency: 3, run });
    await vi.advanceTimersByTimeAsync(1000);
    const result = await done;
    expect(peak).toBe(3);
    expect(result.cells.map((c) => [c.status, c.result, c.attempts])).toEqual(Array.from({ length: 7 }, (_, i) => ["done", `C${i}`, 1]));
  });

  it("starts cells in order", async () => {
    const { calls, run } = controlledRun();
    const done = runSweep(cells(4), { concurrency: 2, run });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.key)).toEqual(["c0", "c1"]);
    calls[1].resolve("b");
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.key)).toEqual(["c0", "c1", "c2"]);
    calls[0].resolve("a");
    calls[2].resolve("c");
    await vi.advanceTimersByTimeAsync(0);
    calls[3].resolve("d");
    expect((await done).cells.map((c) => c.result)).toEqual(["a", "b", "c", "d"]);
  });

  it("marks other errors failed without retrying, and goes on", async () => {
    const run = vi.fn(async (cell: { key: string }) => {
      if (cell.key === "c1") throw new AppError({ code: "bad_request", message: "nope" });
      return "ok";
    });
    const result = await runSweep(cells(3), { concurrency: 1, run });
    expect(result.cells.map((c) => c.status)).toEqual(["done", "failed", "done"]);
    expect((result.cells[1].error as AppError).code).toBe("bad_request");
    expect(run).toHaveBeenCalledTimes(3);
  });

  it("waits retry-after on a rate limit, starting nothing meanwhile, then retries the cell", async () => {
    const { calls, run } = controlledRun();
    const updates: SweepProgress<string>[] = [];
    const done = runSweep(cells(3), { concurrency: 2, run, onUpdate: (p) => updates.push(p) });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.key)).toEqual(["c0", "c1"]);

    calls[0].reject(rateLimited(5));
    await vi.advanceTimersByTimeAsync(0);
    const last = updates[updates.length - 1];
    expect(last.cells[0].status).toBe("waiting");
    expect(last.pausedUntil).toBe(Date.now() + 5000);

    // c1 finishing frees a slot, but the pause holds c2 back.
    calls[1].resolve("b");
    await vi.advanceTimersByTimeAsync(4999);
    expect(calls).toHaveLength(2);

    await vi.advanceTimersByTimeAsync(1);
    // The rate-limited cell goes first, then the next one.
    expect(calls.map((c) => c.key)).toEqual(["c0", "c1", "c0", "c2"]);
    calls[2].resolve("a");
    calls[3].resolve("c");
    const result = await done;
    expect(result.cells.map((c) => [c.status, c.attempts])).toEqual([
      ["done", 2],
      ["done", 1],
      ["done", 1],
    ]);
    expect(result.pausedUntil).toBeNull();
  });

  it("also understands the plain error shape and defaults the wait to 1 s", async () => {
    expect(rateLimitWaitSeconds({ code: "rate_limited", message: "x", retryAfterSeconds: 3 })).toBe(3);
    expect(rateLimitWaitSeconds({ code: "rate_limited", message: "x" })).toBe(1);
    expect(rateLimitWaitSeconds(new AppError({ code: "timeout", message: "x" }))).toBeNull();
    expect(rateLimitWaitSeconds(new Error("x"))).toBeNull();
    expect(rateLimitWaitSeconds(null)).toBeNull();
  });

  it("gives up after 2 retries", async () => {
    const run = vi.fn(async () => {
      throw { code: "rate_limited", message: "Slow down", retryAfterSeconds: 2 };
    });
    const done = runSweep(cells(1), { concurrency: 1, run });
    await vi.advanceTimersByTimeAsync(1999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(run).toHaveBeenCalledTimes(3);
    const result = await done;
    expect(result.cells[0]).toMatchObject({ status: "failed", attempts: 3 });
    expect(run).toHaveBeenCalledTimes(3);
  });

  it("fails at once when the rate limit asks for too long a wait", async () => {
    const run = vi.fn(async () => {
      throw rateLimited(600);
    });
    const result = await runSweep(cells(1), { concurrency: 1, run, maxRateLimitWaitSeconds: 60 });
    expect(result.cells[0]).toMatchObject({ status: "failed", attempts: 1 });
  });

  it("on abort: unstarted cells are cancelled and never run; running ones see the signal", async () => {
    const { calls, run } = controlledRun();
    const controller = new AbortController();
    const updates: SweepProgress<string>[] = [];
    const done = runSweep(cells(5), { concurrency: 2, run, signal: controller.signal, onUpdate: (p) => updates.push(p) });
    await vi.advanceTimersByTimeAsync(0);
    calls[0].resolve("a");
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.key)).toEqual(["c0", "c1", "c2"]);

    controller.abort();
    expect(calls[1].signal.aborted).toBe(true);
    // Pending cells show as cancelled straight away, while c1 and c2 are still settling.
    expect(updates[updates.length - 1].cells.map((c) => c.status)).toEqual(["done", "running", "running", "cancelled", "cancelled"]);

    calls[1].reject(new DOMException("aborted", "AbortError"));
    calls[2].resolve("c"); // finished anyway: kept
    const result = await done;
    expect(result.cells.map((c) => c.status)).toEqual(["done", "cancelled", "done", "cancelled", "cancelled"]);
    expect(result.cells.map((c) => c.attempts)).toEqual([1, 1, 1, 0, 0]);
    expect(calls).toHaveLength(3);
    expect(countStatuses(result)).toMatchObject({ done: 2, cancelled: 3, failed: 0 });
  });

  it("on abort during a rate-limit wait: the waiting cell is cancelled at once", async () => {
    const { calls, run } = controlledRun();
    const controller = new AbortController();
    const done = runSweep(cells(2), { concurrency: 1, run, signal: controller.signal });
    await vi.advanceTimersByTimeAsync(0);
    calls[0].reject(rateLimited(30));
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    const result = await done; // no need to advance the 30 s
    expect(result.cells.map((c) => c.status)).toEqual(["cancelled", "cancelled"]);
    expect(calls).toHaveLength(1);
  });

  it("an already-aborted signal runs nothing", async () => {
    const run = vi.fn(async () => "x");
    const result = await runSweep(cells(3), { concurrency: 2, run, signal: AbortSignal.abort() });
    expect(run).not.toHaveBeenCalled();
    expect(result.cells.every((c) => c.status === "cancelled")).toBe(true);
  });

  it("handles no cells and survives a throwing listener", async () => {
    expect((await runSweep([], { concurrency: 3, run: async () => 1 })).cells).toEqual([]);
    const result = await runSweep(cells(2), {
      concurrency: 0,
      run: async () => 1,
      onUpdate: () => {
        throw new Error("listener");
      },
    });
    expect(result.cells.map((c) => c.status)).toEqual(["done", "done"]);
  });
});
