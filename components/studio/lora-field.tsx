import type { LoraSlot } from "./studio-state";

interface LoraFieldProps {
  position: 1 | 2;
  slot: LoraSlot;
  onChange: (slot: LoraSlot) => void;
  error?: string;
}

/** One LoRA slot: its link and its scale (0–2, the 0.3–1.2 band is where most LoRAs look right). */
export function LoraField({ position, slot, onChange, error }: LoraFieldProps) {
  const name = `LoRA ${position}`;
  const id = `lora-${position}`;
  return (
    <fieldset className="flex min-w-0 flex-col gap-2 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className="px-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">{name}</legend>
      <input
        id={id}
        aria-label={name}
        type="url"
        inputMode="url"
        placeholder="https://huggingface.co/owner/repo"
        value={slot.path}
        onChange={(e) => onChange({ ...slot, path: e.target.value })}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
      />
      {error && <p id={`${id}-error`} className="text-xs text-red-600 dark:text-red-400">{error}</p>}
      <div className="flex items-center gap-3">
        <input
          type="range"
          aria-label={`${name} scale`}
          min={0}
          max={2}
          step={0.05}
          value={slot.scale}
          disabled={!slot.path.trim()}
          onChange={(e) => onChange({ ...slot, scale: e.target.valueAsNumber })}
          className="min-w-0 flex-1 disabled:opacity-50"
        />
        <output htmlFor={id} className="w-10 text-right text-sm tabular-nums">{slot.scale.toFixed(2)}</output>
      </div>
    </fieldset>
  );
}
