/**
 * Looking up a pasted link costs requests to the hubs and reads of the file's header, so one
 * browser may start only so many in a window (cached answers included: the check comes first).
 * In memory, per process: a guard against floods, not an accounting record.
 */
export const RESOLVE_LIMIT = { max: 40, windowMs: 60_000 };

export type ResolveTake = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Sliding window: `times` are earlier starts (oldest first), pruned in place. Pure apart from that array. */
export function takeFromWindow(times: number[], now: number, limit = RESOLVE_LIMIT): ResolveTake {
  while (times.length > 0 && times[0] <= now - limit.windowMs) times.shift();
  if (times.length >= limit.max) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0] + limit.windowMs - now) / 1000)) };
  times.push(now);
  return { ok: true };
}

const windows = new Map<string, number[]>();

export function takeResolve(ownerId: string, now = Date.now()): ResolveTake {
  let times = windows.get(ownerId);
  if (!times) windows.set(ownerId, (times = []));
  const result = takeFromWindow(times, now);
  // Keep the map from growing with browsers that went quiet.
  if (windows.size > 10_000) for (const [id, t] of windows) if (t.length === 0 || t[t.length - 1] <= now - RESOLVE_LIMIT.windowMs) windows.delete(id);
  return result;
}
