import { describe, expect, it } from "vitest";
import { parseNumbers } from "@/lib/grid/numbers";
import { applyPatches, gridPrice, loraShortName, parseAxis, planGrid, splitReplaceValues } from "@/lib/grid/plan";
import { gridSpecSchema, type GridBase, type GridSpec } from "@/lib/grid/spec";
import { findIn, shippedCatalog } from "@/lib/models/catalog";
import { priceRequest } from "@/lib/models/pricing";

const catalog = shippedCatalog;
const FLUX1 = "black-forest-labs/FLUX.1-dev-lora";
const FLUX2 = "black-forest-labs/FLUX.2-dev";
const FAL = "fal-ai/flux-lora";
const TAROT = "https://huggingface.co/multimodalart/flux-tarot-v1";

const base = (patch: Partial<GridBase> = {}): GridBase => ({
  prompt: "a cat in a hat",
  model: FLUX1,
  width: 1024,
  height: 768,
  steps: 28,
  seed: 7,
  guidance: 3.5,
  loras: [
    { path: TAROT, scale: 0.8, triggers: ["in the style of TOK a trtcrd"], title: "Tarot" },
    { path: "", scale: 1, triggers: [] },
  ],
  customTriggers: [],
  placement: "before",
  ...patch,
});
const plan = (spec: Omit<GridSpec, "base"> & { base?: GridBase }, random?: () => number) =>
  planGrid(gridSpecSchema.parse({ base: base(), ...spec }), { catalog, random });
const ctx = { catalog, models: [findIn(catalog, FLUX1)!], max: 6 };

describe("parseNumbers", () => {
  const steps = { noun: "steps", min: 1, max: 50, integer: true, maxValues: 6, example: "20, 28" };
  it("reads lists in order, dropping duplicates, and ranges with a step including the end", () => {
    expect(parseNumbers("28, 20 36 20", steps)).toEqual({ ok: true, values: [28, 20, 36] });
    expect(parseNumbers("20-40 step 10", steps)).toEqual({ ok: true, values: [20, 30, 40] });
    expect(parseNumbers("40 to 20 by 10", steps)).toEqual({ ok: true, values: [20, 30, 40] });
    expect(parseNumbers("0.3..1.2/0.3", { noun: "scale", min: 0, max: 2, maxValues: 6, example: "" })).toEqual({ ok: true, values: [0.3, 0.6, 0.9, 1.2] });
  });
  it("refuses what a model cannot take, fractions of whole numbers, too many values and ranges without a step", () => {
    expect(parseNumbers("0, 20", steps)).toEqual({ ok: false, message: "Steps 0 is outside 1–50" });
    expect(parseNumbers("20.5", steps)).toMatchObject({ ok: false, message: expect.stringContaining("whole numbers") });
    expect(parseNumbers("1-50 step 5", steps)).toMatchObject({ ok: false, message: expect.stringContaining("at most 6") });
    expect(parseNumbers("10-20", steps)).toMatchObject({ ok: false, message: expect.stringContaining("Add a step") });
    expect(parseNumbers("  ", steps)).toMatchObject({ ok: false, message: expect.stringContaining("Enter at least one steps") });
    expect(parseNumbers("20, x", steps)).toEqual({ ok: false, message: '"x" is not a number' });
  });
});

