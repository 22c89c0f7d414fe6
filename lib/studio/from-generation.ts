import { findIn, shippedCatalog, type Catalog } from "@/lib/models/catalog";
import { buildPrompt } from "@/lib/generation/prompt";
import type { ParameterColumn } from "@/lib/db/generation-columns";
import type { GenerationView } from "@/lib/generation/view";
import { emptySlot, initialStudioState, stateToSearchParams, type LoraSlot, type StudioState } from "./state";

/** What a recipe is made from: an owner's generation or a shared result (same fields). */
export type RecipeSource = Pick<GenerationView, "userPrompt" | "prompt" | ParameterColumn | "customTriggers" | "triggerPlacement"> & {
  loras: { position: number; path: string; scale: number; triggers: string[] | null }[];
};

/**
 * A stored generation → the studio settings that made it, so "remix", "re-run" and "open in
 * studio" are just links that rebuild the same request: every LoRA with its scale and the
 * trigger phrases that were on, the custom phrases and their placement.
 *
 * Results made before phrases were kept do not say which were on: their exact sent prompt
 * becomes the prompt (with no phrases added), which still sends the same request.
 */
export function stateFromGeneration(g: RecipeSource, options: { keepSeed?: boolean; catalog?: Catalog } = {}): StudioState {
  const catalog = options.catalog ?? shippedCatalog;
  const model = findIn(catalog, g.model);
  const base = initialStudioState(model?.id, catalog);
  const recorded = g.customTriggers !== null && g.loras.every((l) => l.triggers !== null);
  const slots = [emptySlot(), emptySlot()] as [LoraSlot, LoraSlot];
  for (const l of g.loras) if (l.position === 1 || l.position === 2) slots[l.position - 1] = { path: l.path, scale: l.scale, triggers: recorded ? (l.triggers ?? []) : [] };
  return {
    ...base,
    prompt: recorded || g.prompt === buildPrompt(g.userPrompt, []) ? g.userPrompt : g.prompt,
    width: g.width,
    height: g.height,
    steps: g.steps,
    n: g.n,
    seed: g.seed,
    randomSeed: options.keepSeed === false,
    guidance: g.guidance ?? base.guidance,
    loras: slots,
    customTriggers: recorded ? (g.customTriggers ?? []) : [],
    placement: (recorded && g.triggerPlacement) || "before",
  };
}

/** "/?p=…&seed=…" — the studio with this generation's recipe (same seed unless told otherwise). */
export function studioHref(g: RecipeSource, options: { keepSeed?: boolean; catalog?: Catalog } = {}): string {
  const query = stateToSearchParams(stateFromGeneration(g, options), options.catalog, { complete: true }).toString();
  return query ? `/?${query}` : "/";
}
