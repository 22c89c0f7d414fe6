import { MAX_SCALE, MIN_SCALE } from "@/lib/generation/schema";

const BAND = { from: 0.3, to: 1.2 };

/**
 * 0–2 in steps of 0.05, the 0.3–1.2 band where most LoRAs look right drawn under the track, and
 * an exact entry. `lockedBy` disables both and says why (an Explore sweep sets the scale).
 */
export function ScaleControl({ name, value, onChange, lockedBy }: { name: string; value: number; onChange: (v: number) => void; lockedBy?: string }) {
  const hintId = `${name.replace(/\s/g, "-")}-hint`;
  const lockId = `${name.replace(/\s/g, "-")}-locked`;
  const describedBy = lockedBy ? `${lockId} ${hintId}` : hintId;
  const disabled = lockedBy !== undefined;
  const pct = (v: number) => `${((v - MIN_SCALE) / (MAX_SCALE - MIN_SCALE)) * 100}%`;
  const clamp = (v: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.round(v * 100) / 100));
  return (
    <div className="flex flex-col gap-1">
    <div className="flex items-center gap-3">
      <div className="relative min-w-0 flex-1">
        <div aria-hidden className="pointer-events-none absolute top-1/2 h-1.5 -translate-y-1/2 rounded-full bg-accent-400/25" style={{ left: pct(BAND.from), width: `calc(${pct(BAND.to)} - ${pct(BAND.from)})` }} />
        <input
          type="range"
          aria-label={name}
          aria-describedby={describedBy}
          min={MIN_SCALE}
          max={MAX_SCALE}
          step={0.05}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(clamp(e.target.valueAsNumber))}
          className="relative w-full disabled:opacity-50"
        />
        <span id={hintId} className="sr-only">Most LoRAs look right between 0.3 and 1.2</span>
      </div>
      <input
        type="number"
        aria-label={`${name} value`}
        aria-describedby={lockedBy ? lockId : undefined}
        min={MIN_SCALE}
        max={MAX_SCALE}
        step={0.01}
        value={value}
        disabled={disabled}
        onChange={(e) => Number.isFinite(e.target.valueAsNumber) && onChange(clamp(e.target.valueAsNumber))}
        className="w-20 rounded-lg border border-zinc-300 bg-white px-2 py-1 text-right text-sm tabular-nums disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900"
      />
    </div>
    {lockedBy && <p id={lockId} className="text-xs text-accent-800 dark:text-accent-300">{lockedBy}</p>}
    </div>
  );
}
