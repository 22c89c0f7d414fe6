import { defaultModelOf, findIn, getIn, shippedCatalog, type Catalog } from "@/lib/models/catalog";
import { MAX_SCALE, MAX_SEED, MIN_SCALE, type GenerationInput } from "@/lib/generation/schema";
import type { TriggerPlacement } from "@/lib/generation/prompt";

export interface LoraSlot {
  /** The link as pasted (or the canonical path once resolved); empty = free slot. */
  path: string;
  scale: number;
  /** Trigger phrases switched on for this LoRA. */
  triggers: string[];
}

/** Everything the studio holds: plain data, so it lives in the URL as a shareable recipe. */
export interface StudioState {
  prompt: string;
  model: string;
  width: number;
  height: number;
  steps: number;
  n: number;
  seed: number;
  randomSeed: boolean;
  guidance: number;
  loras: [LoraSlot, LoraSlot];
  customTriggers: string[];
  placement: TriggerPlacement;
}

export const emptySlot = (): LoraSlot => ({ path: "", scale: 1, triggers: [] });

/** The catalog defaults to the shipped one; pages pass the one the server runs with. */
export function initialStudioState(modelId?: string, catalog: Catalog = shippedCatalog): StudioState {
  const model = getIn(catalog, modelId ?? catalog.defaultModel);
  return {
    prompt: "",
    model: model.id,
    width: model.defaults.width,
    height: model.defaults.height,
    steps: model.defaults.steps,
    n: 1,
    seed: 42,
    randomSeed: true,
    guidance: model.defaults.guidance,
    loras: [emptySlot(), emptySlot()],
    customTriggers: [],
    placement: "before",
  };
}

export function randomSeed(): number {
  return Math.floor(Math.random() * (MAX_SEED + 1));
}

/** State → the action's input. Empty LoRA slots are left out. */
export function toGenerationInput(state: StudioState, seed: number, clientRequestId: string): GenerationInput {
  return {
    clientRequestId,
    prompt: state.prompt,
    model: state.model,
    width: state.width,
    height: state.height,
    steps: state.steps,
    n: state.n,
    seed,
    guidance: state.guidance,
    loras: state.loras
      .filter((l) => l.path.trim())
      .map((l) => ({ path: l.path.trim(), scale: l.scale, triggers: l.triggers })),
    customTriggers: state.customTriggers,
    triggerPlacement: state.placement,
  };
}

// ---- Recipe links: the state in the URL's query, defaults left out to keep links short ----

const int = (v: string | null, min: number, max: number): number | undefined => {
  if (v === null || !/^-?\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
};
const num = (v: string | null, min: number, max: number): number | undefined => {
  if (v === null || v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
};
const text = (values: string[], max: number) => values.map((t) => t.trim()).filter((t) => t && t.length <= 200).slice(0, max);

/** Parses a recipe link. Anything invalid falls back to the default: a shared link never breaks the studio. */
export function stateFromSearchParams(params: URLSearchParams, catalog: Catalog = shippedCatalog): StudioState {
  const model = findIn(catalog, params.get("model") ?? "") ?? defaultModelOf(catalog);
  const base = initialStudioState(model.id, catalog);
  const { limits } = model;
  const slot = (i: 1 | 2): LoraSlot => {
    const path = (params.get(`l${i}`) ?? "").trim().slice(0, 2048);
    if (!path) return emptySlot();
    return { path, scale: num(params.get(`s${i}`), MIN_SCALE, MAX_SCALE) ?? 1, triggers: text(params.getAll(`t${i}`), 20) };
  };
  const seed = int(params.get("seed"), 0, MAX_SEED);
  return {
    ...base,
    prompt: (params.get("p") ?? "").slice(0, limits.maxPromptChars),
    width: int(params.get("w"), limits.minSize, limits.maxSize) ?? base.width,
    height: int(params.get("h"), limits.minSize, limits.maxSize) ?? base.height,
    steps: int(params.get("steps"), limits.minSteps, limits.maxSteps) ?? base.steps,
    n: int(params.get("n"), 1, limits.maxImages) ?? base.n,
    seed: seed ?? base.seed,
    randomSeed: seed === undefined,
    guidance: num(params.get("g"), 0, 20) ?? base.guidance,
    loras: [slot(1), slot(2)],
    customTriggers: text(params.getAll("ct"), 20),
    placement: params.get("tp") === "after" ? "after" : "before",
  };
}

/**
 * The recipe as a query string; the seed is only included when it is fixed.
 *
 * The model is always named once anything else is: which model an address without one opens
 * depends on the person and changes (a model Together refuses them stops being their default),
 * so leaving it out would let a reload or a shared link silently switch models. `complete`
 * also writes the fields that equal the model's defaults — for recipes of a stored result,
 * which must rebuild the same request even after an operator changes those defaults.
 */
export function stateToSearchParams(state: StudioState, catalog: Catalog = shippedCatalog, options: { complete?: boolean } = {}): URLSearchParams {
  const params = new URLSearchParams();
  const base = findIn(catalog, state.model) ? initialStudioState(state.model, catalog) : initialStudioState(undefined, catalog);
  const all = options.complete === true;
  if (state.prompt) params.set("p", state.prompt);
  params.set("model", state.model);
  if (all || state.width !== base.width) params.set("w", String(state.width));
  if (all || state.height !== base.height) params.set("h", String(state.height));
  if (all || state.steps !== base.steps) params.set("steps", String(state.steps));
  if (all || state.n !== base.n) params.set("n", String(state.n));
  if (!state.randomSeed) params.set("seed", String(state.seed));
  if (all || state.guidance !== base.guidance) params.set("g", String(state.guidance));
  state.loras.forEach((slot, i) => {
    if (!slot.path.trim()) return;
    params.set(`l${i + 1}`, slot.path.trim());
    if (slot.scale !== 1) params.set(`s${i + 1}`, String(slot.scale));
    slot.triggers.forEach((t) => params.append(`t${i + 1}`, t));
  });
  state.customTriggers.forEach((t) => params.append("ct", t));
  if (state.placement !== "before") params.set("tp", state.placement);
  // A fresh studio on the default model keeps a bare address.
  if ([...params.keys()].length === 1 && state.model === catalog.defaultModel) params.delete("model");
  return params;
}
