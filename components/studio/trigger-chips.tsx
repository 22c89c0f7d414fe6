/** Trigger phrases as toggle chips: on ones go into the prompt that is sent. */
export function TriggerChips({ label, phrases, enabled, onToggle }: { label: string; phrases: string[]; enabled: string[]; onToggle: (phrase: string, on: boolean) => void }) {
  if (phrases.length === 0) return null;
  return (
    <div role="group" aria-label={label} className="flex flex-wrap gap-1.5">
      {phrases.map((phrase) => {
        const on = enabled.includes(phrase);
        return (
          <button
            key={phrase}
            type="button"
            aria-pressed={on}
            onClick={() => onToggle(phrase, !on)}
            className={`max-w-full truncate rounded-full border px-2.5 py-1 text-xs transition ${
              on
                ? "border-accent-500 bg-accent-50 text-accent-700 dark:border-accent-400 dark:bg-accent-500/15 dark:text-accent-400"
                : "border-zinc-300 text-zinc-500 line-through decoration-zinc-400/60 hover:text-zinc-800 dark:border-zinc-700 dark:hover:text-zinc-200"
            }`}
          >
            {phrase}
          </button>
        );
      })}
    </div>
  );
}
