import type { StudioMode } from "@/lib/studio/session";

const TILES = ["from-accent-400 to-fuchsia-400", "from-amber-300 to-rose-400", "from-sky-400 to-emerald-300", "from-fuchsia-400 to-amber-300", "from-emerald-300 to-accent-400", "from-rose-400 to-sky-400"];

/** The first steps, in the results column beside the form (wide screens only). */
export function EmptyResults({ mode }: { mode: StudioMode }) {
  return (
    <div className="hidden min-h-72 flex-col items-center justify-center gap-3 rounded-3xl border border-dashed border-zinc-300 p-8 text-center lg:flex dark:border-zinc-700">
      <div aria-hidden className="grid grid-cols-3 gap-1.5 opacity-80">
        {TILES.map((g) => (
          <span key={g} className={`size-10 rounded-lg bg-gradient-to-br ${g}`} />
        ))}
      </div>
      {mode === "explore" ? (
        <>
          <p className="font-medium">No sweep yet</p>
          <p className="max-w-sm text-sm text-zinc-600 dark:text-zinc-400">Add a LoRA, choose which scale varies and its values, check the total, and press Start sweep. The grid fills in here, one cell per scale, all at the same seed.</p>
        </>
      ) : (
        <>
          <p className="font-medium">Nothing generated yet</p>
          <p className="max-w-sm text-sm text-zinc-600 dark:text-zinc-400">Write a prompt, paste up to two LoRA links, check the cost, and press Generate. Every result is kept with its settings and what it cost.</p>
        </>
      )}
    </div>
  );
}

/** The same first steps on a phone, under the mode switch: there the results are below the whole form. */
export function FirstSteps({ mode }: { mode: StudioMode }) {
  return (
    <p className="-mt-1 text-xs text-zinc-600 lg:hidden dark:text-zinc-400">
      {mode === "explore" ? "Add a LoRA, choose the scales to vary, check the total, then Start sweep." : "Write a prompt, add up to two LoRAs, check the cost, then Generate. Every result is kept."}
    </p>
  );
}
