import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { shortRate } from "@/lib/models/pricing";
import { modelBadges, type ModelNotice as Notice, type StudioModel } from "@/lib/models/status";
import { providerLabel } from "@/lib/providers/names";
import type { ProviderId } from "@/lib/providers/types";

interface ModelSelectProps {
  models: readonly StudioModel[];
  value: string;
  /** Set when a notice about the chosen model is shown (ModelNotice). */
  describedBy?: string;
  onChange: (modelId: string) => void;
  /** Shown at the end of the label's row (the own-key button), so the select keeps the full width. */
  aside?: ReactNode;
}

const GROUP_STATE = { live: "", simulated: " — simulated", "needs-key": " — needs a key" } as const;

/** Models grouped by provider, each with its price and state. */
export function ModelSelect({ models, value, describedBy, onChange, aside }: ModelSelectProps) {
  const providers = [...new Set(models.map((m) => m.model.provider))] as ProviderId[];
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-1">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor="model" className="text-sm font-medium">Model</label>
        {aside}
      </div>
      <select
        id="model"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy}
        className="w-full min-w-0 rounded-xl border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {providers.map((p) => {
          const group = models.filter((m) => m.model.provider === p);
          return (
            <optgroup key={p} label={`${providerLabel(p)}${GROUP_STATE[group[0].state.mode]}`}>
              {group.map((m) => {
                const badges = modelBadges(m).filter((b) => b !== "simulated" && !b.startsWith("needs a "));
                return (
                  <option key={m.model.id} value={m.model.id}>
                    {m.model.label} — {providerLabel(m.model.provider)} · {shortRate(m.model.pricing)}
                    {badges.length > 0 ? ` (${badges.join(", ")})` : ""}
                  </option>
                );
              })}
            </optgroup>
          );
        })}
      </select>
    </div>
  );
}

/** What to know about the chosen model before paying, with a working alternative one click away. */
export function ModelNotice({ id, notice, onUse }: { id: string; notice: Notice; onUse: (modelId: string) => void }) {
  return (
    <div
      id={id}
      // Announced politely; the select names it (aria-describedby), and the error alert stays the one alert.
      aria-live="polite"
      className={`flex flex-col gap-2 rounded-xl px-3 py-2 text-xs sm:flex-row sm:items-center sm:justify-between ${
        notice.tone === "block"
          ? "bg-red-50 text-red-900 ring-1 ring-red-200 dark:bg-red-500/10 dark:text-red-200 dark:ring-red-500/30"
          : "bg-amber-50 text-amber-900 ring-1 ring-amber-200 dark:bg-amber-500/10 dark:text-amber-200 dark:ring-amber-500/30"
      }`}
    >
      <p>{notice.text}</p>
      {notice.alternative && (
        <Button size="sm" variant="secondary" className="shrink-0 self-start sm:self-center" onClick={() => onUse(notice.alternative!.model.id)}>
          Use {notice.alternative.model.label} on {providerLabel(notice.alternative.model.provider)}
        </Button>
      )}
    </div>
  );
}
