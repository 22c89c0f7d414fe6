"use client";

import type { ExploreSettings } from "@/lib/explore/settings";
import type { SweepVary } from "@/lib/explore/plan";
import { formatScale, parseScaleValues, MAX_SWEEP_VALUES } from "@/lib/explore/values";

const VARY: { value: SweepVary; label: string }[] = [
  { value: "lora1", label: "Vary LoRA 1" },
  { value: "lora2", label: "Vary LoRA 2" },
  { value: "both", label: "Vary both (grid)" },
];

const inputClass = "w-full rounded-xl border border-zinc-300 bg-white px-3 py-2 font-mono text-sm shadow-sm aria-[invalid=true]:border-red-400 dark:border-zinc-700 dark:bg-zinc-900";

/** One axis: the text as typed, and under it the values it makes (or why it makes none). */
function ValuesField({ id, label, text, onChange }: { id: string; label: string; text: string; onChange: (text: string) => void }) {
  const parsed = parseScaleValues(text);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      <input
        id={id}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!parsed.ok}
        aria-describedby={`${id}-values`}
        placeholder="0.3-1.2 step 0.3  or  0.3, 0.6, 0.9"
        spellCheck={false}
        autoComplete="off"
        className={inputClass}
      />
      <p id={`${id}-values`} className="flex min-h-6 flex-wrap items-center gap-1 text-xs" aria-live="polite">
        {parsed.ok ? (
          <>
            <span className="sr-only">Values: </span>
            {parsed.values.map((v) => (
              <span key={v} className="rounded-full bg-accent-50 px-2 py-0.5 font-mono font-semibold tabular-nums text-accent-700 dark:bg-accent-500/15 dark:text-accent-300">{formatScale(v)}</span>
            ))}
          </>
        ) : (
          <span className="text-red-700 dark:text-red-400">{parsed.message}</span>
        )}
      </p>
    </div>
  );
}

interface ExploreFieldsProps {
  settings: ExploreSettings;
  onChange: (settings: ExploreSettings) => void;
  seed: number;
  randomSeed: boolean;
  /** Ask for confirmation above this many dollars. */
  confirmAboveUsd: number;
  onConfirmAbove: (usd: number) => void;
  /** Problems that keep the sweep from starting. */
  errors: string[];
}

/**
 * What an Explore sweep varies: one LoRA's scale or both as a grid, values as a list or a
 * range with a step (up to 5 per axis), an optional no-LoRA baseline, and the amount above
 * which starting asks first. Everything else comes from the studio's settings.
 */
export function ExploreFields({ settings, onChange, seed, randomSeed, confirmAboveUsd, onConfirmAbove, errors }: ExploreFieldsProps) {
  const set = <K extends keyof ExploreSettings>(key: K, value: ExploreSettings[K]) => onChange({ ...settings, [key]: value });
  const xLabel = settings.vary === "lora2" ? "LoRA 2 scales" : "LoRA 1 scales";
  return (
    <fieldset className="flex flex-col gap-4 rounded-2xl border border-accent-200 bg-accent-50/40 p-4 dark:border-accent-500/30 dark:bg-accent-500/5">
      <legend className="px-1 text-sm font-semibold">Explore: a scale sweep at one seed</legend>
      <div role="radiogroup" aria-label="What varies" className="flex flex-wrap gap-1.5">
        {VARY.map((v) => (
          <label key={v.value} className="flex cursor-pointer items-center gap-2 rounded-full border border-zinc-300 bg-white px-3 py-1.5 text-sm has-[:checked]:border-accent-500 has-[:checked]:bg-accent-600 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent-500 dark:border-zinc-700 dark:bg-zinc-900">
            <input type="radio" name="vary" value={v.value} checked={settings.vary === v.value} onChange={() => set("vary", v.value)} className="sr-only" />
            {v.label}
          </label>
        ))}
      </div>
      <div className={settings.vary === "both" ? "grid gap-3 sm:grid-cols-2" : "grid gap-3"}>
        <ValuesField id="sweep-x" label={xLabel} text={settings.x} onChange={(t) => set("x", t)} />
        {settings.vary === "both" && <ValuesField id="sweep-y" label="LoRA 2 scales" text={settings.y} onChange={(t) => set("y", t)} />}
      </div>
      <p className="-mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        A list (<code>0.3, 0.6, 0.9</code>) or a range with a step (<code>0.3-1.2 step 0.3</code>); up to {MAX_SWEEP_VALUES} values per axis.
        {" "}Every cell uses seed <span className="font-mono tabular-nums">{randomSeed ? "(a new random one, then kept)" : seed}</span> and the settings below.
      </p>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={settings.baseline} onChange={(e) => set("baseline", e.target.checked)} className="size-4 accent-accent-600" />
        Add a baseline without LoRAs
      </label>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="confirm-above">Ask before sweeps over</label>
        <span className="flex items-center rounded-xl border border-zinc-300 bg-white pl-2 shadow-sm dark:border-zinc-700 dark:bg-zinc-900">
          <span aria-hidden className="text-zinc-500">$</span>
          <input
            id="confirm-above"
            type="number"
            min={0}
            step={0.05}
            value={confirmAboveUsd}
            onChange={(e) => Number.isFinite(e.target.valueAsNumber) && e.target.valueAsNumber >= 0 && onConfirmAbove(e.target.valueAsNumber)}
            className="w-20 rounded-xl bg-transparent px-1 py-1 text-right tabular-nums outline-none"
          />
        </span>
      </div>
      {errors.length > 0 && (
        <ul aria-label="Sweep problems" className="flex list-disc flex-col gap-0.5 pl-5 text-sm text-red-700 dark:text-red-400">
          {errors.map((e) => <li key={e}>{e}</li>)}
        </ul>
      )}
    </fieldset>
  );
}