describe("parseAxis", () => {
  it("names a scale axis after the LoRA's title and needs the slot filled", () => {
    const axis = parseAxis({ kind: "lora1-scale", text: "0.5, 1" }, base(), ctx);
    expect(axis).toMatchObject({ ok: true, axis: { name: "Tarot scale", values: [{ label: "0.5", patch: { scale: { slot: 0, value: 0.5 } } }, { label: "1" }] } });
    expect(parseAxis({ kind: "lora2-scale", text: "0.5" }, base(), ctx)).toMatchObject({ ok: false, message: expect.stringContaining("LoRA 2 is empty") });
  });
  it("makes N new distinct seeds, or reads a list", () => {
    let n = 0;
    const random = () => [0.1, 0.1, 0.2, 0.3][n++ % 4];
    const axis = parseAxis({ kind: "seed", text: "3 new" }, base(), { ...ctx, random });
    expect(axis.ok && axis.axis.values.map((v) => v.patch.seed)).toEqual([214748364, 429496729, 644245094]);
    expect(parseAxis({ kind: "seed", text: "new 7" }, base(), ctx)).toMatchObject({ ok: false, message: "Seed: at most 6 seeds on this axis" });
    // A source that repeats itself (the browser's preview once passed () => 0.5) ends with a message, not a hang.
    expect(parseAxis({ kind: "seed", text: "4 new" }, base(), { ...ctx, random: () => 0.5 })).toMatchObject({ ok: false, message: "Seed: could not draw 4 different seeds; try again" });
    // The preview only counts them.
    const preview = parseAxis({ kind: "seed", text: "4 new" }, base(), { ...ctx, placeholderSeeds: true });
    expect(preview.ok && preview.axis.values.map((v) => v.label)).toEqual(["new seed 1", "new seed 2", "new seed 3", "new seed 4"]);
    expect(parseAxis({ kind: "seed", text: "1, 2" }, base(), ctx)).toMatchObject({ ok: true, axis: { values: [{ label: "1" }, { label: "2" }] } });
  });
  it("checks steps against the models in play", () => {
    const fal2 = findIn(catalog, "fal-ai/flux-2/lora")!;
    expect(parseAxis({ kind: "steps", text: "2, 10" }, base(), { ...ctx, models: [fal2] })).toMatchObject({ ok: false, message: "Steps: Steps 2 is outside 4–50" });
    expect(parseAxis({ kind: "steps", text: "60" }, base(), ctx)).toMatchObject({ ok: false });
  });
  it("labels LoRA lists and models with real names and drops repeats", () => {
    const loras = parseAxis({ kind: "lora1", loras: [{ path: TAROT, title: "Tarot", triggers: ["trtcrd"] }, { path: "https://huggingface.co/a/b/blob/main/ink-wash.safetensors" }, { path: TAROT }] }, base(), ctx);
    expect(loras.ok && loras.axis.values.map((v) => v.label)).toEqual(["Tarot", "ink-wash"]);
    const models = parseAxis({ kind: "model", models: [FLUX1, FAL] }, base(), ctx);
    expect(models.ok && models.axis.values.map((v) => v.label)).toEqual([findIn(catalog, FLUX1)!.label, findIn(catalog, FAL)!.label]);
    expect(parseAxis({ kind: "model", models: ["nope/model"] }, base(), ctx)).toEqual({ ok: false, message: "Model: nope/model is not offered here" });
    // Links become the exact path the provider gets, like a studio slot's; a bad one is refused.
    const page = parseAxis({ kind: "lora1", loras: [{ path: "multimodalart/flux-tarot-v1" }, { path: "https://huggingface.co/a/b/blob/main/ink.safetensors" }] }, base(), ctx);
    expect(page.ok && page.axis.values.map((v) => [v.label, v.patch.lora?.path])).toEqual([
      ["flux-tarot-v1", "https://huggingface.co/multimodalart/flux-tarot-v1"],
      ["ink", "https://huggingface.co/a/b/resolve/main/ink.safetensors"],
    ]);
    expect(parseAxis({ kind: "lora1", loras: [{ path: "ftp://x" }] }, base(), ctx)).toMatchObject({ ok: false, message: expect.stringMatching(/^LoRA 1: /) });
  });
  it("reads prompt S/R like A1111: the first value must be in the prompt", () => {
    expect(splitReplaceValues("cat, dog , fox")).toEqual(["cat", "dog", "fox"]);
    expect(splitReplaceValues("a cat, sitting\na dog")).toEqual(["a cat, sitting", "a dog"]);
    const axis = parseAxis({ kind: "prompt", text: "cat, dog" }, base(), ctx);
    expect(axis).toMatchObject({ ok: true, axis: { name: "Prompt: cat", values: [{ label: "cat" }, { label: "dog", patch: { replace: { from: "cat", to: "dog" } } }] } });
    expect(parseAxis({ kind: "prompt", text: "owl, dog" }, base(), ctx)).toMatchObject({ ok: false, message: expect.stringContaining('"owl" is not in the prompt') });
  });
});

