"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import type { AppErrorShape } from "@/lib/errors";
import { generationInputSchema, fieldErrors } from "@/lib/generation/schema";
import { buildPrompt } from "@/lib/generation/prompt";
import type { GenerationView } from "@/lib/generation/view";
import { catalog, getModel } from "@/lib/models/catalog";
import { priceRequest } from "@/lib/models/pricing";
import { generateAction } from "./actions";
import { CostStatus } from "./cost-status";
import { LoraField } from "./lora-field";
import { NumberField } from "./number-field";
import { GenerationResult, PendingResults } from "./results";
import { initialStudioState, randomSeed, toGenerationInput, type StudioState } from "./studio-state";

/** Any well-formed id: live validation only checks the settings. */
const VALIDATION_ID = "00000000-0000-4000-8000-000000000000";

function useElapsed(running: boolean): number {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!running) return;
    const start = performance.now();
    setElapsed(0);
    const timer = setInterval(() => setElapsed(performance.now() - start), 100);
    return () => clearInterval(timer);
  }, [running]);
  return elapsed;
}

export function Studio({ initialResults }: { initialResults: GenerationView[] }) {
  const [state, setState] = useState<StudioState>(initialStudioState);
  const [results, setResults] = useState(initialResults);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const inFlight = useRef(false);
  const model = getModel(state.model);
  const set = <K extends keyof StudioState>(key: K, value: StudioState[K]) => setState((s) => ({ ...s, [key]: value }));

  // Validate as the person types with the same schema the server uses.
  const validation = useMemo(() => {
    const parsed = generationInputSchema.safeParse(toGenerationInput(state, state.seed, VALIDATION_ID));
    return parsed.success ? {} : fieldErrors(parsed.error);
  }, [state]);
  const sizeValid = !validation.width && !validation.height && !validation.n;
  const price = sizeValid ? priceRequest(model, state) : null;
  const promptSent = buildPrompt(state.prompt, []);

  const mutation = useMutation({
    mutationFn: generateAction,
    onMutate: () => setError(null),
    onSuccess: (result) => {
      if (result.ok) setResults((r) => [result.generation, ...r.filter((g) => g.id !== result.generation.id)]);
      else setError(result.error);
    },
    onError: () => setError({ code: "internal", message: "The server could not be reached. Your settings are kept; try again." }),
    onSettled: () => {
      inFlight.current = false;
    },
  });
  const elapsed = useElapsed(mutation.isPending);

  function submit() {
    // The ref closes the gap between a click and React re-rendering the disabled button.
    if (inFlight.current || Object.keys(validation).length > 0) return;
    inFlight.current = true;
    const seed = state.randomSeed ? randomSeed() : state.seed;
    if (state.randomSeed) set("seed", seed);
    mutation.mutate(toGenerationInput(state, seed, crypto.randomUUID()));
  }

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <form
        aria-label="Studio"
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            submit();
          }
        }}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="prompt" className="text-sm font-medium">Prompt</label>
          <textarea
            id="prompt"
            rows={4}
            value={state.prompt}
            onChange={(e) => set("prompt", e.target.value)}
            placeholder="a lighthouse on a cliff at dusk, volumetric light"
            className="w-full resize-y rounded-xl border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
          <p className="text-xs text-zinc-500">Ctrl/⌘ + Enter generates.</p>
        </div>

        <div className="flex flex-col gap-1">
          <label htmlFor="model" className="text-sm font-medium">Model</label>
          <select
            id="model"
            value={state.model}
            onChange={(e) => {
              const next = getModel(e.target.value);
              setState((s) => ({ ...s, model: next.id, steps: next.defaults.steps }));
            }}
            className="rounded-xl border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            {catalog.models.map((m) => (
              <option key={m.id} value={m.id}>{m.label}{m.deprecated ? " (deprecated)" : ""}</option>
            ))}
          </select>
        </div>

        <LoraField position={1} slot={state.loras[0]} onChange={(slot) => set("loras", [slot, state.loras[1]])} error={validation["loras.0.path"]} />
        <LoraField position={2} slot={state.loras[1]} onChange={(slot) => set("loras", [state.loras[0], slot])} error={validation["loras.1.path"]} />

        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          <NumberField id="width" label="Width" value={state.width} step={model.limits.sizeMultiple} min={model.limits.minSize} max={model.limits.maxSize} onChange={(v) => set("width", v)} error={validation.width} />
          <NumberField id="height" label="Height" value={state.height} step={model.limits.sizeMultiple} min={model.limits.minSize} max={model.limits.maxSize} onChange={(v) => set("height", v)} error={validation.height} />
          <NumberField id="steps" label="Steps" value={state.steps} min={model.limits.minSteps} max={model.limits.maxSteps} onChange={(v) => set("steps", v)} error={validation.steps} />
          <NumberField id="images" label="Images" value={state.n} min={1} max={model.limits.maxImages} onChange={(v) => set("n", v)} error={validation.n} />
          <div className="col-span-2 flex flex-col gap-1">
            <NumberField id="seed" label="Seed" value={state.seed} min={0} onChange={(v) => setState((s) => ({ ...s, seed: v, randomSeed: false }))} error={validation.seed} disabled={state.randomSeed} />
            <label className="flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
              <input type="checkbox" checked={state.randomSeed} onChange={(e) => set("randomSeed", e.target.checked)} />
              New random seed each time
            </label>
          </div>
        </div>

        <div className="rounded-xl bg-zinc-100 p-3 text-xs dark:bg-zinc-900">
          <p className="font-medium text-zinc-600 dark:text-zinc-400">Prompt that will be sent</p>
          <p className="mt-1 whitespace-pre-wrap break-words font-mono" data-testid="prompt-sent">{promptSent || "—"}</p>
        </div>

        <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-zinc-200 bg-zinc-50/95 py-3 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/95">
          <button
            type="submit"
            disabled={mutation.isPending || !state.prompt.trim()}
            className="rounded-xl bg-accent-600 px-5 py-2.5 text-sm font-semibold text-white shadow-sm transition hover:bg-accent-700 disabled:cursor-not-allowed disabled:opacity-50"
          >
            {mutation.isPending ? "Generating…" : "Generate"}
          </button>
          <CostStatus price={price} />
        </div>

        {error && (
          <div role="alert" className="rounded-xl border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-500/40 dark:bg-red-500/10 dark:text-red-200">
            {error.message}
          </div>
        )}
      </form>

      <section aria-label="Results" className="flex min-w-0 flex-col gap-6">
        {mutation.isPending && <PendingResults width={state.width} height={state.height} n={state.n} elapsedMs={elapsed} />}
        {results.length === 0 && !mutation.isPending ? (
          <div className="flex min-h-64 flex-col items-center justify-center gap-2 rounded-2xl border border-dashed border-zinc-300 p-8 text-center dark:border-zinc-700">
            <p className="font-medium">Nothing generated yet</p>
            <p className="max-w-sm text-sm text-zinc-600 dark:text-zinc-400">Write a prompt, optionally paste a LoRA link, and press Generate. Every result is kept with its settings and cost.</p>
          </div>
        ) : (
          results.map((g) => <GenerationResult key={g.id} generation={g} />)
        )}
      </section>
    </div>
  );
}
