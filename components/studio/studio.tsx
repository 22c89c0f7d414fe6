"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { AddToCollection } from "@/components/collections/add-to-collection";
import { CompareToggle, CompareTray } from "@/components/compare/compare-selection";
import { ConfirmSweepDialog } from "@/components/explore/confirm-sweep-dialog";
import { ExploreFields } from "@/components/explore/explore-fields";
import { SweepCostStatus } from "@/components/explore/sweep-cost";
import { SweepPanel } from "@/components/explore/sweep-panel";
import { useConfirmThreshold } from "@/components/explore/use-confirm-threshold";
import { useExplorePreview } from "@/components/explore/use-explore-plan";
import { loadSweepAction } from "@/components/explore/actions";
import { useSweep } from "@/components/explore/use-sweep";
// Issue 17: grids over any axis, run on the server (components/grid).
import { GridExplorer } from "@/components/grid/grid-explorer";
import { getLoraPreferencesAction, saveLoraDefaultsAction } from "@/components/loras/search-actions";
import { ShareSwitch } from "@/components/sharing/share-switch";
import { Button } from "@/components/ui/button";
import type { AppErrorShape } from "@/lib/errors";
import type { LiveSweep } from "@/lib/explore/live";
import { sweepName } from "@/lib/explore/name";
import { planSweep } from "@/lib/explore/plan";
import { addExploreParams, defaultExploreSettings, exploreFromSearchParams, type ExploreSettings } from "@/lib/explore/settings";
import { buildRecipe } from "@/lib/generation/build-request";
import { buildPrompt } from "@/lib/generation/prompt";
import { fieldErrors, generationInputSchemaFor } from "@/lib/generation/schema";
import type { GenerationView } from "@/lib/generation/view";
import type { LimitsView } from "@/lib/limits/view";
import type { LoraSearchResult } from "@/lib/loras/search/types";
import { defaultModelOf, findIn, getIn, type Catalog } from "@/lib/models/catalog";
import { REFUSAL_KINDS, refusalCode } from "@/lib/models/refusal-rules";
import { modelNotice, type StudioModel } from "@/lib/models/status";
import { providerBody } from "@/lib/providers/request-body";
import { priceRequest } from "@/lib/models/pricing";
import { cheaperNearbySize } from "@/lib/models/size-presets";
import { ModeSwitch, type StudioMode } from "./mode-switch";
import { emptySlot, randomSeed, stateFromSearchParams, stateToSearchParams, toGenerationInput, type LoraSlot, type StudioState } from "@/lib/studio/state";
import { ensureOwnerAction, generateAction, studioModelsAction, studioResultsAction } from "./actions";
import { CopyAsCode } from "./code-dialog";
import { CostStatus } from "./cost-status";
import { ErrorAlert } from "./error-alert";
import { LimitsNote } from "./limits-note";
import { LoraSlotField, useLoraCard, type Remembered, type SlotCard } from "./lora-slot";
import { ModelNotice, ModelSelect } from "./model-select";
import { OwnKeyButton, type OwnKeys } from "./own-key-dialog";
import { PromptPreview } from "./prompt-preview";
import { GenerationResult, PendingResults } from "./results";
import { SizeFields } from "./size-fields";

/**
 * A plain request, not a server action: Next runs one server action at a time per page, so a
 * cancel action would wait behind the very generation it should stop.
 */
function cancelGeneration(clientRequestId: string) {
  void fetch("/api/generations/cancel", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ clientRequestId }) });
}

/** False until the first studio of this document mounts: that one is the server's fresh render. */
let studioMountedInDocument = false;

/** Answers the server remembers about a model (lib/models/refusals.ts). */
const REFUSAL_CODES = new Set<string>(REFUSAL_KINDS.map(refusalCode));

/** Scrolls an element into view only when it is not already on screen (and gently, unless motion is reduced). */
function reveal(el: Element | null) {
  if (!el) return;
  const rect = el.getBoundingClientRect();
  if (rect.top >= 0 && rect.top < window.innerHeight * 0.75) return;
  const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  el.scrollIntoView({ block: "start", behavior: smooth ? "smooth" : "auto" });
}

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

