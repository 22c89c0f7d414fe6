import { describe, expect, it } from "vitest";
import { getIn, shippedCatalog } from "@/lib/models/catalog";
import { sessionFromSearchParams, sessionToSearchParams, STUDIO_QUERY_KEYS, studioReducer, studioSearch, sweepIdOf, type StudioAction, type StudioSession } from "@/lib/studio/session";
import { emptySlot, initialStudioState, stateFromSearchParams, stateToSearchParams, type StudioState } from "@/lib/studio/state";

const recipe: StudioState = {
  ...initialStudioState(),
  prompt: "a tarot card of a cat & a moon",
  width: 1024,
  height: 1024,
  steps: 30,
  n: 2,
  seed: 1234,
  randomSeed: false,
  loras: [
    { path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.8, triggers: ["in the style of TOK a trtcrd tarot style"] },
    { path: "https://replicate.com/fofr/flux-black-light", scale: 0.55, triggers: ["BLKLGHT"] },
  ],
  customTriggers: ["film grain"],
  placement: "after",
};

describe("recipe links", () => {
  it("round-trip every setting through the URL", () => {
    const query = stateToSearchParams(recipe).toString();
    expect(stateFromSearchParams(new URLSearchParams(query))).toEqual(recipe);
  });

  it("leave defaults out, so a fresh studio has an empty query", () => {
    expect(stateToSearchParams(initialStudioState()).toString()).toBe("");
    expect(stateFromSearchParams(new URLSearchParams(""))).toEqual(initialStudioState());
  });

  it("name the model whenever they name anything else, so a change of the person's default cannot switch it", () => {
    // Together answered 404 for the shipped default: this person's studio now defaults to another model.
    const shipped = shippedCatalog.defaultModel;
    const other = shippedCatalog.models.find((m) => m.id !== shipped)!.id;
    const person = { ...shippedCatalog, defaultModel: other };
    const onOther = { ...initialStudioState(other, person), prompt: "a lighthouse" };
    const query = stateToSearchParams(onOther, person);
    expect(query.get("model")).toBe(other);
    // Read back by the same person after their default moved on (or by anyone else): same model.
    expect(stateFromSearchParams(query, shippedCatalog).model).toBe(other);
    const onShipped = { ...initialStudioState(shipped), prompt: "a lighthouse" };
    expect(stateFromSearchParams(stateToSearchParams(onShipped), person).model).toBe(shipped);
  });

  it("a random seed is not part of the recipe", () => {
    expect(stateToSearchParams({ ...recipe, randomSeed: true }).has("seed")).toBe(false);
  });

  it("invalid values fall back to defaults instead of breaking", () => {
    const s = stateFromSearchParams(new URLSearchParams("model=nope&w=99999&h=abc&n=9&steps=0&seed=-5&s1=7&l1=https://huggingface.co/a/b&tp=sideways&g=NaN"));
    const d = initialStudioState();
    expect(s).toMatchObject({ model: d.model, width: d.width, height: d.height, n: 1, steps: d.steps, randomSeed: true, placement: "before", guidance: d.guidance });
    expect(s.loras[0]).toEqual({ path: "https://huggingface.co/a/b", scale: 1, triggers: [] });
  });

  it("a LoRA in slot 2 only stays in slot 2", () => {
    const s = stateFromSearchParams(new URLSearchParams("l2=https://huggingface.co/a/b&s2=0.3"));
    expect(s.loras[0].path).toBe("");
    expect(s.loras[1]).toMatchObject({ path: "https://huggingface.co/a/b", scale: 0.3 });
  });

  it("switching model in the URL uses that model's defaults", () => {
    const s = stateFromSearchParams(new URLSearchParams("model=black-forest-labs/FLUX.2-dev"));
    expect(s).toMatchObject({ model: "black-forest-labs/FLUX.2-dev", width: 1024, height: 1024 });
  });
});

