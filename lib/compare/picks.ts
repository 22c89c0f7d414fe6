/** The results picked for a comparison: at most two, oldest first (it becomes A). */

export interface ComparePick {
  /** The generation id. */
  id: string;
  /** A short human label (the prompt, clipped). */
  label: string;
  thumbUrl: string | null;
}

export const MAX_PICKS = 2;

/** Picking an unpicked result adds it (a third replaces the oldest); picking a picked one removes it. */
export function togglePick(picks: readonly ComparePick[], pick: ComparePick): ComparePick[] {
  if (picks.some((p) => p.id === pick.id)) return picks.filter((p) => p.id !== pick.id);
  return [...picks, pick].slice(-MAX_PICKS);
}

function isPick(value: unknown): value is ComparePick {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === "string" && v.id.length > 0 && typeof v.label === "string" && (v.thumbUrl === null || typeof v.thumbUrl === "string");
}

/** Picks read back from sessionStorage: anything malformed (an old format, a hand edit) is dropped. */
export function parseStoredPicks(json: string | null): ComparePick[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    const out: ComparePick[] = [];
    for (const p of value) {
      if (isPick(p) && !out.some((o) => o.id === p.id)) out.push({ id: p.id, label: p.label, thumbUrl: p.thumbUrl });
    }
    return out.slice(-MAX_PICKS);
  } catch {
    return [];
  }
}