/** The path Together gets: the card's canonical one (blob → resolve, Civitai page → download) once known. */
function effectiveSlots(state: StudioState, cards: SlotCard[]): StudioState {
  const loras = state.loras.map((slot, i) => {
    const c = cards[i];
    return c.status === "ready" && slot.path.trim() ? { ...slot, path: c.card.path } : slot;
  }) as [LoraSlot, LoraSlot];
  return { ...state, loras };
}

/**
 * Why Generate cannot run now, in words shown beside it (null when it can): the click would
 * only bring the same answer back after a round trip, or spend money on a LoRA that will fail.
 */
function blockedReason(state: StudioState, cards: SlotCard[], errors: Record<string, string>, modelLabel: string): string | null {
  if (!state.prompt.trim()) return "Write a prompt first.";
  for (const [i, c] of cards.entries()) {
    if (!state.loras[i].path.trim()) continue;
    if (c.status === "loading") return `Looking up LoRA ${i + 1}…`;
    if (c.status === "error") return `LoRA ${i + 1}: ${c.message}`;
    if (c.status === "ready" && c.card.verdicts[state.model]?.status === "incompatible") {
      return `LoRA ${i + 1} (${c.card.title}) will not work with ${modelLabel}: ${c.card.verdicts[state.model].reason}.`;
    }
  }
  const [field, message] = Object.entries(errors)[0] ?? [];
  if (!field) return null;
  const slot = /^loras\.(\d)/.exec(field);
  return slot ? `LoRA ${Number(slot[1]) + 1}: ${message}` : message;
}

interface StudioProps {
  initialState: StudioState;
  initialResults: GenerationView[];
  initialLimits: LimitsView;
  initialOwnKey: OwnKeys;
  /** False on a browser's first visit: the owner cookie is then set right away. */
  hasOwner: boolean;
  /** Explore settings from the URL; null opens the studio in single-image mode. */
  initialExplore: ExploreSettings | null;
  /** The sweep named in the URL, brought back from its collection; null when there is none. */
  initialSweep: LiveSweep | null;
  /** The query the server rendered this studio for (the back button can show an older render). */
  renderedQuery: string;
  /** Sweep cells in flight at once (SWEEP_CONCURRENCY). */
  sweepConcurrency: number;
  /** The models this person can pick, with their states and effective prices. */
  models: StudioModel[];
  /** The catalog the studio validates with (the server's, with the default chosen for this person). */
  catalog: Catalog;
}

