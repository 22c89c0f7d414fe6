import { findIn, shippedCatalog, type Catalog } from "@/lib/models/catalog";
import type { GenerationView } from "@/lib/generation/view";
import { emptySlot, initialStudioState, stateToSearchParams, type LoraSlot, type StudioState } from "./state";

/**
 * A stored generation → the studio settings that made it, so "remix" and "open in studio"
 * are just links. Trigger phrases were folded into the sent prompt, so the person's own
 * prompt is restored and the LoRAs' triggers come back as chips when their cards load.
 */
export function stateFromGeneration(g: Pick<GenerationView, "userPrompt" | "model" | "width" | "height" | "steps" | "n" | "seed" | "guidance" | "loras">, options: { keepSeed?: boolean; catalog?: Catalog } = {}): StudioState {
  const catalog = options.catalog ?? shippedCatalog;
  const model = findIn(catalog, g.model);
  const base = initialStudioState(model?.id, catalog);
  const slots = [emptySlot(), emptySlot()] as [LoraSlot, LoraSlot];
  for (const l of g.loras) if (l.position === 1 || l.position === 2) slots[l.position - 1] = { path: l.path, scale: l.scale, triggers: [] };
  return {
    ...base,
    prompt: g.userPrompt,
    width: g.width,
    height: g.height,
    steps: g.steps,
    n: g.n,
    seed: g.seed,
    randomSeed: options.keepSeed === false,
    guidance: g.guidance ?? base.guidance,
    loras: slots,
  };
}

/** "/?p=…&seed=…" — the studio with this generation's recipe (same seed unless told otherwise). */
export function studioHref(g: Parameters<typeof stateFromGeneration>[0], options: { keepSeed?: boolean; catalog?: Catalog } = {}): string {
  const query = stateToSearchParams(stateFromGeneration(g, options), options.catalog).toString();
  return query ? `/?${query}` : "/";
}
