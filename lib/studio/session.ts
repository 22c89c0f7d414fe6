import { addExploreParams, defaultExploreSettings, exploreFromSearchParams, type ExploreSettings } from "@/lib/explore/settings";
import { shippedCatalog, type Catalog, type ImageModel } from "@/lib/models/catalog";
import { emptySlot, stateFromSearchParams, stateToSearchParams, type LoraSlot, type StudioState } from "./state";

/** Single image, or Explore (a sweep of scales at one seed). */
export type StudioMode = "single" | "explore";

/**
 * What the studio's form holds: the recipe, the mode and Explore's settings (all of it in the
 * URL), plus the seed a sweep pinned (not in the URL: a reload cannot know who pinned it).
 */
export interface StudioSession {
  recipe: StudioState;
  mode: StudioMode;
  explore: ExploreSettings;
  /** The seed a sweep pinned for a random-seed studio; let go again when Explore is left. */
  sweepSeed: number | null;
}

export type StudioAction =
  /** Edits of plain fields (prompt, size, steps, guidance, phrases…). */
  | { type: "edit"; patch: Partial<Omit<StudioState, "loras" | "model">> }
  /** A new model brings its own default steps and guidance. */
  | { type: "chooseModel"; model: ImageModel }
  /** An update applied to the slot as it is then, so an edit never undoes a late answer. */
  | { type: "slot"; index: 0 | 1; update: (slot: LoraSlot) => LoraSlot }
  | { type: "removeSlot"; index: 0 | 1 }
  | { type: "swapSlots" }
  /** The person fixes a seed (typed, rolled, or reused from a result). */
  | { type: "fixSeed"; seed: number }
  /** A single generation from a random-seed studio drew this seed (it stays random). */
  | { type: "drewSeed"; seed: number }
  /** A sweep started: a random-seed studio gets this seed, pinned so the grid can be re-made. */
  | { type: "sweepStarted"; seed: number }
  | { type: "mode"; mode: StudioMode }
  | { type: "explore"; settings: ExploreSettings }
  /**
   * A just-pasted LoRA's starting settings (the person's remembered ones, else its phrases on),
   * applied only if the slot still holds that link and no phrase was chosen meanwhile (a null
   * scale keeps the slot's).
   */
  | { type: "slotDefaults"; index: 0 | 1; path: string; scale: number | null; triggers: string[] }
  /** The whole session from an address (a reload, or Back to a cached render). */
  | { type: "load"; session: StudioSession };

function withSlot(recipe: StudioState, index: 0 | 1, slot: LoraSlot): StudioState {
  const loras = [...recipe.loras] as [LoraSlot, LoraSlot];
  loras[index] = slot;
  return { ...recipe, loras };
}

/** Pure: every change the studio's form makes. */
export function studioReducer(session: StudioSession, action: StudioAction): StudioSession {
  const { recipe } = session;
  const withRecipe = (next: StudioState): StudioSession => ({ ...session, recipe: next });
  switch (action.type) {
    case "edit":
      return withRecipe({ ...recipe, ...action.patch });
    case "chooseModel":
      return withRecipe({ ...recipe, model: action.model.id, steps: action.model.defaults.steps, guidance: action.model.defaults.guidance });
    case "slot":
      return withRecipe(withSlot(recipe, action.index, action.update(recipe.loras[action.index])));
    case "removeSlot":
      return withRecipe(withSlot(recipe, action.index, emptySlot()));
    case "swapSlots":
      return withRecipe({ ...recipe, loras: [recipe.loras[1], recipe.loras[0]] });
    case "fixSeed":
      return { ...session, recipe: { ...recipe, seed: action.seed, randomSeed: false }, sweepSeed: null };
    case "drewSeed":
      return withRecipe({ ...recipe, seed: action.seed });
    case "sweepStarted":
      if (!recipe.randomSeed) return session;
      return { ...session, recipe: { ...recipe, seed: action.seed, randomSeed: false }, sweepSeed: action.seed };
    case "mode": {
      if (action.mode === session.mode) return session;
      // Leaving Explore lets go of the seed the sweep pinned, unless the person has set one since.
      const pinned = action.mode === "single" && session.sweepSeed !== null && !recipe.randomSeed && recipe.seed === session.sweepSeed;
      return { ...session, mode: action.mode, recipe: pinned ? { ...recipe, randomSeed: true } : recipe, sweepSeed: action.mode === "single" ? null : session.sweepSeed };
    }
    case "explore":
      return { ...session, explore: action.settings };
    case "slotDefaults": {
      const slot = recipe.loras[action.index];
      if (slot.path !== action.path || slot.triggers.length > 0) return session;
      return withRecipe(withSlot(recipe, action.index, { ...slot, scale: action.scale ?? slot.scale, triggers: action.triggers }));
    }
    case "load":
      return action.session;
  }
}

/**
 * Every query key the studio's address uses (recipe, Explore, the last sweep): the URL layer
 * reads and writes exactly these. sessionToSearchParams never writes any other (tested).
 */
export const STUDIO_QUERY_KEYS = {
  single: ["p", "model", "w", "h", "steps", "n", "seed", "g", "l1", "s1", "l2", "s2", "tp", "mode", "vary", "sx", "sy", "base", "sweep"],
  repeated: ["t1", "t2", "ct"],
} as const;

/** The session a studio address describes (anything invalid falls back to its default). */
export function sessionFromSearchParams(params: URLSearchParams, catalog: Catalog = shippedCatalog): StudioSession {
  const explore = exploreFromSearchParams(params);
  return { recipe: stateFromSearchParams(params, catalog), mode: explore ? "explore" : "single", explore: explore ?? defaultExploreSettings(), sweepSeed: null };
}

/** The studio's address for a session: the recipe, Explore's settings when on, the last sweep. */
export function sessionToSearchParams(session: StudioSession, catalog: Catalog = shippedCatalog, sweepId: string | null = null): URLSearchParams {
  const params = addExploreParams(stateToSearchParams(session.recipe, catalog), session.mode === "explore" ? session.explore : null);
  if (sweepId) params.set("sweep", sweepId);
  return params;
}

/**
 * The address's query string once the studio's keys say `studio`: every studio key is replaced,
 * any other key (a campaign tag, say) is kept. "" when nothing is left.
 */
export function studioSearch(current: URLSearchParams, studio: URLSearchParams): string {
  const ours = new Set<string>([...STUDIO_QUERY_KEYS.single, ...STUDIO_QUERY_KEYS.repeated]);
  const next = new URLSearchParams();
  for (const [key, value] of current) if (!ours.has(key)) next.append(key, value);
  for (const [key, value] of studio) next.append(key, value);
  // "/", ":" and "," are allowed as they are in a query: model ids and ranges stay readable.
  const query = next.toString().replace(/%2F/gi, "/").replace(/%3A/gi, ":").replace(/%2C/gi, ",");
  return query ? `?${query}` : "";
}

/** The last sweep named in a studio address. */
export const sweepIdOf = (params: URLSearchParams): string | null => params.get("sweep") || null;