describe("applyPatches", () => {
  it("puts a listed LoRA with its own triggers in its slot, keeping the slot's scale", () => {
    const input = applyPatches(base(), [{ lora: { slot: 0, path: "x/ink", triggers: ["inkwash"] } }, { scale: { slot: 0, value: 1.2 } }]);
    expect(input.loras).toEqual([{ path: "x/ink", scale: 1.2, triggers: ["inkwash"] }]);
  });
  it("replaces in a prompt-set prompt, and the baseline keeps the phrases as custom phrases", () => {
    expect(applyPatches(base(), [{ replace: { from: "cat", to: "dog" } }, { prompt: "one cat, two cats" }]).prompt).toBe("one dog, two dogs");
    const baseline = applyPatches(base(), [{ noLoras: true }]);
    expect(baseline.loras).toEqual([]);
    expect(baseline.customTriggers).toEqual(["in the style of TOK a trtcrd"]);
  });
});

describe("planGrid", () => {
  const set = { kind: "prompt-set" as const, name: "Starter", prompts: ["portrait", "landscape", "object"].map((label) => ({ label, prompt: `a ${label}` })) };
  it("lays out LoRA list × prompt set with a No LoRA column, each cell one image", () => {
    const p = plan({ x: { kind: "lora1", loras: [{ path: TAROT, title: "Tarot", triggers: ["trtcrd"] }, { path: "a/ink", title: "Ink", triggers: ["inkwash"] }] }, y: set, baseline: true });
    expect(p.errors).toEqual([]);
    expect(p.axes!.x.values.map((v) => v.label)).toEqual(["No LoRA", "Tarot", "Ink"]);
    expect(p.cells).toHaveLength(9);
    expect(p.cells[0]).toMatchObject({ key: "z0-x0-y0", baseline: true, input: { prompt: "a portrait", loras: [] } });
    expect(p.cells[4]).toMatchObject({ key: "z0-x1-y1", input: { prompt: "a landscape", n: 1, loras: [{ path: TAROT, scale: 0.8, triggers: ["trtcrd"] }] } });
  });
  it("adds one no-LoRA cell per grid when no axis is a LoRA list, and Z makes grids", () => {
    const p = plan({ x: { kind: "lora1-scale", text: "0.5, 1" }, y: { kind: "steps", text: "20, 28" }, z: { kind: "seed", text: "1, 2, 3" }, baseline: true });
    expect(p.errors).toEqual([]);
    expect(p.cells).toHaveLength(3 * 5);
    expect(p.cells.filter((c) => c.baseline).map((c) => [c.key, c.input.seed])).toEqual([["z0-baseline", 1], ["z1-baseline", 2], ["z2-baseline", 3]]);
  });
  it("refuses more than 100 cells, the same axis twice, and more than 4 Z values", () => {
    const six = "1, 2, 3, 4, 5, 6";
    expect(plan({ x: { kind: "seed", text: six }, y: { kind: "steps", text: "10, 20, 30, 40, 45, 50" }, z: { kind: "guidance", text: "1, 2, 3" } }).errors).toEqual([
      "That makes 108 images; a grid takes at most 100. Use fewer values.",
    ]);
    expect(plan({ x: { kind: "seed", text: "1" }, y: { kind: "seed", text: "2" } }).errors).toContain("Each axis must vary something different");
    expect(plan({ x: { kind: "seed", text: "1" }, z: { kind: "steps", text: "10, 20, 30, 40, 45" } }).errors[0]).toContain("at most 4");
  });
  it("checks each cell against its own model's limits", () => {
    // fal's models take at least 512 px; 256 wide passes FLUX.1 on Together but not fal.
    const p = planGrid(gridSpecSchema.parse({ base: base({ width: 256 }), x: { kind: "model", models: [FLUX1, FAL] } }), { catalog });
    expect(p.errors).toEqual([`${findIn(catalog, FAL)!.label}: Width must be between 512 and 2048`]);
  });
  it("prices every cell with its own model: the total across models is the sum of each request", () => {
    const p = plan({ x: { kind: "model", models: [FLUX1, FLUX2, FAL] }, y: { kind: "seed", text: "1, 2" } });
    expect(p.errors).toEqual([]);
    const price = gridPrice(p.cells, (id) => findIn(catalog, id));
    const one = (id: string) => priceRequest(findIn(catalog, id)!, { width: 1024, height: 768, steps: 28, n: 1 }).totalMicroUsd;
    expect(price.count).toBe(6);
    expect(price.totalMicroUsd).toBe(2 * (one(FLUX1) + one(FLUX2) + one(FAL)));
    expect(new Set([one(FLUX1), one(FLUX2), one(FAL)]).size).toBeGreaterThan(1);
  });
  it("prices steps that change the price per cell", () => {
    const p = plan({ x: { kind: "steps", text: "10, 50" }, base: base({ model: FLUX2, loras: [{ path: "", scale: 1, triggers: [] }, { path: "", scale: 1, triggers: [] }] }) });
    const model = findIn(catalog, FLUX2)!;
    const expected = [10, 50].reduce((s, steps) => s + priceRequest(model, { width: 1024, height: 768, steps, n: 1 }).totalMicroUsd, 0);
    expect(gridPrice(p.cells, (id) => findIn(catalog, id)).totalMicroUsd).toBe(expected);
  });
  it("short names for LoRAs without a title", () => {
    expect(loraShortName("https://x.test/a/b/style.safetensors?token=1")).toBe("style");
    expect(loraShortName("owner/repo/")).toBe("repo");
  });
});

