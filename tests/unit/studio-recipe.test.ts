import { describe, expect, it } from "vitest";
import { buildImageRequest } from "@/lib/generation/build-request";
import { getIn, shippedCatalog } from "@/lib/models/catalog";
import { generationInputSchema, type GenerationInput } from "@/lib/generation/schema";
import { stateFromGeneration, studioHref, type RecipeSource } from "@/lib/studio/from-generation";
import { stateFromSearchParams, toGenerationInput } from "@/lib/studio/state";

// A stored result → a studio link → the studio's request: the same body as the original's.

const TAROT = "https://huggingface.co/multimodalart/flux-tarot-v1";
const TRIGGER = "in the style of TOK a trtcrd tarot style";
const original: GenerationInput = {
  clientRequestId: "11111111-1111-4111-8111-111111111111",
  prompt: "a lighthouse keeper",
  model: "black-forest-labs/FLUX.2-dev",
  width: 512,
  height: 640,
  steps: 12,
  n: 2,
  seed: 777,
  guidance: 5,
  loras: [
    { path: TAROT, scale: 0.7, triggers: [TRIGGER] },
    { path: "https://replicate.com/fofr/flux-black-light", scale: 0.4, triggers: [] },
  ],
  customTriggers: ["film grain"],
  triggerPlacement: "after",
};
const sentBody = buildImageRequest(generationInputSchema.parse(original));

/** What the database gives back for `original` (what lib/generation/generate.ts stores). */
const stored: RecipeSource = {
  userPrompt: original.prompt,
  prompt: sentBody.prompt,
  model: original.model,
  width: 512,
  height: 640,
  steps: 12,
  n: 2,
  seed: 777,
  guidance: 5,
  customTriggers: ["film grain"],
  triggerPlacement: "after",
  loras: [
    { position: 1, path: TAROT, scale: 0.7, triggers: [TRIGGER] },
    { position: 2, path: "https://replicate.com/fofr/flux-black-light", scale: 0.4, triggers: [] },
  ],
};

function rerunBody(source: RecipeSource, keepSeed = true) {
  const href = studioHref(source, { keepSeed });
  const state = stateFromSearchParams(new URLSearchParams(href.slice(href.indexOf("?") + 1)));
  const input = toGenerationInput(state, state.seed, "22222222-2222-4222-8222-222222222222");
  return { state, body: buildImageRequest(generationInputSchema.parse(input)) };
}

describe("recipe links from a stored result", () => {
  it("Re-run same seed rebuilds the identical request: model, LoRAs, scales, phrases on, custom phrases, placement, size, steps, guidance, seed, n", () => {
    expect(sentBody.prompt).toBe(`a lighthouse keeper, ${TRIGGER}, film grain`);
    expect(rerunBody(stored).body).toEqual(sentBody);
  });

  it("a result on the default model with default settings still names them all, so a link opens the same request anywhere", () => {
    const model = getIn(shippedCatalog, shippedCatalog.defaultModel);
    const plain: RecipeSource = { ...stored, model: model.id, width: model.defaults.width, height: model.defaults.height, steps: model.defaults.steps, n: 1, guidance: model.defaults.guidance };
    const params = new URL(studioHref(plain), "http://x").searchParams;
    expect(Object.fromEntries(["model", "w", "h", "steps", "n", "g", "seed"].map((k) => [k, params.get(k)]))).toEqual({
      model: model.id,
      w: String(model.defaults.width),
      h: String(model.defaults.height),
      steps: String(model.defaults.steps),
      n: "1",
      g: String(model.defaults.guidance),
      seed: "777",
    });
    // Opened by a person whose studio defaults to another model, it is still this model.
    const person = { ...shippedCatalog, defaultModel: shippedCatalog.models.find((m) => m.id !== model.id)!.id };
    expect(stateFromSearchParams(params, person).model).toBe(model.id);
  });

  it("Remix keeps everything but the seed", () => {
    const { state, body } = rerunBody(stored, false);
    expect(state.randomSeed).toBe(true);
    expect({ ...body, seed: 777 }).toEqual(sentBody);
  });

  it("a trigger that was off stays off", () => {
    const off = { ...stored, prompt: "a lighthouse keeper, film grain", loras: [{ ...stored.loras[0], triggers: [] }] };
    expect(rerunBody(off).body.prompt).toBe("a lighthouse keeper, film grain");
    expect(stateFromGeneration(off).loras[0].triggers).toEqual([]);
  });

  it("a result from before phrases were kept re-sends its exact prompt", () => {
    const legacy: RecipeSource = { ...stored, customTriggers: null, triggerPlacement: null, loras: stored.loras.map((l) => ({ ...l, triggers: null })) };
    const { state, body } = rerunBody(legacy);
    expect(state.prompt).toBe(sentBody.prompt);
    expect(state.customTriggers).toEqual([]);
    expect(body).toEqual(sentBody);
    // Without phrases the typed prompt is what was sent, and it stays the prompt.
    expect(stateFromGeneration({ ...legacy, prompt: "a lighthouse keeper", loras: [] }).prompt).toBe("a lighthouse keeper");
  });
});
