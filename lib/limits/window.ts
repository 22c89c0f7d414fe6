/** A sliding-window count limit (pure): e.g. 30 link resolves per minute per browser. */
export interface WindowLimit {
  limit: number;
  windowMs: number;
}

/** Seconds until the oldest counted event leaves the window, at least 1. */
export function secondsUntilFree(oldest: Date | null, windowMs: number, now: Date): number {
  const frees = (oldest?.getTime() ?? now.getTime()) + windowMs;
  return Math.max(1, Math.ceil((frees - now.getTime()) / 1000));
}

/** Over the limit once the count, this event included, passes it. */
export function isOver(count: number, limit: WindowLimit): boolean {
  return limit.limit > 0 && count > limit.limit;
}