export function Studio({ initialState, initialResults, initialLimits, initialOwnKey, hasOwner, initialExplore, initialSweep, renderedQuery, sweepConcurrency, models: initialModels, catalog: initialCatalog }: StudioProps) {
  const [state, setState] = useState<StudioState>(initialState);
  // Models change state when a key is added or a provider refuses one: asked again then, not re-rendered.
  const [{ models, catalog }, setModels] = useState({ models: initialModels, catalog: initialCatalog });
  const refreshModels = () => void studioModelsAction().then(setModels).catch(() => {});
  const [mode, setMode] = useState<StudioMode>(initialExplore ? "explore" : "single");
  const [explore, setExplore] = useState<ExploreSettings>(initialExplore ?? defaultExploreSettings());
  const [confirming, setConfirming] = useState(false);
  const [confirmAboveUsd, setConfirmAboveUsd] = useConfirmThreshold();
  const [results, setResults] = useState(initialResults);
  const [limits, setLimits] = useState(initialLimits);
  const [ownKey, setOwnKey] = useState(initialOwnKey);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const inFlight = useRef<string | null>(null);
  const freshPaths = useRef(new Set<string>());
  /** LoRAs (by slot path) that came back with the person's remembered settings: the slot says so. */
  const [remembered, setRemembered] = useState<Record<string, Remembered>>({});
  const queryClient = useQueryClient();
  const model = findIn(catalog, state.model) ?? defaultModelOf(catalog);
  const schema = useMemo(() => generationInputSchemaFor(catalog), [catalog]);
  const hasLoras = state.loras.some((l) => l.path.trim());
  const selectedModel = models.find((m) => m.model.id === model.id);
  const modelBlock = selectedModel ? modelNotice(selectedModel, models, hasLoras) : null;
  const blockedByModel = modelBlock?.tone === "block" ? modelBlock.text : null;
  /** A new model brings its own default steps and guidance. */
  const chooseModel = (id: string) => {
    const next = getIn(catalog, id);
    setState((s) => ({ ...s, model: next.id, steps: next.defaults.steps, guidance: next.defaults.guidance }));
  };
  const set = <K extends keyof StudioState>(key: K, value: StudioState[K]) => setState((s) => ({ ...s, [key]: value }));
  /** A new slot, or an update applied to the slot as it is then (edits never undo a late answer). */
  const setSlot = (i: 0 | 1, next: LoraSlot | ((slot: LoraSlot) => LoraSlot), fresh = true) =>
    setState((s) => {
      const slot = typeof next === "function" ? next(s.loras[i]) : next;
      if (fresh && slot.path !== s.loras[i].path) freshPaths.current.add(slot.path.trim());
      const loras = [...s.loras] as [LoraSlot, LoraSlot];
      loras[i] = slot;
      return { ...s, loras };
    });

  useEffect(() => {
    if (!hasOwner) void ensureOwnerAction();
  }, [hasOwner]);

  const cards = [useLoraCard(state.loras[0].path), useLoraCard(state.loras[1].path)];

  // A LoRA the person just pasted starts with their remembered scale and phrases, else all its phrases on.
  useEffect(() => {
    cards.forEach((c, i) => {
      const slot = state.loras[i];
      if (c.status !== "ready" || !freshPaths.current.has(slot.path.trim())) return;
      freshPaths.current.delete(slot.path.trim());
      void getLoraPreferencesAction([c.card.path]).then((result) => {
        const pref = result.ok ? result.preferences[c.card.path]?.preference : null;
        setState((s) => {
          if (s.loras[i].path !== slot.path || s.loras[i].triggers.length > 0) return s;
          const loras = [...s.loras] as [LoraSlot, LoraSlot];
          loras[i] = { ...s.loras[i], scale: pref?.scale ?? s.loras[i].scale, triggers: pref?.triggers ?? c.card.triggers };
          return { ...s, loras };
        });
        if (pref && (pref.scale !== null || pref.triggers !== null)) noteRemembered(slot.path, c.card.path, c.card.title, c.card.triggers);
      });
    });
  });

  function noteRemembered(slotPath: string, loraPath: string, title: string, triggers: string[]) {
    setRemembered((m) => ({ ...m, [slotPath.trim()]: { title, loraPath, defaults: { scale: 1, triggers } } }));
  }

  const pickLora = (i: 0 | 1, r: LoraSearchResult) => {
    const pref = r.preference;
    setSlot(i, { path: r.path, scale: pref?.scale ?? state.loras[i].scale, triggers: pref?.triggers ?? r.triggers }, false);
    if (pref && (pref.scale !== null || pref.triggers !== null)) noteRemembered(r.path, r.path, r.title, r.triggers);
  };

  /** Back to the LoRA's own defaults, and forget the remembered settings so they do not return. */
  function resetRemembered(i: 0 | 1) {
    const note = remembered[state.loras[i].path.trim()];
    if (!note) return;
    setSlot(i, (s) => ({ ...s, scale: note.defaults.scale, triggers: note.defaults.triggers }), false);
    setRemembered((m) => Object.fromEntries(Object.entries(m).filter(([k]) => k !== state.loras[i].path.trim())));
    void saveLoraDefaultsAction(note.loraPath, { scale: null, triggers: null, placement: null }).then(() => queryClient.invalidateQueries({ queryKey: ["lora-search"] }));
  }

  const effective = effectiveSlots(state, cards);
  const validation = useMemo(() => {
    const parsed = schema.safeParse(toGenerationInput(effective, effective.seed, VALIDATION_ID));
    return parsed.success ? { errors: {}, request: providerBody(model.provider, buildRecipe(parsed.data)) } : { errors: fieldErrors(parsed.error), request: null };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- effective is derived from these
  }, [state, cards[0], cards[1]]);
  const errors: Record<string, string> = validation.errors;
  // What the provider is known to refuse comes first; its full sentence is under the Model select.
  const blocked = blockedByModel ? `${model.label} cannot run here — see Model above.` : blockedReason(state, cards, errors, model.label);
  const sizeValid = !errors.width && !errors.height && !errors.n && !errors.steps;
  const price = sizeValid ? priceRequest(model, state) : null;
  const suggestion = sizeValid ? cheaperNearbySize(model, state.width, state.height, state.steps) : null;
  const promptSent = buildPrompt(state.prompt, [...state.loras.flatMap((l) => (l.path.trim() ? l.triggers : [])), ...state.customTriggers], state.placement);

  const mutation = useMutation({
    mutationFn: generateAction,
    onMutate: () => setError(null),
    onSuccess: (result) => {
      if (result.ok) {
        setResults((r) => [result.generation, ...r.filter((g) => g.id !== result.generation.id)]);
        setLimits(result.limits);
        setRevealId(result.generation.id);
      } else {
        setError(result.error);
        // The server remembered what the provider said about the model: show it at the Model select.
        if (REFUSAL_CODES.has(result.error.code)) refreshModels();
      }
    },
    onError: () => setError({ code: "internal", message: "The server could not be reached. Your settings are kept; try again." }),
    onSettled: () => {
      inFlight.current = null;
    },
  });
  const elapsed = useElapsed(mutation.isPending);

  // Progress and the result appear where the person is looking: on a phone the results sit
  // below the whole form, on a desktop a scrolled form hides the column's top.
  const pendingRef = useRef<HTMLDivElement>(null);
  const revealRef = useRef<HTMLElement>(null);
  const [revealId, setRevealId] = useState<string | null>(null);
  useEffect(() => {
    // Beside the form (wide screens) only: on a phone the button's own timer is the progress,
    // and scrolling away would hide Cancel.
    if (mutation.isPending && window.matchMedia("(min-width: 1024px)").matches) reveal(pendingRef.current);
  }, [mutation.isPending]);
  useEffect(() => {
    // After the progress placeholder above it is gone, or the result would shift after the scroll.
    if (!revealId || mutation.isPending) return;
    reveal(revealRef.current);
    setRevealId(null);
  }, [revealId, mutation.isPending]);

  // Keyboard focus is never left under the sticky bar: a focused field it would cover scrolls up.
  const barRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Keyboard only: scrolling under a pointer between mousedown and mouseup would lose the click.
    let keyboard = false;
    const onKey = () => (keyboard = true);
    const onPointer = () => (keyboard = false);
    const onFocus = (e: FocusEvent) => {
      const bar = barRef.current;
      const target = e.target;
      if (!keyboard || !bar || !(target instanceof HTMLElement) || bar.contains(target)) return;
      const covered = target.getBoundingClientRect().bottom - bar.getBoundingClientRect().top;
      // Room for the field's hint or inline error below it too.
      if (covered > -8) window.scrollBy({ top: covered + 40 });
    };
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("pointerdown", onPointer, true);
    document.addEventListener("focusin", onFocus);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("pointerdown", onPointer, true);
      document.removeEventListener("focusin", onFocus);
    };
  }, []);

  const preview = useExplorePreview(effective, explore, model, limits);
  const sweeps = useSweep({ concurrency: sweepConcurrency, onLimits: setLimits, initial: initialSweep });
  const busy = mutation.isPending || sweeps.running || sweeps.starting;

  // The recipe lives in the URL: copying the address shares it, a reload restores it, and so
  // does the back button (a null state lets Next's router adopt the new URL as this entry's).
  // The last sweep's collection rides along so its grid comes back too.
  const sweepId = sweeps.sweep?.collectionId || null;

  // Back to the studio from another page, Next shows the render it cached for this entry: the
  // results of back then, for the query the page first had. The address bar holds the recipe
  // the person left with: take it from there before the first paint, then fetch what is newer.
  const { show: showSweep } = sweeps;
  useLayoutEffect(() => {
    const fromCache = studioMountedInDocument;
    studioMountedInDocument = true;
    if (fromCache) {
      void studioResultsAction()
        .then((fresh) => {
          setResults(fresh.results);
          setLimits(fresh.limits);
        })
        .catch(() => {});
    }
    const current = new URLSearchParams(window.location.search);
    if (current.toString() === renderedQuery) return;
    setState(stateFromSearchParams(current, catalog));
    const settings = exploreFromSearchParams(current);
    setMode(settings ? "explore" : "single");
    if (settings) setExplore(settings);
    const id = current.get("sweep");
    if (id && id !== initialSweep?.collectionId) void loadSweepAction(id).then((saved) => saved && showSweep(saved)).catch(() => {});
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);
  useEffect(() => {
    const t = setTimeout(() => {
      const params = addExploreParams(stateToSearchParams(state, catalog), mode === "explore" ? explore : null);
      if (sweepId) params.set("sweep", sweepId);
      const query = params.toString();
      if (query === window.location.search.replace(/^\?/, "")) return;
      window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
    }, 250);
    return () => clearTimeout(t);
  }, [state, mode, explore, sweepId, catalog]);

  function incompatibleSlot(): AppErrorShape | null {
    for (const [i, c] of cards.entries()) {
      if (c.status !== "ready" || !state.loras[i].path.trim()) continue;
      const verdict = c.card.verdicts[state.model];
      if (verdict?.status === "incompatible") {
        return { code: "incompatible_lora", message: `LoRA ${i + 1} (${c.card.title}) will not work with ${model.label}: ${verdict.reason}. Remove it or pick another LoRA — nothing was sent or charged.` };
      }
    }
    return null;
  }

  /** Runs the sweep: a random-seed studio gets one new seed, pinned so the grid can be re-made. */
  async function runSweepNow() {
    setConfirming(false);
    setError(null);
    const seed = state.randomSeed ? randomSeed() : state.seed;
    if (state.randomSeed) setState((s) => ({ ...s, seed, randomSeed: false }));
    const plan = state.randomSeed ? planSweep({ ...effective, seed, randomSeed: false }, preview.spec, model) : preview.plan;
    const names = cards.map((c, i) => (c.status === "ready" && state.loras[i].path.trim() ? c.card.title : undefined)) as [string | undefined, string | undefined];
    const problem = await sweeps.start(plan, sweepName(plan.axes, names, state.prompt));
    if (problem) setError(problem);
  }

  function submitSweep() {
    if (busy) return;
    if (preview.errors.length > 0 || !preview.cost) {
      return setError({ code: "invalid_input", message: preview.errors[0] ?? "Check the sweep's values." });
    }
    const incompatible = incompatibleSlot();
    if (incompatible) return setError(incompatible);
    if (preview.cost.totalMicroUsd > confirmAboveUsd * 1_000_000) return setConfirming(true);
    void runSweepNow();
  }

  function submit() {
    if (mode === "explore") return submitSweep();
    // The ref closes the gap between a click and React re-rendering the disabled button.
    if (inFlight.current || !validation.request || blocked) return;
    const incompatible = incompatibleSlot();
    if (incompatible) return setError(incompatible);
    const seed = state.randomSeed ? randomSeed() : state.seed;
    if (state.randomSeed) set("seed", seed);
    const id = crypto.randomUUID();
    inFlight.current = id;
    mutation.mutate(toGenerationInput(effective, seed, id));
  }

  // The sweep's own cells are in its grid: the list below it shows only other results.
  const inSweep = new Set(sweeps.sweep?.cells.map((c) => c.generation?.id));
  const shownResults = results.filter((g) => !inSweep.has(g.id));

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
      <form
        aria-label="Studio"
        className="flex min-w-0 flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={(e) => {
          if (e.key !== "Enter") return;
          // Money is spent only on purpose: the Generate button, or Ctrl/⌘+Enter in the prompt.
          // Enter in any other field never submits (the browser would, implicitly).
          if (e.target instanceof HTMLTextAreaElement && e.target.id === "prompt" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            submit();
          } else if (e.target instanceof HTMLInputElement) e.preventDefault();
        }}
      >
        <ModeSwitch mode={mode} onChange={setMode} disabled={sweeps.running} />

        <div className="flex flex-col gap-1">
          <div className="flex items-end justify-between gap-2">
            <label htmlFor="prompt" className="text-sm font-medium">Prompt</label>
            <span className="text-xs text-zinc-500">Ctrl/⌘ + Enter {mode === "explore" ? "starts the sweep" : "generates"}</span>
          </div>
          <textarea
            id="prompt"
            rows={3}
            value={state.prompt}
            onChange={(e) => set("prompt", e.target.value)}
            placeholder="a lighthouse on a cliff at dusk, volumetric light"
            className="w-full resize-y rounded-2xl border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
        </div>

        <div className="flex flex-wrap items-end gap-2">
          <ModelSelect models={models} value={model.id} describedBy={modelBlock ? "model-notice" : undefined} onChange={chooseModel} />
          <OwnKeyButton ownKeys={ownKey} onChange={(keys, l) => (setOwnKey(keys), setLimits(l), refreshModels())} />
        </div>
        {modelBlock && <ModelNotice id="model-notice" notice={modelBlock} onUse={chooseModel} />}

        <LoraSlotField position={1} slot={state.loras[0]} resolved={cards[0]} modelId={state.model} onChange={(s) => setSlot(0, s)} onRemove={() => setSlot(0, emptySlot())} onPick={(r) => pickLora(0, r)}
          remembered={remembered[state.loras[0].path.trim()]} onResetRemembered={() => resetRemembered(0)}
          onSwap={state.loras[0].path || state.loras[1].path ? () => setState((s) => ({ ...s, loras: [s.loras[1], s.loras[0]] })) : undefined} />
        <LoraSlotField position={2} slot={state.loras[1]} resolved={cards[1]} modelId={state.model} onChange={(s) => setSlot(1, s)} onRemove={() => setSlot(1, emptySlot())} onPick={(r) => pickLora(1, r)}
          remembered={remembered[state.loras[1].path.trim()]} onResetRemembered={() => resetRemembered(1)} />

        {mode === "explore" && (
          <ExploreFields
            settings={explore}
            onChange={setExplore}
            seed={state.seed}
            randomSeed={state.randomSeed}
            confirmAboveUsd={confirmAboveUsd}
            onConfirmAbove={setConfirmAboveUsd}
            errors={state.prompt.trim() ? preview.errors : preview.errors.filter((e) => e !== "Write a prompt first")}
          />
        )}

        <PromptPreview promptSent={promptSent} customTriggers={state.customTriggers} placement={state.placement} onCustomTriggers={(t) => set("customTriggers", t)} onPlacement={(p) => set("placement", p)} />

        <SizeFields state={state} model={model} errors={errors} set={set} onDice={() => setState((s) => ({ ...s, seed: randomSeed(), randomSeed: false }))} sweep={mode === "explore"} />

        <div ref={barRef} data-testid="studio-bar" className="sticky bottom-0 z-10 -mx-1 flex flex-col gap-2 border-t border-zinc-200 bg-zinc-50/95 px-1 py-3 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/95">
          {/* An answer to Generate shows beside it, where the person is looking, not below the form. */}
          {error && (
            <div className="max-h-[40vh] overflow-auto">
              <ErrorAlert error={error} onDismiss={() => setError(null)} />
            </div>
          )}
          <div className="flex flex-wrap items-center gap-3">
            {mode === "explore" ? (
              sweeps.running || sweeps.starting ? (
                <>
                  <Button type="button" variant="primary" size="lg" disabled>{sweeps.starting ? "Checking…" : "Sweep running…"}</Button>
                  {sweeps.running && <Button type="button" variant="danger" onClick={sweeps.cancel}>Cancel sweep</Button>}
                </>
              ) : (
                <Button type="submit" variant="primary" size="lg" disabled={blocked !== null || mutation.isPending} aria-describedby={blocked ? "generate-blocked" : undefined}>
                  Start sweep{preview.cost ? ` · ${preview.cost.count} images` : ""}
                </Button>
              )
            ) : mutation.isPending ? (
              <>
                <Button type="button" variant="primary" size="lg" disabled>Generating… {(elapsed / 1000).toFixed(1)} s</Button>
                <Button type="button" variant="danger" onClick={() => inFlight.current && cancelGeneration(inFlight.current)}>Cancel</Button>
              </>
            ) : (
              <Button type="submit" variant="primary" size="lg" disabled={blocked !== null || sweeps.running} aria-describedby={blocked ? "generate-blocked" : undefined}>Generate</Button>
            )}
            {mode === "single" && <CopyAsCode request={validation.request} />}
            <p id="generate-blocked" data-testid="generate-blocked" aria-live="polite" className="min-w-0 flex-1 basis-40 text-xs text-zinc-600 empty:hidden dark:text-zinc-400">
              {!busy && blocked}
            </p>
          </div>
          {mode === "explore" ? (
            <SweepCostStatus cost={preview.cost} megapixels={preview.megapixels} overBudget={preview.overLimits} />
          ) : (
            <CostStatus price={price} suggestion={suggestion} onUseSuggestion={() => suggestion && setState((s) => ({ ...s, width: suggestion.width, height: suggestion.height }))} />
          )}
          <LimitsNote limits={limits} ownKey={ownKey[model.provider].set} />
        </div>

      </form>
      <ConfirmSweepDialog open={confirming} cost={preview.cost} thresholdUsd={confirmAboveUsd} onConfirm={() => void runSweepNow()} onClose={() => setConfirming(false)} />

      <section aria-label="Results" className="flex min-w-0 flex-col gap-6">
        {/* Issue 17: the server-run grid builder and its live grids (components/grid). */}
        {mode === "explore" && <GridExplorer state={effective} titles={[cards[0].status === "ready" ? cards[0].card.title : null, cards[1].status === "ready" ? cards[1].card.title : null]} catalog={catalog} />}
        {sweeps.sweep && (
          <SweepPanel
            sweep={sweeps.sweep}
            onCancel={sweeps.cancel}
            onRetry={sweeps.retry}
            extras={(cell) =>
              cell.generation && (
                <CompareToggle variant="compact" hrefBase="/compare" generationId={cell.generation.id} label={cell.label} thumbUrl={cell.generation.images[0] ? `${cell.generation.images[0].url}&size=thumb` : null} />
              )
            }
          />
        )}
        <CompareTray hrefBase="/compare" align="end" returnHere />
        {mutation.isPending && (
          <div ref={pendingRef} className="scroll-mt-4">
            <PendingResults width={state.width} height={state.height} n={state.n} elapsedMs={elapsed} />
          </div>
        )}
        {shownResults.length === 0 && !mutation.isPending && sweeps.sweep ? null : shownResults.length === 0 && !mutation.isPending ? (
          <div className="flex min-h-72 flex-col items-center justify-center gap-3 rounded-3xl border border-dashed border-zinc-300 p-8 text-center dark:border-zinc-700">
            <div aria-hidden className="grid grid-cols-3 gap-1.5 opacity-80">
              {["from-accent-400 to-fuchsia-400", "from-amber-300 to-rose-400", "from-sky-400 to-emerald-300", "from-fuchsia-400 to-amber-300", "from-emerald-300 to-accent-400", "from-rose-400 to-sky-400"].map((g) => (
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
        ) : (
          shownResults.map((g) => (
            <GenerationResult
              ref={g.id === revealId ? revealRef : undefined}
              key={g.id}
              generation={g}
              onReuseSeed={(seed) => setState((s) => ({ ...s, seed, randomSeed: false }))}
              actions={<AddToCollection generationId={g.id} size="sm" variant="ghost" />}
              share={<ShareSwitch kind="generation" id={g.id} initialPath={g.sharePath} />}
            />
          ))
        )}
      </section>
    </div>
  );
}
