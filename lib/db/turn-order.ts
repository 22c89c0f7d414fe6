/**
 * Whose grid cell runs next when several owners are waiting. Pure, shared by the SQLite claim
 * (lib/db/grid-queries.ts) and the unit tests; PostgreSQL's claim query orders the same way.
 */

export interface WaitingOwner {
  ownerId: string;
  /** Cells of theirs running now, on any instance. */
  running: number;
  /** When a cell of theirs last started (null: never). */
  lastStartedAt: Date | null;
}

/** Pure: whose turn it is — the fewest cells running, then served longest ago (never first). */
export function pickOwner(owners: readonly WaitingOwner[]): string | null {
  const at = (d: Date | null) => d?.getTime() ?? -Infinity;
  return [...owners].sort((a, b) => a.running - b.running || at(a.lastStartedAt) - at(b.lastStartedAt) || a.ownerId.localeCompare(b.ownerId))[0]?.ownerId ?? null;
}