describe("builder drafts", async () => {
  const { draftToSpec, parseLoraLines, specProblem } = await import("@/lib/grid/draft");
  it("says which axis is incomplete", () => {
    const empty = gridSpecSchema.safeParse({ base: base(), x: { kind: "lora1", loras: [] } });
    expect(empty.success).toBe(false);
    expect(specProblem(empty.error!.issues[0].path)).toBe("X axis: add at least one LoRA link");
    expect(specProblem(["z", "models"])).toBe("Z axis: tick at least one model");
  });
  const { STARTER_PROMPT_SET, parsePromptLines, promptLines } = await import("@/lib/grid/prompt-sets");
  it("reads LoRA lines with optional phrases, and fills titles and phrases the server knows", () => {
    expect(parseLoraLines(" a/b \n\n c/d | one, two ,\n")).toEqual([{ path: "a/b", triggers: null }, { path: "c/d", triggers: ["one", "two"] }]);
    const known = new Map([["a/b", { title: "Tarot", triggers: ["trtcrd"] }]]);
    const spec = draftToSpec({ kind: "lora1", text: { lora1: "a/b\nc/d | ink" }, models: [], promptSetId: "" }, { known, promptSets: [] });
    expect(spec).toEqual({ kind: "lora1", loras: [{ path: "a/b", title: "Tarot", triggers: ["trtcrd"] }, { path: "c/d", title: undefined, triggers: ["ink"] }] });
  });
  it("a prompt-set axis carries the set's prompts; the starter set has the six kinds", () => {
    expect(STARTER_PROMPT_SET.prompts.map((p) => p.label)).toEqual(["portrait", "landscape", "object", "typography", "animal", "interior"]);
    expect(draftToSpec({ kind: "prompt-set", text: {}, models: [], promptSetId: "starter" }, { known: new Map(), promptSets: [STARTER_PROMPT_SET] })).toMatchObject({ kind: "prompt-set", name: "Starter set", prompts: STARTER_PROMPT_SET.prompts });
    expect(parsePromptLines("hero: a knight\na red car on a road")).toEqual([{ label: "hero", prompt: "a knight" }, { label: "a red car", prompt: "a red car on a road" }]);
    expect(parsePromptLines(promptLines(STARTER_PROMPT_SET.prompts))).toEqual(STARTER_PROMPT_SET.prompts);
  });
});
