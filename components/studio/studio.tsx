"use client";

import dynamic from "next/dynamic";
import { useEffect, useMemo, useState } from "react";
import { AddToCollection } from "@/components/collections/add-to-collection";
import { CompareToggle, CompareTray } from "@/components/compare/compare-selection";
import { loadSweepAction } from "@/components/explore/actions";
import { ConfirmSweepDialog } from "@/components/explore/confirm-sweep-dialog";
import { SweepCostStatus } from "@/components/explore/sweep-cost";
import { useConfirmThreshold } from "@/components/explore/use-confirm-threshold";
import { useExplorePreview } from "@/components/explore/use-explore-plan";
import { useSweep } from "@/components/explore/use-sweep";
// Issue 17: grids over any axis, run on the server (components/grid).
import { ShareSwitch } from "@/components/sharing/share-switch";
import type { AppErrorShape } from "@/lib/errors";
import type { LiveSweep } from "@/lib/explore/live";
import { sweepName } from "@/lib/explore/name";
import { planSweep } from "@/lib/explore/plan";
import { sweptScaleReasons } from "@/lib/explore/settings";
import { buildRecipe } from "@/lib/generation/build-request";
import { buildPrompt } from "@/lib/generation/prompt";
import { fieldErrors, generationInputSchemaFor } from "@/lib/generation/schema";
import type { GenerationView } from "@/lib/generation/view";
import type { LimitsView } from "@/lib/limits/view";
import { defaultModelOf, findIn, getIn, type Catalog } from "@/lib/models/catalog";
import { priceRequest } from "@/lib/models/pricing";
import { REFUSAL_KINDS, refusalCode } from "@/lib/models/refusal-rules";
import { cheaperNearbySize } from "@/lib/models/size-presets";
import { modelNotice, type StudioModel } from "@/lib/models/status";
import { providerBody } from "@/lib/providers/request-body";
import { blockedReason, effectiveSlots, incompatibleSlot } from "@/lib/studio/readiness";
import { randomSeed, toGenerationInput } from "@/lib/studio/state";
import { useHydrated } from "@/components/ui/use-hydrated";
import { studioModelsAction } from "./actions";
import { CopyAsCode } from "./code-dialog";
import { CostStatus } from "./cost-status";
import { EmptyResults, FirstSteps } from "./empty-results";
import { GenerateBar } from "./generate-bar";
import { LimitsNote } from "./limits-note";
import { LoraSlotField } from "./lora-slot";
import { ModeSwitch } from "./mode-switch";
import { ModelNotice, ModelSelect } from "./model-select";
import { OwnKeyButton, type OwnKeys } from "./own-key-dialog";
import { PromptPreview } from "./prompt-preview";
import { GenerationResult, PendingResults } from "./results";
import { SizeFields } from "./size-fields";
import { useGenerate } from "./use-generate";
import { useLoraSlots } from "./use-lora-slots";
import { useFocusClearOf, useRevealResults } from "./use-reveal";
import { useStudioResults } from "./use-studio-results";
import { useStudioSession } from "./use-studio-session";

// Explore's fields and the live sweep grid load on demand: the first screen (single mode, no
// sweep yet) does not need them. Server-rendered when the page opens with them, so no flash;
// the placeholders keep the form's height while the chunk arrives after a mode switch.
const ExploreFields = dynamic(() => import("@/components/explore/explore-fields").then((m) => m.ExploreFields), {
  loading: () => <div aria-hidden className="h-80 rounded-2xl border border-accent-200 bg-accent-50/40 dark:border-accent-500/30 dark:bg-accent-500/5" />,
});
// Explore's server grids: the axis builder, its plan and the live grid only load in Explore.
const GridExplorer = dynamic(() => import("@/components/grid/grid-explorer").then((m) => m.GridExplorer), {
  loading: () => <div aria-hidden className="min-h-72 rounded-2xl border border-zinc-200 dark:border-zinc-800" />,
});
const SweepPanel = dynamic(() => import("@/components/explore/sweep-panel").then((m) => m.SweepPanel), {
  loading: () => <div aria-hidden className="min-h-96 rounded-2xl bg-zinc-100 dark:bg-zinc-900" />,
});

/** Answers the server remembers about a model (lib/models/refusals.ts). */
const REFUSAL_CODES = new Set<string>(REFUSAL_KINDS.map(refusalCode));

/** Any well-formed id: live validation only checks the settings. */
const VALIDATION_ID = "00000000-0000-4000-8000-000000000000";

