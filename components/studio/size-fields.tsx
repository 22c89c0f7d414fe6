import { Button } from "@/components/ui/button";
import type { ImageModel } from "@/lib/models/catalog";
import { priceRequest } from "@/lib/models/pricing";
import { SIZE_PRESETS } from "@/lib/models/size-presets";
import type { StudioState } from "@/lib/studio/state";
import { NumberField } from "./number-field";

interface SizeFieldsProps {
  state: StudioState;
  model: ImageModel;
  errors: Record<string, string>;
  set: <K extends keyof StudioState>(key: K, value: StudioState[K]) => void;
  onDice: () => void;
  /** Explore mode: every cell is one image, so Images is fixed at 1. */
  sweep?: boolean;
}

/** Presets with their megapixels and what they bill, then the exact numbers. */
export function SizeFields({ state, model, errors, set, onDice, sweep = false }: SizeFieldsProps) {
  const { limits } = model;
  return (
    <div className="flex flex-col gap-3">
      <div role="group" aria-label="Size presets" className="grid grid-cols-3 gap-1.5">
        {SIZE_PRESETS.map((p) => {
          const active = p.width === state.width && p.height === state.height;
          const billed = priceRequest(model, { width: p.width, height: p.height, n: 1, steps: state.steps }).billedMegapixelsPerImage;
          return (
            <button
              key={p.id}
              type="button"
              aria-pressed={active}
              onClick={() => {
                set("width", p.width);
                set("height", p.height);
              }}
              className={`flex flex-col items-start rounded-lg border px-2 py-1.5 text-left transition ${active ? "border-accent-500 bg-accent-50 dark:bg-accent-500/10" : "border-zinc-200 hover:border-zinc-400 dark:border-zinc-800 dark:hover:border-zinc-600"}`}
            >
              <span className="text-xs font-medium">{p.label}</span>
              <span className="text-[11px] tabular-nums text-zinc-500">
                {p.width}×{p.height} · {((p.width * p.height) / 1e6).toFixed(2)} MP → {billed} MP
              </span>
            </button>
          );
        })}
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <NumberField id="width" label="Width" value={state.width} step={limits.sizeMultiple} min={limits.minSize} max={limits.maxSize} onChange={(v) => set("width", v)} error={errors.width} />
        <NumberField id="height" label="Height" value={state.height} step={limits.sizeMultiple} min={limits.minSize} max={limits.maxSize} onChange={(v) => set("height", v)} error={errors.height} />
        <NumberField id="steps" label="Steps" value={state.steps} min={limits.minSteps} max={limits.maxSteps} onChange={(v) => set("steps", v)} error={errors.steps} />
        {sweep ? (
          <NumberField id="images" label="Images" value={1} onChange={() => {}} disabled hint="1 per cell" />
        ) : (
          <NumberField id="images" label="Images" value={state.n} min={1} max={limits.maxImages} onChange={(v) => set("n", v)} error={errors.n} />
        )}
      </div>
      <div className="grid grid-cols-[1fr_auto] items-end gap-2 sm:grid-cols-[1fr_auto_8rem]">
        <NumberField id="seed" label="Seed" value={state.seed} min={0} onChange={(v) => { set("seed", v); set("randomSeed", false); }} error={errors.seed} hint={state.randomSeed ? "A new random seed each time" : "Fixed: the same seed every time"} />
        <Button onClick={onDice} aria-label="Roll a new seed" title="Roll a new seed" className="mb-[1.35rem] h-[38px]">
          <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8">
            <rect x="3.5" y="3.5" width="17" height="17" rx="3.5" />
            <circle cx="8.5" cy="8.5" r="1.3" fill="currentColor" stroke="none" />
            <circle cx="15.5" cy="15.5" r="1.3" fill="currentColor" stroke="none" />
            <circle cx="12" cy="12" r="1.3" fill="currentColor" stroke="none" />
          </svg>
        </Button>
        <NumberField id="guidance" label="Guidance" value={state.guidance} min={0} max={20} step={0.5} onChange={(v) => set("guidance", v)} error={errors.guidance} />
      </div>
      <label className="flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <input type="checkbox" checked={state.randomSeed} onChange={(e) => set("randomSeed", e.target.checked)} />
        New random seed each time
      </label>
    </div>
  );
}