describe("the studio session (reducer)", () => {
  const fresh = (): StudioSession => sessionFromSearchParams(new URLSearchParams(""));
  const tarot = "https://huggingface.co/multimodalart/flux-tarot-v1";

  it("a sweep pins a random seed, and leaving Explore lets it go", () => {
    let s = studioReducer(fresh(), { type: "mode", mode: "explore" });
    s = studioReducer(s, { type: "sweepStarted", seed: 314 });
    expect(s.recipe).toMatchObject({ seed: 314, randomSeed: false });
    s = studioReducer(s, { type: "mode", mode: "single" });
    expect(s.recipe.randomSeed).toBe(true);
    expect(s.sweepSeed).toBeNull();
  });

  it("a seed the person set stays fixed when Explore is left", () => {
    let s = studioReducer(studioReducer(fresh(), { type: "mode", mode: "explore" }), { type: "sweepStarted", seed: 314 });
    s = studioReducer(s, { type: "fixSeed", seed: 77 });
    s = studioReducer(s, { type: "mode", mode: "single" });
    expect(s.recipe).toMatchObject({ seed: 77, randomSeed: false });
    // And a seed fixed before the sweep is never touched by it.
    let t = studioReducer(studioReducer(fresh(), { type: "fixSeed", seed: 5 }), { type: "mode", mode: "explore" });
    t = studioReducer(t, { type: "sweepStarted", seed: 999 });
    expect(t.recipe.seed).toBe(5);
    expect(studioReducer(t, { type: "mode", mode: "single" }).recipe).toMatchObject({ seed: 5, randomSeed: false });
  });

  it("a single generation's random seed stays random", () => {
    const s = studioReducer(fresh(), { type: "drewSeed", seed: 8 });
    expect(s.recipe).toMatchObject({ seed: 8, randomSeed: true });
  });

  it("a new model brings its default steps and guidance, and keeps the rest", () => {
    const flux2 = getIn(shippedCatalog, "black-forest-labs/FLUX.2-dev");
    const s = studioReducer(studioReducer(fresh(), { type: "edit", patch: { prompt: "a cat", steps: 4 } }), { type: "chooseModel", model: flux2 });
    expect(s.recipe).toMatchObject({ prompt: "a cat", model: flux2.id, steps: flux2.defaults.steps, guidance: flux2.defaults.guidance });
  });

  it("slot defaults apply only while the slot still holds that link and no phrase was chosen", () => {
    let s = studioReducer(fresh(), { type: "slot", index: 0, update: (slot) => ({ ...slot, path: tarot }) });
    const defaults: StudioAction = { type: "slotDefaults", index: 0, path: tarot, scale: 0.85, triggers: ["trtcrd"] };
    expect(studioReducer(s, defaults).recipe.loras[0]).toEqual({ path: tarot, scale: 0.85, triggers: ["trtcrd"] });
    // The person pasted something else meanwhile: the late answer is dropped.
    s = studioReducer(s, { type: "slot", index: 0, update: (slot) => ({ ...slot, path: "https://huggingface.co/a/b" }) });
    expect(studioReducer(s, defaults)).toBe(s);
  });

  it("swaps and removes slots", () => {
    let s = studioReducer(fresh(), { type: "slot", index: 0, update: (slot) => ({ ...slot, path: tarot, scale: 0.4 }) });
    s = studioReducer(s, { type: "swapSlots" });
    expect(s.recipe.loras[0].path).toBe("");
    expect(s.recipe.loras[1]).toMatchObject({ path: tarot, scale: 0.4 });
    expect(studioReducer(s, { type: "removeSlot", index: 1 }).recipe.loras[1]).toEqual(emptySlot());
  });
});

describe("the studio's address", () => {
  it("round-trips the recipe, Explore's settings and the last sweep", () => {
    const session: StudioSession = { recipe, mode: "explore", explore: { vary: "both", x: "0.3, 0.6", y: "0.5, 1.5", baseline: true }, sweepSeed: null };
    const params = sessionToSearchParams(session, shippedCatalog, "sweep-1");
    expect(sweepIdOf(params)).toBe("sweep-1");
    expect(sessionFromSearchParams(params)).toEqual(session);
  });

  it("single-image mode leaves Explore's settings out", () => {
    const params = sessionToSearchParams({ recipe, mode: "single", explore: { vary: "lora2", x: "0.1", y: "0.2", baseline: true }, sweepSeed: 3 });
    expect([...params.keys()].filter((k) => ["mode", "vary", "sx", "sy", "base"].includes(k))).toEqual([]);
  });

  it("uses only the keys the URL layer knows", () => {
    const known = new Set<string>([...STUDIO_QUERY_KEYS.single, ...STUDIO_QUERY_KEYS.repeated]);
    const session: StudioSession = { recipe: { ...recipe, model: "black-forest-labs/FLUX.2-dev", guidance: 7 }, mode: "explore", explore: { vary: "both", x: "0.3", y: "1", baseline: true }, sweepSeed: null };
    const keys = [...sessionToSearchParams(session, shippedCatalog, "s").keys()];
    expect(keys.filter((k) => !known.has(k))).toEqual([]);
    // Repeated keys are exactly the ones that can appear more than once.
    for (const k of STUDIO_QUERY_KEYS.repeated) expect(keys).toContain(k);
  });

  it("replaces every studio key in the address and keeps the others", () => {
    const current = new URLSearchParams("utm_source=mail&p=old&seed=1&t1=a&t1=b&sweep=s1");
    expect(studioSearch(current, new URLSearchParams("p=a lighthouse&model=m&t1=c"))).toBe("?utm_source=mail&p=a+lighthouse&model=m&t1=c");
    expect(studioSearch(new URLSearchParams("p=old&seed=1"), new URLSearchParams())).toBe("");
    expect(studioSearch(new URLSearchParams("ref=x"), new URLSearchParams())).toBe("?ref=x");
    // Readable where a query allows it, and read back the same.
    const readable = studioSearch(new URLSearchParams(), new URLSearchParams({ model: "black-forest-labs/FLUX.1-dev", sx: "0.3, 0.6", l1: "https://x.test/a b.safetensors?t=1&u=2" }));
    expect(readable).toBe("?model=black-forest-labs/FLUX.1-dev&sx=0.3,+0.6&l1=https://x.test/a+b.safetensors%3Ft%3D1%26u%3D2");
    expect(Object.fromEntries(new URLSearchParams(readable))).toEqual({ model: "black-forest-labs/FLUX.1-dev", sx: "0.3, 0.6", l1: "https://x.test/a b.safetensors?t=1&u=2" });
  });
});

describe("slot defaults without a remembered scale", () => {
  it("keep the slot's scale", () => {
    const path = "https://huggingface.co/a/b";
    const s = studioReducer(sessionFromSearchParams(new URLSearchParams(`l1=${encodeURIComponent(path)}&s1=0.4`)), { type: "slotDefaults", index: 0, path, scale: null, triggers: ["tok"] });
    expect(s.recipe.loras[0]).toEqual({ path, scale: 0.4, triggers: ["tok"] });
  });
});