interface StudioProps {
  initialResults: GenerationView[];
  initialLimits: LimitsView;
  initialOwnKey: OwnKeys;
  /** False on a browser's first visit: the owner cookie is then set right away. */
  hasOwner: boolean;
  /** The sweep the address named when the server rendered, brought back from its collection; null when there is none. */
  initialSweep: LiveSweep | null;
  /** Sweep cells in flight at once (SWEEP_CONCURRENCY). */
  sweepConcurrency: number;
  /** The models this person can pick, with their states and effective prices. */
  models: StudioModel[];
  /** The catalog the studio validates with (the server's, with the default chosen for this person). */
  catalog: Catalog;
}

/**
 * The studio: the form (prompt, model, two LoRA slots, Explore's sweep, size) with its sticky
 * Generate bar, and the results column. Its state is lib/studio/session.ts (a reducer, in the
 * address through useStudioSession); the hooks beside it run generations, LoRA cards and
 * scrolling. What is here is wiring and layout.
 */
export function Studio({ initialResults, initialLimits, initialOwnKey, hasOwner, initialSweep, sweepConcurrency, models: initialModels, catalog: initialCatalog }: StudioProps) {
  // Models change state when a key is added or a provider refuses one: asked again then, not re-rendered.
  const [{ models, catalog }, setModels] = useState({ models: initialModels, catalog: initialCatalog });
  const refreshModels = () => void studioModelsAction().then(setModels).catch(() => {});
  const { results, limits, addResult, setLimits } = useStudioResults({ results: initialResults, limits: initialLimits });
  const sweeps = useSweep({ concurrency: sweepConcurrency, onLimits: setLimits, initial: initialSweep });
  const { session, dispatch, sweepInAddress } = useStudioSession(catalog, sweeps.sweep?.collectionId || null);
  const { recipe: state, mode, explore } = session;
  const [confirming, setConfirming] = useState(false);
  const [confirmAboveUsd, setConfirmAboveUsd] = useConfirmThreshold();
  const [ownKey, setOwnKey] = useState(initialOwnKey);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const slots = useLoraSlots(state, dispatch);
  const { cards } = slots;
  const hydrated = useHydrated();

  useEffect(() => {
    // Not a server action: see app/api/owner/route.ts (a cookie set by an action refreshes the page).
    if (!hasOwner) void fetch("/api/owner", { method: "POST" }).catch(() => {});
  }, [hasOwner]);
  // Back to a render Next cached for an older address: its sweep is the one the address names now.
  const { show: showSweep } = sweeps;
  useEffect(() => {
    if (sweepInAddress && sweepInAddress !== initialSweep?.collectionId) void loadSweepAction(sweepInAddress).then((saved) => saved && showSweep(saved)).catch(() => {});
  }, [sweepInAddress, initialSweep, showSweep]);

  const model = findIn(catalog, state.model) ?? defaultModelOf(catalog);
  const schema = useMemo(() => generationInputSchemaFor(catalog), [catalog]);
  const selectedModel = models.find((m) => m.model.id === model.id);
  const modelBlock = selectedModel ? modelNotice(selectedModel, models, state.loras.some((l) => l.path.trim())) : null;
  const chooseModel = (id: string) => dispatch({ type: "chooseModel", model: getIn(catalog, id) });

  const effective = effectiveSlots(state, cards);
  const validation = useMemo(() => {
    const parsed = schema.safeParse(toGenerationInput(effective, effective.seed, VALIDATION_ID));
    return parsed.success ? { errors: {}, request: providerBody(model.provider, buildRecipe(parsed.data)) } : { errors: fieldErrors(parsed.error), request: null };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- effective is derived from these
  }, [state, cards[0], cards[1]]);
  const errors: Record<string, string> = validation.errors;
  // What the provider is known to refuse comes first; its full sentence is under the Model select.
  const blocked = modelBlock?.tone === "block" ? `${model.label} cannot run here — see Model above.` : blockedReason(state, cards, errors, model.label);
  const sizeValid = !errors.width && !errors.height && !errors.n && !errors.steps;
  const price = sizeValid ? priceRequest(model, state) : null;
  const suggestion = sizeValid ? cheaperNearbySize(model, state.width, state.height, state.steps) : null;
  const promptSent = buildPrompt(state.prompt, [...state.loras.flatMap((l) => (l.path.trim() ? l.triggers : [])), ...state.customTriggers], state.placement);

  const generation = useGenerate({
    onStart: () => setError(null),
    onDone: (g, l) => {
      addResult(g);
      setLimits(l);
      revealResult(g.id);
    },
    onError: (e) => {
      setError(e);
      // The server remembered what the provider said about the model: show it at the Model select.
      if (REFUSAL_CODES.has(e.code)) refreshModels();
    },
  });
  const { pendingRef, resultRef, resultId, revealResult } = useRevealResults(generation.pending);
  const barRef = useFocusClearOf<HTMLDivElement>();
  const preview = useExplorePreview(effective, explore, model, limits);
  const busy = generation.pending || sweeps.running || sweeps.starting;

  /** Runs the sweep: a random-seed studio gets one new seed, pinned so the grid can be re-made. */
  async function runSweepNow() {
    setConfirming(false);
    setError(null);
    const seed = state.randomSeed ? randomSeed() : state.seed;
    dispatch({ type: "sweepStarted", seed });
    const plan = state.randomSeed ? planSweep({ ...effective, seed, randomSeed: false }, preview.spec, model) : preview.plan;
    const names = cards.map((c, i) => (c.status === "ready" && state.loras[i].path.trim() ? c.card.title : undefined)) as [string | undefined, string | undefined];
    const problem = await sweeps.start(plan, sweepName(plan.axes, names, state.prompt));
    if (problem) setError(problem);
  }

  function submit() {
    if (mode === "explore") {
      if (busy) return;
      if (preview.errors.length > 0 || !preview.cost) return setError({ code: "invalid_input", message: preview.errors[0] ?? "Check the sweep's values." });
      const incompatible = incompatibleSlot(state, cards, model.label);
      if (incompatible) return setError(incompatible);
      if (preview.cost.totalMicroUsd > confirmAboveUsd * 1_000_000) return setConfirming(true);
      return void runSweepNow();
    }
    if (generation.busy || !validation.request || blocked) return;
    const incompatible = incompatibleSlot(state, cards, model.label);
    if (incompatible) return setError(incompatible);
    const seed = state.randomSeed ? randomSeed() : state.seed;
    if (state.randomSeed) dispatch({ type: "drewSeed", seed });
    generation.start(toGenerationInput(effective, seed, crypto.randomUUID()));
  }

  // The sweep's own cells are in its grid: the list below it shows only other results.
  const inSweep = new Set(sweeps.sweep?.cells.map((c) => c.generation?.id));
  const shownResults = results.filter((g) => !inSweep.has(g.id));
  const nothingYet = shownResults.length === 0 && !generation.pending && !sweeps.sweep;
  // While exploring, the sweep sets the scales it varies: those sliders say so and do nothing.
  const scaleLocks = mode === "explore" ? sweptScaleReasons(explore) : [undefined, undefined];

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- one place decides what Enter does in every field of the form */}
      <form
        aria-label="Studio"
        // Set once the studio has hydrated: browser tests wait for it before typing (text typed
        // into server-rendered fields before then can be replaced when React takes over).
        data-hydrated={hydrated ? "true" : undefined}
        className="flex min-w-0 flex-col gap-3 sm:gap-4"
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
        <ModeSwitch mode={mode} onChange={(m) => dispatch({ type: "mode", mode: m })} disabled={sweeps.running} />
        {nothingYet && <FirstSteps mode={mode} />}

        <div className="flex flex-col gap-1">
          <div className="flex items-end justify-between gap-2">
            <label htmlFor="prompt" className="text-sm font-medium">Prompt</label>
            {/* No keyboard shortcut to offer on a touch screen. */}
            <span className="text-xs text-zinc-500 [@media(hover:none)]:hidden [@media(pointer:coarse)]:hidden">Ctrl/⌘ + Enter {mode === "explore" ? "starts the sweep" : "generates"}</span>
          </div>
          <textarea
            id="prompt"
            rows={3}
            value={state.prompt}
            onChange={(e) => dispatch({ type: "edit", patch: { prompt: e.target.value } })}
            placeholder="a lighthouse on a cliff at dusk, volumetric light"
            className="w-full resize-y rounded-2xl border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
        </div>

        <ModelSelect
          models={models}
          value={model.id}
          describedBy={modelBlock ? "model-notice" : undefined}
          onChange={chooseModel}
          aside={<OwnKeyButton ownKeys={ownKey} onChange={(keys, l) => (setOwnKey(keys), setLimits(l), refreshModels())} />}
        />
        {modelBlock && <ModelNotice id="model-notice" notice={modelBlock} onUse={chooseModel} />}

        {([0, 1] as const).map((i) => (
          <LoraSlotField
            key={i}
            position={i === 0 ? 1 : 2}
            slot={state.loras[i]}
            resolved={cards[i]}
            modelId={state.model}
            onChange={(update) => slots.edit(i, update)}
            onRemove={() => dispatch({ type: "removeSlot", index: i })}
            onPick={(r) => slots.pick(i, r)}
            remembered={slots.rememberedFor(i)}
            onResetRemembered={() => slots.resetRemembered(i)}
            scaleLockedBy={scaleLocks[i]}
            onSwap={i === 0 && (state.loras[0].path || state.loras[1].path) ? () => dispatch({ type: "swapSlots" }) : undefined}
          />
        ))}

        {mode === "explore" && (
          <ExploreFields
            settings={explore}
            onChange={(settings) => dispatch({ type: "explore", settings })}
            seed={state.seed}
            randomSeed={state.randomSeed}
            confirmAboveUsd={confirmAboveUsd}
            onConfirmAbove={setConfirmAboveUsd}
            errors={state.prompt.trim() ? preview.errors : preview.errors.filter((e) => e !== "Write a prompt first")}
          />
        )}

        <PromptPreview
          promptSent={promptSent}
          customTriggers={state.customTriggers}
          placement={state.placement}
          onCustomTriggers={(t) => dispatch({ type: "edit", patch: { customTriggers: t } })}
          onPlacement={(p) => dispatch({ type: "edit", patch: { placement: p } })}
        />

        <SizeFields
          state={state}
          model={model}
          errors={errors}
          set={(key, value) => (key === "seed" ? dispatch({ type: "fixSeed", seed: value as number }) : dispatch({ type: "edit", patch: { [key]: value } }))}
          onDice={() => dispatch({ type: "fixSeed", seed: randomSeed() })}
          sweep={mode === "explore"}
        />

        <GenerateBar
          ref={barRef}
          mode={mode}
          blocked={blocked}
          busy={busy}
          generating={generation.pending ? { elapsedMs: generation.elapsed } : null}
          sweep={{ running: sweeps.running, starting: sweeps.starting, count: preview.cost?.count ?? null }}
          submitDisabled={mode === "explore" ? generation.pending : sweeps.running}
          onCancelGeneration={generation.cancel}
          onCancelSweep={sweeps.cancel}
          error={error}
          onDismissError={() => setError(null)}
          code={mode === "single" && <CopyAsCode request={validation.request} />}
          cost={
            mode === "explore" ? (
              <SweepCostStatus cost={preview.cost} megapixels={preview.megapixels} overBudget={preview.overLimits} />
            ) : (
              <CostStatus price={price} suggestion={suggestion} onUseSuggestion={() => suggestion && dispatch({ type: "edit", patch: { width: suggestion.width, height: suggestion.height } })} />
            )
          }
          limits={<LimitsNote limits={limits} ownKey={ownKey[model.provider].set} />}
        />
      </form>
      <ConfirmSweepDialog open={confirming} cost={preview.cost} thresholdUsd={confirmAboveUsd} onConfirm={() => void runSweepNow()} onClose={() => setConfirming(false)} />

      <section aria-label="Results" className="flex min-w-0 flex-col gap-6">
        {/* Issue 17: the server-run grid builder and its live grids (components/grid). */}
        {mode === "explore" && (
          <GridExplorer
            state={effective} titles={[cards[0].status === "ready" ? cards[0].card.title : null, cards[1].status === "ready" ? cards[1].card.title : null]} catalog={catalog}
            ownKeys={ownKey}
            modes={Object.fromEntries(models.map((m) => [m.model.provider, m.state.mode]))}
          />
        )}
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
        <CompareTray hrefBase="/compare" placement="inline" returnHere />
        {generation.pending && (
          <div ref={pendingRef} className="scroll-mt-4">
            <PendingResults width={state.width} height={state.height} n={state.n} elapsedMs={generation.elapsed} />
          </div>
        )}
        {nothingYet && <EmptyResults mode={mode} />}
        {shownResults.map((g) => (
          <GenerationResult
            ref={g.id === resultId ? resultRef : undefined}
            key={g.id}
            generation={g}
            onReuseSeed={(seed) => dispatch({ type: "fixSeed", seed })}
            actions={<AddToCollection generationId={g.id} size="sm" variant="ghost" />}
            share={<ShareSwitch kind="generation" id={g.id} initialPath={g.sharePath} />}
          />
        ))}
      </section>
    </div>
  );
}
