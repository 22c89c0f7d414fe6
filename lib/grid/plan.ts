import { fieldErrors, generationInputSchemaFor, MAX_SCALE, MAX_SEED, MIN_SCALE, type GenerationInput } from "@/lib/generation/schema";
import { parseLoraLink } from "@/lib/loras/link";
import { findIn, type Catalog, type ImageModel } from "@/lib/models/catalog";
import { priceRequest, unpublishedNote } from "@/lib/models/pricing";
import { parseNumbers, type NumberRules } from "./numbers";
import { MAX_AXIS_VALUES, MAX_GRID_CELLS, MAX_Z_VALUES, type AxisKind, type AxisSpec, type GridBase, type GridLora, type ValidGridSpec } from "./spec";

/** How one axis value changes the base recipe. Plain data: it is stored with the grid. */
export interface CellPatch {
  model?: string;
  prompt?: string;
  /** Prompt S/R: every occurrence of `from` in the prompt becomes `to`. */
  replace?: { from: string; to: string };
  lora?: { slot: 0 | 1; path: string; triggers: string[] };
  scale?: { slot: 0 | 1; value: number };
  seed?: number;
  steps?: number;
  guidance?: number;
  /** The no-LoRA baseline: both slots dropped, their phrases kept as custom phrases. */
  noLoras?: true;
}

export interface AxisValue {
  label: string;
  patch: CellPatch;
}

export interface PlannedAxis {
  kind: AxisKind;
  /** Real names: "Tarot scale", "LoRA 1", "Prompt set: My test prompts". */
  name: string;
  values: AxisValue[];
}

export interface GridAxes {
  x: PlannedAxis;
  y?: PlannedAxis;
  z?: PlannedAxis;
}

export interface PlannedCell {
  /** "z0-x1-y2", "z0-baseline": unique within the grid. */
  key: string;
  z: number;
  x: number | null;
  y: number | null;
  baseline: boolean;
  /** The whole request of this one image (n = 1), without its request id. */
  input: Omit<GenerationInput, "clientRequestId">;
}

export interface GridPlan {
  axes: GridAxes | null;
  /** Z by Z, row (y) by row, left to right; a grid's separate baseline first. */
  cells: PlannedCell[];
  /** Nothing may start while this is non-empty. */
  errors: string[];
}

export type ParsedAxis = { ok: true; axis: PlannedAxis } | { ok: false; message: string };

export interface PlanContext {
  catalog: Catalog;
  /** For "N new" seeds; the server's start decides them once. */
  random?: () => number;
  /** The browser's preview: "N new" seeds become labelled placeholders instead of being drawn. */
  placeholderSeeds?: boolean;
}

const NEW_SEEDS = /^(?:(\d+)\s*(?:new|random)(?:\s*seeds?)?|(?:new|random)\s*(\d+))$/i;

