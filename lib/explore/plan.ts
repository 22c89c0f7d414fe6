import { fieldErrors, generationInputSchema, generationInputSchemaFor, MAX_SCALE, MIN_SCALE } from "@/lib/generation/schema";
import type { ImageModel } from "@/lib/models/catalog";
import { priceRequest, unpublishedNote } from "@/lib/models/pricing";
import type { SweepAxes } from "@/lib/sharing/view";
import { emptySlot, toGenerationInput, type LoraSlot, type StudioState } from "@/lib/studio/state";
import { cellKey } from "./live";
import { MAX_SWEEP_VALUES, roundScale } from "./values";

export type SweepVary = "lora1" | "lora2" | "both";

export interface SweepSpec {
  /** Which scale moves: LoRA 1's (x axis), LoRA 2's (x axis), or both (LoRA 1 on x, LoRA 2 on y). */
  vary: SweepVary;
  x: number[];
  /** Only read when vary is "both". */
  y?: number[];
  /** Add one image with no LoRAs (same prompt text, seed and settings). */
  baseline: boolean;
}

export interface SweepCell {
  /** Stable and unique within a plan: "baseline", "x2" or "x2y0". */
  key: string;
  /** Index into axes.x.values; null for the baseline. */
  x: number | null;
  /** Index into axes.y.values; null for the baseline and for one-axis sweeps. */
  y: number | null;
  baseline: boolean;
  /** The full recipe of this one image: fixed seed, n = 1, the cell's scales. */
  state: StudioState;
}

export interface SweepPlan {
  /** Baseline first, then row by row (y), each row left to right (x). */
  cells: SweepCell[];
  axes: SweepAxes;
  /**
   * Nothing may run while this is non-empty. Problems with the sweep itself (empty slot,
   * missing or bad values) leave `cells` empty; problems of the shared recipe (say an empty
   * prompt) keep the cells, so a preview can still show the grid and its cost.
   */
  errors: string[];
  /** True when the studio was on a random seed and the plan pinned it to `seed`. */
  seedFixed: boolean;
  /** The one seed every cell uses. */
  seed: number;
}

/** Axis names as they appear on the sheet and in the saved collection. */
export const axisName = (slot: 0 | 1) => `LoRA ${slot + 1} scale`;

/** Any valid v4 UUID: the schema wants one, and the plan only checks the recipe's fields. */
const CHECK_REQUEST_ID = "00000000-0000-4000-8000-000000000000";

function checkValues(values: number[] | undefined, label: string): string[] {
  if (!values || values.length === 0) return [`Enter at least one scale for ${label}`];
  const errors: string[] = [];
  if (values.length > MAX_SWEEP_VALUES) errors.push(`${label}: at most ${MAX_SWEEP_VALUES} values (got ${values.length})`);
  const bad = values.find((v) => !Number.isFinite(v) || v < MIN_SCALE || v > MAX_SCALE);
  if (bad !== undefined) errors.push(`${label}: scale ${bad} is outside ${MIN_SCALE}–${MAX_SCALE}`);
  const rounded = values.map(roundScale);
  if (new Set(rounded).size !== rounded.length) errors.push(`${label}: the same scale is listed twice`);
  return errors;
}

const filled = (slot: LoraSlot) => slot.path.trim() !== "";

/**
 * The cells of a scale sweep. Every cell is the studio's recipe with one image (n = 1), the
 * same fixed seed (a random-seed studio is pinned to its current `seed`, and `seedFixed`
 * says so), and the swept LoRA scale(s) replaced. The baseline drops both LoRAs but keeps
 * their enabled trigger phrases as custom triggers in the same order, so its final prompt
 * is exactly the other cells' prompt.
 */
/** `model` is the studio's (the server's catalog may have models the shipped one lacks). */
export function planSweep(state: StudioState, sweep: SweepSpec, model?: ImageModel): SweepPlan {
  const seedFixed = state.randomSeed;
  const seed = state.seed;
  const base: StudioState = { ...state, n: 1, randomSeed: false, seed };
  const errors: string[] = [];

  const both = sweep.vary === "both";
  const xSlot: 0 | 1 = sweep.vary === "lora2" ? 1 : 0;
  const slotsNeeded: (0 | 1)[] = both ? [0, 1] : [xSlot];
  for (const i of slotsNeeded) {
    if (!filled(state.loras[i])) errors.push(`LoRA ${i + 1} is empty: add a LoRA to sweep its scale`);
  }
  errors.push(...checkValues(sweep.x, `LoRA ${xSlot + 1}`));
  if (both) errors.push(...checkValues(sweep.y, "LoRA 2"));

  const xValues = sweep.x.map(roundScale);
  const yValues = both ? (sweep.y ?? []).map(roundScale) : [];
  const axes: SweepAxes = { x: { name: axisName(xSlot), values: xValues } };
  if (both) axes.y = { name: axisName(1), values: yValues };
  if (errors.length > 0) return { cells: [], axes, errors, seedFixed, seed };

  const withScales = (scales: [number | null, number | null]): StudioState => ({
    ...base,
    loras: base.loras.map((slot, i) => {
      const scale = scales[i];
      return scale === null ? { ...slot, triggers: [...slot.triggers] } : { ...slot, scale, triggers: [...slot.triggers] };
    }) as [LoraSlot, LoraSlot],
  });

  const cells: SweepCell[] = [];
  if (sweep.baseline) {
    const triggers = base.loras.filter(filled).flatMap((slot) => slot.triggers);
    cells.push({
      key: cellKey({ x: null, y: null, baseline: true }),
      x: null,
      y: null,
      baseline: true,
      state: { ...base, loras: [emptySlot(), emptySlot()], customTriggers: [...triggers, ...base.customTriggers] },
    });
  }
  if (both) {
    yValues.forEach((yv, y) => xValues.forEach((xv, x) => cells.push({ key: cellKey({ x, y, baseline: false }), x, y, baseline: false, state: withScales([xv, yv]) })));
  } else {
    xValues.forEach((xv, x) =>
      cells.push({ key: cellKey({ x, y: null, baseline: false }), x, y: null, baseline: false, state: withScales(xSlot === 0 ? [xv, null] : [null, xv]) }),
    );
  }

  // The recipe itself (prompt, size, steps, LoRA count for the model…) is checked once with
  // the generation schema: every cell shares it apart from the scales, which are checked above.
  const schema = model ? generationInputSchemaFor({ defaultModel: model.id, models: [model] }) : generationInputSchema;
  const check = schema.safeParse(toGenerationInput(cells[cells.length - 1].state, seed, CHECK_REQUEST_ID));
  if (!check.success) errors.push(...new Set(Object.values(fieldErrors(check.error))));

  return { cells, axes, errors, seedFixed, seed };
}

export interface SweepCost {
  perImageMicroUsd: number;
  totalMicroUsd: number;
  count: number;
  /** False when the model's price is our assumption (see lib/models/pricing.ts). */
  published: boolean;
  /** "Price not published — the estimate assumes …", or null. */
  assumption: string | null;
}

/** What the sweep will cost: each cell priced as its own one-image request. */
export function sweepCost(cells: readonly Pick<SweepCell, "state">[], model: ImageModel): SweepCost {
  let total = 0;
  let perImage = 0;
  for (const cell of cells) {
    const price = priceRequest(model, { width: cell.state.width, height: cell.state.height, steps: cell.state.steps, n: 1 });
    perImage ||= price.microUsdPerImage;
    total += price.totalMicroUsd;
  }
  return { perImageMicroUsd: perImage, totalMicroUsd: total, count: cells.length, published: model.pricing.published, assumption: unpublishedNote(model.pricing) };
}
