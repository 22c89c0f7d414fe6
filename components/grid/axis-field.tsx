"use client";

import type { ImageModel } from "@/lib/models/catalog";
import type { PromptSetView } from "@/lib/grid/prompt-sets";
import { AXIS_KIND_LABELS, AXIS_KINDS, type AxisKind } from "@/lib/grid/spec";

/** One axis as the builder holds it: every kind's input kept, so switching kinds loses nothing. */
export interface AxisDraft {
  kind: AxisKind | "none";
  /** Numbers, seeds, S/R text, or LoRA links (one per line, "link | phrase, phrase" to set phrases). */
  text: Partial<Record<AxisKind, string>>;
  models: string[];
  promptSetId: string;
}

export const emptyAxis = (kind: AxisKind | "none"): AxisDraft => ({ kind, text: {}, models: [], promptSetId: "starter" });

const PLACEHOLDERS: Partial<Record<AxisKind, string>> = {
  "lora1-scale": "0.3, 0.6, 0.9 or 0.2-1.2 step 0.2",
  "lora2-scale": "0.3, 0.6, 0.9",
  seed: "1, 2, 3 or 4 new",
  steps: "20, 28, 36",
  guidance: "2.5, 3.5, 5",
  prompt: "cat, dog, fox (the first is replaced)",
  lora1: "One LoRA link per line",
  lora2: "One LoRA link per line",
};

const field =
  "w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-accent-500 dark:border-zinc-700 dark:bg-zinc-900";

/** The kind picker and the value input of one axis (X, Y or Z). */
export function AxisField({
  axis,
  label,
  optional,
  value,
  onChange,
  models,
  promptSets,
  onEditSets,
}: {
  axis: "x" | "y" | "z";
  label: string;
  optional: boolean;
  value: AxisDraft;
  onChange: (next: AxisDraft) => void;
  models: ImageModel[];
  promptSets: PromptSetView[];
  onEditSets: () => void;
}) {
  const id = `grid-axis-${axis}`;
  const kind = value.kind;
  const setText = (text: string) => kind !== "none" && onChange({ ...value, text: { ...value.text, [kind]: text } });
  return (
    <fieldset className="flex min-w-0 flex-col gap-2 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className="px-1 text-sm font-medium">{label}</legend>
      <label htmlFor={`${id}-kind`} className="sr-only">{`${label}: what varies`}</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => onChange({ ...value, kind: e.target.value as AxisDraft["kind"] })} className={field}>
        {optional && <option value="none">None</option>}
        {AXIS_KINDS.map((k) => (
          <option key={k} value={k}>
            {AXIS_KIND_LABELS[k]}
          </option>
        ))}
      </select>
      {kind === "model" ? (
        <div role="group" aria-label={`${label} models`} className="flex flex-col gap-1">
          {models.map((m) => (
            <label key={m.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-accent-600"
                checked={value.models.includes(m.id)}
                onChange={(e) => onChange({ ...value, models: e.target.checked ? [...value.models, m.id] : value.models.filter((x) => x !== m.id) })}
              />
              {m.label}
            </label>
          ))}
        </div>
      ) : kind === "prompt-set" ? (
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={`${id}-set`} className="sr-only">{`${label} prompt set`}</label>
          <select id={`${id}-set`} value={value.promptSetId} onChange={(e) => onChange({ ...value, promptSetId: e.target.value })} className={`${field} min-w-40 flex-1`}>
            {promptSets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.prompts.length})
              </option>
            ))}
          </select>
          <button type="button" onClick={onEditSets} className="rounded-lg px-2 py-1 text-sm font-medium text-accent-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-accent-300">
            Edit prompt sets
          </button>
        </div>
      ) : kind === "lora1" || kind === "lora2" ? (
        <>
          <label htmlFor={`${id}-text`} className="sr-only">{`${label} LoRA links`}</label>
          <textarea id={`${id}-text`} rows={4} value={value.text[kind] ?? ""} onChange={(e) => setText(e.target.value)} placeholder={PLACEHOLDERS[kind]} className={field} />
          <p className="text-xs text-zinc-600 dark:text-zinc-400">Each LoRA brings its own trigger phrases; add “| phrase, phrase” after a link to choose them.</p>
        </>
      ) : kind !== "none" ? (
        <>
          <label htmlFor={`${id}-text`} className="sr-only">{`${label} values`}</label>
          <input id={`${id}-text`} type="text" value={value.text[kind] ?? ""} onChange={(e) => setText(e.target.value)} placeholder={PLACEHOLDERS[kind]} className={field} />
        </>
      ) : null}
    </fieldset>
  );
}
