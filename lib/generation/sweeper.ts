import "server-only";
import { clearPendingKeys, findExpiredLeases, interruptGeneration, keysInUse, pruneRateEvents } from "@/lib/db/lease-queries";
import { getImageStore } from "@/lib/storage";
import { interruptedMessage } from "./charge";
import { leaseMs } from "./lease";

/**
 * Deletes the store objects a generation wrote that no image row (and no other running
 * generation) uses: what a failure after some uploads, or a crash, leaves behind.
 * Returns how many were removed.
 */
export async function collectPendingFiles(id: string, pendingKeys: string | null): Promise<number> {
  if (!pendingKeys) return 0;
  const keys = JSON.parse(pendingKeys) as string[];
  const used = await keysInUse(keys, id);
  let removed = 0;
  const store = getImageStore();
  for (const key of keys) {
    if (used.has(key)) continue;
    await store.delete(key);
    removed++;
  }
  await clearPendingKeys(id);
  return removed;
}

/**
 * Generations whose instance stopped renewing their lease (killed, crashed, restarted) become
 * "interrupted": they stop counting as running, a retry of the same request id answers at
 * once, and their files are collected. One that had reached the provider keeps counting as
 * "may have been charged". Safe to run on several instances at once.
 */
export async function sweepInterrupted(now = new Date()): Promise<{ interrupted: number; filesRemoved: number }> {
  let interrupted = 0;
  let filesRemoved = 0;
  for (const row of await findExpiredLeases(now, leaseMs())) {
    // Rows from before leases existed carry no attempt time; they had almost surely been sent.
    const attempted = row.attemptedAt !== null || row.leaseExpiresAt === null;
    const done = await interruptGeneration(row, { mayBeCharged: attempted, message: interruptedMessage({ attempted, provider: row.provider }) }, now);
    if (!done) continue;
    interrupted++;
    filesRemoved += await collectPendingFiles(row.id, row.pendingKeys).catch((err) => {
      console.warn(`files of interrupted generation ${row.id} not collected:`, err);
      return 0;
    });
  }
  return { interrupted, filesRemoved };
}

const globalForSweeper = globalThis as unknown as { lorascopeSweeper?: NodeJS.Timeout };
const RATE_EVENT_KEEP_MS = 24 * 3_600_000;

/** At server start and then every half lease: one sweeper per process (instrumentation.ts). */
export function startSweeper(): void {
  if (globalForSweeper.lorascopeSweeper) return;
  let ticks = 0;
  const tick = async () => {
    try {
      const { interrupted, filesRemoved } = await sweepInterrupted();
      if (interrupted > 0) console.warn(`${interrupted} generation(s) interrupted by a stopped server; ${filesRemoved} unused file(s) removed`);
      if (ticks++ % 100 === 0) await pruneRateEvents(new Date(Date.now() - RATE_EVENT_KEEP_MS));
    } catch (err) {
      console.warn("sweeping interrupted generations failed:", err);
    }
  };
  void tick();
  globalForSweeper.lorascopeSweeper = setInterval(tick, Math.max(2_000, leaseMs() / 2));
  globalForSweeper.lorascopeSweeper.unref?.();
}
