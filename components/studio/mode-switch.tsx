import type { StudioMode } from "@/lib/studio/session";

export type { StudioMode };

const MODES: { value: StudioMode; label: string; hint: string }[] = [
  { value: "single", label: "Single image", hint: "One request with the settings below" },
  { value: "explore", label: "Explore", hint: "A grid of scales at one seed" },
];

/** Single image or Explore: radio buttons styled as a segmented control, so arrows move between them. */
export function ModeSwitch({ mode, onChange, disabled }: { mode: StudioMode; onChange: (mode: StudioMode) => void; disabled?: boolean }) {
  return (
    <div role="radiogroup" aria-label="Mode" className="grid grid-cols-2 gap-1 rounded-2xl bg-zinc-200/70 p-1 dark:bg-zinc-800/70">
      {MODES.map((m) => (
        <label
          key={m.value}
          title={m.hint}
          className="flex cursor-pointer flex-col items-center rounded-xl px-3 py-1 text-sm sm:py-1.5 font-medium text-zinc-600 transition has-[:checked]:bg-white has-[:checked]:text-zinc-900 has-[:checked]:shadow-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent-500 has-[:disabled]:cursor-not-allowed dark:text-zinc-400 dark:has-[:checked]:bg-zinc-950 dark:has-[:checked]:text-zinc-100"
        >
          <input type="radio" name="studio-mode" value={m.value} checked={mode === m.value} disabled={disabled} onChange={() => onChange(m.value)} className="sr-only" />
          {m.label}
          {/* The hint is the title on a phone: the first screen is for the prompt and the LoRAs. */}
          <span aria-hidden className="hidden text-[11px] font-normal text-zinc-500 sm:block">{m.hint}</span>
        </label>
      ))}
    </div>
  );
}