/** The file or repo name when a LoRA has no title: ".../flux-tarot-v1" → "flux-tarot-v1". */
export function loraShortName(path: string): string {
  const trimmed = path.trim().replace(/[?#].*$/, "").replace(/\/+$/, "");
  const last = trimmed.split("/").pop() ?? trimmed;
  return last.replace(/\.safetensors$/i, "") || trimmed;
}

export const loraTitle = (l: { path: string; title?: string }) => (l.title?.trim() ? l.title.trim() : loraShortName(l.path));

/** The loosest bounds over the models in play; each cell is then checked against its own model. */
function modelBounds(models: ImageModel[]) {
  return {
    minSteps: Math.min(...models.map((m) => m.limits.minSteps)),
    maxSteps: Math.max(...models.map((m) => m.limits.maxSteps)),
  };
}

function numberAxis(kind: AxisKind, text: string, rules: NumberRules, name: string, patch: (v: number) => CellPatch, max: number, label = (v: number) => String(v)): ParsedAxis {
  const parsed = parseNumbers(text, { ...rules, maxValues: max });
  if (!parsed.ok) return { ok: false, message: `${name}: ${parsed.message}` };
  return { ok: true, axis: { kind, name, values: parsed.values.map((v) => ({ label: label(v), patch: patch(v) })) } };
}

/** Splits S/R text: one value per line when there are lines, else comma-separated (A1111's way). */
export function splitReplaceValues(text: string): string[] {
  const parts = text.includes("\n") ? text.split("\n") : text.split(",");
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * One axis as typed → its values, checked against the bounds of the models in play.
 * `max` is 6 for X and Y, 4 for Z.
 */
export function parseAxis(spec: AxisSpec, base: GridBase, ctx: PlanContext & { models: ImageModel[]; max: number }): ParsedAxis {
  const { models, max } = ctx;
  switch (spec.kind) {
    case "lora1-scale":
    case "lora2-scale": {
      const slot = spec.kind === "lora1-scale" ? 0 : 1;
      const baseSlot = base.loras[slot];
      if (!baseSlot.path.trim()) return { ok: false, message: `LoRA ${slot + 1} is empty: add a LoRA to vary its scale` };
      const name = `${loraTitle(baseSlot)} scale`;
      return numberAxis(spec.kind, spec.text, { noun: "scale", min: MIN_SCALE, max: MAX_SCALE, decimals: 2, maxValues: max, example: "0.3, 0.6, 0.9" }, name, (value) => ({ scale: { slot, value } }), max);
    }
    case "steps": {
      const b = modelBounds(models);
      return numberAxis("steps", spec.text, { noun: "steps", min: b.minSteps, max: b.maxSteps, integer: true, maxValues: max, example: "20, 28, 36" }, "Steps", (steps) => ({ steps }), max);
    }
    case "guidance":
      return numberAxis("guidance", spec.text, { noun: "guidance", min: 0, max: 20, decimals: 2, maxValues: max, example: "2.5, 3.5, 5" }, "Guidance", (guidance) => ({ guidance }), max);
    case "seed": {
      const fresh = NEW_SEEDS.exec(spec.text.trim());
      if (fresh) {
        const count = Number(fresh[1] ?? fresh[2]);
        if (count < 1) return { ok: false, message: "Seed: ask for at least 1 new seed" };
        if (count > max) return { ok: false, message: `Seed: at most ${max} seeds on this axis` };
        if (ctx.placeholderSeeds) {
          // Only the count matters before the start (a seed does not change the price).
          return { ok: true, axis: { kind: "seed", name: "Seed", values: Array.from({ length: count }, (_, i) => ({ label: `new seed ${i + 1}`, patch: { seed: i } })) } };
        }
        const random = ctx.random ?? Math.random;
        const seeds = new Set<number>();
        // Bounded: a random source that keeps repeating itself must not hang the request.
        for (let draws = 0; seeds.size < count && draws < count * 50; draws++) seeds.add(Math.floor(random() * (MAX_SEED + 1)));
        if (seeds.size < count) return { ok: false, message: `Seed: could not draw ${count} different seeds; try again` };
        return { ok: true, axis: { kind: "seed", name: "Seed", values: [...seeds].map((seed) => ({ label: String(seed), patch: { seed } })) } };
      }
      return numberAxis("seed", spec.text, { noun: "seed", min: 0, max: MAX_SEED, integer: true, maxValues: max, example: "1, 2, 3 or 3 new" }, "Seed", (seed) => ({ seed }), max);
    }
    case "model": {
      const values: AxisValue[] = [];
      for (const id of spec.models) {
        const model = findIn(ctx.catalog, id);
        if (!model) return { ok: false, message: `Model: ${id} is not offered here` };
        if (values.some((v) => v.patch.model === id)) continue;
        values.push({ label: model.label, patch: { model: id } });
      }
      if (values.length > max) return { ok: false, message: `Model: at most ${max} models on this axis` };
      return { ok: true, axis: { kind: "model", name: "Model", values } };
    }
    case "lora1":
    case "lora2": {
      const slot = spec.kind === "lora1" ? 0 : 1;
      if (spec.loras.length > max) return { ok: false, message: `LoRA ${slot + 1}: at most ${max} LoRAs on this axis` };
      const seen = new Set<string>();
      const values: AxisValue[] = [];
      for (const l of spec.loras as GridLora[]) {
        // The exact path the provider gets, as the studio's slots send it (lib/loras/link.ts).
        const link = parseLoraLink(l.path.trim());
        if (!link.ok) return { ok: false, message: `LoRA ${slot + 1}: ${link.reason}` };
        if (!link.path) return { ok: false, message: `LoRA ${slot + 1}: ${l.path.trim()} names a model, not a file; paste it in a LoRA slot first to pick its version` };
        const path = link.path;
        if (seen.has(path)) continue;
        seen.add(path);
        values.push({ label: loraTitle(l), patch: { lora: { slot, path, triggers: [...(l.triggers ?? [])] } } });
      }
      return { ok: true, axis: { kind: spec.kind, name: `LoRA ${slot + 1}`, values } };
    }
    case "prompt": {
      const values = splitReplaceValues(spec.text);
      if (values.length === 0) return { ok: false, message: "Prompt: enter the words to replace, then their replacements, e.g. cat, dog, fox" };
      const unique = [...new Set(values)];
      if (unique.length > max) return { ok: false, message: `Prompt: at most ${max} variants on this axis` };
      const from = unique[0];
      if (!base.prompt.includes(from)) return { ok: false, message: `Prompt: "${from}" is not in the prompt; the first value is what gets replaced` };
      return { ok: true, axis: { kind: "prompt", name: `Prompt: ${from}`, values: unique.map((to) => ({ label: to, patch: { replace: { from, to } } })) } };
    }
    case "prompt-set": {
      if (spec.prompts.length > max) return { ok: false, message: `Prompt set: at most ${max} prompts on this axis` };
      return { ok: true, axis: { kind: "prompt-set", name: `Prompt set: ${spec.name}`, values: spec.prompts.map((p) => ({ label: p.label, patch: { prompt: p.prompt } })) } };
    }
  }
}

/** Applies the patches of one cell's axis values to the base, in a fixed order (prompt before its S/R). */
export function applyPatches(base: GridBase, patches: CellPatch[]): Omit<GenerationInput, "clientRequestId"> {
  const merged: CellPatch = Object.assign({}, ...patches.filter((p) => !p.lora && !p.scale));
  const loras = base.loras.map((s) => ({ path: s.path.trim(), scale: s.scale, triggers: [...s.triggers] }));
  for (const p of patches) if (p.lora) loras[p.lora.slot] = { ...loras[p.lora.slot], path: p.lora.path, triggers: [...p.lora.triggers] };
  for (const p of patches) if (p.scale) loras[p.scale.slot] = { ...loras[p.scale.slot], scale: p.scale.value };
  let prompt = merged.prompt ?? base.prompt;
  if (merged.replace) prompt = prompt.split(merged.replace.from).join(merged.replace.to);
  const filled = loras.filter((l) => l.path !== "");
  return {
    prompt,
    model: merged.model ?? base.model,
    width: base.width,
    height: base.height,
    steps: merged.steps ?? base.steps,
    n: 1,
    seed: merged.seed ?? base.seed,
    guidance: merged.guidance ?? base.guidance,
    // The baseline keeps the phrases that were on, so its prompt is the LoRA cells' prompt.
    loras: merged.noLoras ? [] : filled,
    customTriggers: merged.noLoras ? [...filled.flatMap((l) => l.triggers), ...base.customTriggers] : [...base.customTriggers],
    triggerPlacement: base.placement,
  };
}

const isLoraList = (a: PlannedAxis | undefined) => a?.kind === "lora1" || a?.kind === "lora2";
const CHECK_REQUEST_ID = "00000000-0000-4000-8000-000000000000";

/**
 * The cells of a grid: X × Y per Z value, each one image. With the baseline on, a LoRA-list
 * axis (X first, else Y) gets a "No LoRA" value in front; without one, each grid gets one
 * no-LoRA cell. Every cell is checked against its own model's limits.
 */
export function planGrid(spec: ValidGridSpec, ctx: PlanContext): GridPlan {
  const errors: string[] = [];
  const baseModel = findIn(ctx.catalog, spec.base.model);
  if (!baseModel) return { axes: null, cells: [], errors: ["Pick a model this server offers"] };
  const specs = [spec.x, spec.y, spec.z].filter((s): s is NonNullable<typeof s> => s !== undefined);
  const kinds = specs.map((s) => s.kind);
  if (new Set(kinds).size !== kinds.length) errors.push("Each axis must vary something different");
  if (kinds.includes("prompt") && kinds.includes("prompt-set")) errors.push("Use either a prompt set or prompt search-and-replace, not both");
  const modelSpec = specs.find((s) => s.kind === "model");
  const models = modelSpec && modelSpec.kind === "model" ? modelSpec.models.flatMap((id) => findIn(ctx.catalog, id) ?? []) : [baseModel];
  const inPlay = models.length > 0 ? models : [baseModel];

  const parse = (s: AxisSpec | undefined, max: number) => (s ? parseAxis(s, spec.base, { ...ctx, models: inPlay, max }) : undefined);
  const px = parse(spec.x, MAX_AXIS_VALUES);
  const py = parse(spec.y, MAX_AXIS_VALUES);
  const pz = parse(spec.z, MAX_Z_VALUES);
  for (const p of [px, py, pz]) if (p && !p.ok) errors.push(p.message);
  if (!px?.ok || (py && !py.ok) || (pz && !pz.ok) || errors.length > 0) return { axes: null, cells: [], errors };

  const axes: GridAxes = { x: px.axis };
  if (py?.ok) axes.y = py.axis;
  if (pz?.ok) axes.z = pz.axis;
  const baselineAxis = spec.baseline ? (isLoraList(axes.x) ? axes.x : isLoraList(axes.y) ? axes.y : null) : null;
  if (baselineAxis) baselineAxis.values.unshift({ label: "No LoRA", patch: { noLoras: true } });

  const xs = axes.x.values;
  const ys = axes.y?.values ?? [null];
  const zs = axes.z?.values ?? [null];
  const separateBaseline = spec.baseline && !baselineAxis;
  const count = zs.length * (xs.length * ys.length + (separateBaseline ? 1 : 0));
  if (count > MAX_GRID_CELLS) {
    return { axes, cells: [], errors: [`That makes ${count} images; a grid takes at most ${MAX_GRID_CELLS}. Use fewer values.`] };
  }

  const cells: PlannedCell[] = [];
  zs.forEach((zv, z) => {
    const zp = zv ? [zv.patch] : [];
    if (separateBaseline) cells.push({ key: `z${z}-baseline`, z, x: null, y: null, baseline: true, input: applyPatches(spec.base, [...zp, { noLoras: true }]) });
    ys.forEach((yv, y) =>
      xs.forEach((xv, x) => {
        const patches = [...zp, ...(yv ? [yv.patch] : []), xv.patch];
        cells.push({ key: `z${z}-x${x}-y${axes.y ? y : 0}`, z, x, y: axes.y ? y : null, baseline: patches.some((p) => p.noLoras), input: applyPatches(spec.base, patches) });
      }),
    );
  });

  // Every cell against its own model (size, steps, prompt length, LoRA count); messages once each.
  const schema = generationInputSchemaFor(ctx.catalog);
  const seen = new Set<string>();
  for (const cell of cells) {
    const check = schema.safeParse({ ...cell.input, clientRequestId: CHECK_REQUEST_ID });
    if (check.success) continue;
    const label = findIn(ctx.catalog, cell.input.model)?.label ?? cell.input.model;
    for (const message of new Set(Object.values(fieldErrors(check.error)))) {
      const text = inPlay.length > 1 ? `${label}: ${message}` : message;
      if (seen.has(text)) continue;
      seen.add(text);
      errors.push(text);
    }
  }
  return { axes, cells, errors };
}

export interface GridPrice {
  count: number;
  totalMicroUsd: number;
  /** Every model's price in the plan is published (else `assumptions` says what we assumed). */
  published: boolean;
  assumptions: string[];
}

/** The whole plan's price: each cell priced as its own request, with its own model and size. */
export function gridPrice(cells: readonly Pick<PlannedCell, "input">[], modelOf: (id: string) => ImageModel | undefined): GridPrice {
  let total = 0;
  const assumptions = new Set<string>();
  let published = true;
  for (const { input } of cells) {
    const model = modelOf(input.model);
    if (!model) continue;
    total += priceRequest(model, { width: input.width, height: input.height, steps: input.steps, n: input.n ?? 1 }).totalMicroUsd;
    if (!model.pricing.published) {
      published = false;
      const note = unpublishedNote(model.pricing);
      if (note) assumptions.add(`${model.label}: ${note}`);
    }
  }
  return { count: cells.length, totalMicroUsd: total, published, assumptions: [...assumptions] };
}
