import { describe, expect, it } from "vitest";
import { shippedCatalog } from "@/lib/models/catalog";
import { isListed, NEVER_DISCOVERED, newImageModels, parseModelList, type DiscoverySnapshot } from "@/lib/models/discovery";
import { blockingRefusal, modelFingerprint, refusalHolds, refusalKindOf, type Refusal } from "@/lib/models/refusal-rules";
import { chooseDefaultModel, modelBadges, modelNotice, studioModels } from "@/lib/models/status";
import { providerModes, type ProviderModes } from "@/lib/providers/modes";

const FLUX1 = "black-forest-labs/FLUX.1-dev-lora";
const FLUX2 = "black-forest-labs/FLUX.2-dev";
const live: ProviderModes = { together: "live", fal: "live" };
const snapshot = (models: unknown[]): DiscoverySnapshot => ({ status: "ok", fetchedAt: "2026-12-03T09:00:00Z", error: null, models: parseModelList(models) });
const listing = (id: string, pricing?: unknown) => ({ id, object: "model", created: 1, type: "image", pricing });
const refusal = (model: string, kind: Refusal["kind"]): Refusal => ({ model, kind, message: `${kind} for ${model}.`, learnedAt: "2026-12-03T09:00:00Z" });

describe("provider modes", () => {
  const none = { together: false, fal: false };
  it("no key anywhere: every provider simulated (a demo that says so)", () => {
    expect(providerModes({ deployment: none, forceSimulator: false, own: none })).toEqual({ together: "simulated", fal: "simulated" });
  });
  it("only FAL_KEY: fal live, Together waits for a key rather than being silently simulated", () => {
    expect(providerModes({ deployment: { together: false, fal: true }, forceSimulator: false, own: none })).toEqual({ together: "needs-key", fal: "live" });
  });
  it("a person's own key is live even when the simulator is forced", () => {
    expect(providerModes({ deployment: { together: true, fal: false }, forceSimulator: true, own: { together: false, fal: true } })).toEqual({ together: "simulated", fal: "live" });
  });
});

describe("Together's model list", () => {
  it("reads a bare array, skips entries without an id, and reads image prices in both forms seen", () => {
    const models = parseModelList([
      listing(FLUX2, { hourly: 0, input: 0, output: 0, base: 0, finetune: 0, image: { price: 0.0154 } }),
      listing("black-forest-labs/FLUX.2-max", { image_pixel: { price_per_megapixel: 0.07 } }),
      { object: "model" },
      { id: "meta/llama", type: "chat", pricing: { input: 0.2, output: 0.2 } },
    ]);
    expect(models.map((m) => [m.id, m.type, m.pricing?.mode ?? null])).toEqual([
      [FLUX2, "image", "per-image"],
      ["black-forest-labs/FLUX.2-max", "image", "per-megapixel"],
      ["meta/llama", "chat", null],
    ]);
    expect(models[0].pricing).toMatchObject({ microUsdPerImage: 15_400, published: true });
    expect(models[1].pricing).toMatchObject({ microUsdPerMegapixel: 70_000 });
  });
  it("refuses an answer that is not a list", () => {
    expect(() => parseModelList({ error: "no" })).toThrow(/not a JSON array/);
  });
  it("knows nothing before a successful read; names image models the catalog lacks", () => {
    expect(isListed(NEVER_DISCOVERED, FLUX1)).toBeNull();
    const s = snapshot([listing(FLUX2), listing("ideogram/ideogram-4.0")]);
    expect(isListed(s, FLUX1)).toBe(false);
    expect(newImageModels(s, new Set(shippedCatalog.models.map((m) => m.id))).map((m) => m.id)).toEqual(["ideogram/ideogram-4.0"]);
  });
});

describe("models as the studio shows them", () => {
  it("a catalog model Together no longer lists is 'not offered by Together for this key'; Together's price wins", () => {
    const models = studioModels(shippedCatalog, { modes: live, together: snapshot([listing(FLUX2, { image: { price: 0.02 } })]), refusals: [] });
    const flux1 = models.find((m) => m.model.id === FLUX1)!;
    const flux2 = models.find((m) => m.model.id === FLUX2)!;
    expect(flux1.state.listed).toBe(false);
    expect(modelBadges(flux1)).toContain("not offered by Together AI for this key");
    expect(flux2.model.pricing).toMatchObject({ mode: "per-image", microUsdPerImage: 20_000, published: true });
    expect(flux2.state.priceFrom).toBe("provider");
    expect(modelBadges(flux2)).not.toContain("price not published");
  });

  it("offline (never read): nothing is claimed about listing, and the catalog's price stands", () => {
    const models = studioModels(shippedCatalog, { modes: live, together: NEVER_DISCOVERED, refusals: [] });
    expect(models.every((m) => m.state.listed === null)).toBe(true);
    expect(modelBadges(models.find((m) => m.model.id === FLUX2)!)).toContain("price not published");
  });

  it("a model known to refuse LoRAs blocks a LoRA request and offers the fal model of the same family", () => {
    const models = studioModels(shippedCatalog, { modes: live, together: NEVER_DISCOVERED, refusals: [refusal(FLUX2, "loras_refused")] });
    const flux2 = models.find((m) => m.model.id === FLUX2)!;
    const notice = modelNotice(flux2, models, true)!;
    expect(notice.tone).toBe("block");
    expect(notice.alternative?.model.id).toBe("fal-ai/flux-2/lora");
    expect(modelNotice(flux2, models, false)!.tone).toBe("warn");
  });

  it("the default model: the operator's when it works; only FAL_KEY → a fal model; never one known to refuse LoRAs", () => {
    const all = (modes: ProviderModes, refusals: Refusal[] = []) => studioModels(shippedCatalog, { modes, together: NEVER_DISCOVERED, refusals });
    expect(chooseDefaultModel(all(live), FLUX1)).toBe(FLUX1);
    expect(chooseDefaultModel(all({ together: "needs-key", fal: "live" }), FLUX1)).toBe("fal-ai/flux-lora");
    expect(chooseDefaultModel(all(live, [refusal(FLUX1, "not_available")]), FLUX1)).toBe(FLUX2);
    expect(chooseDefaultModel(all(live, [refusal(FLUX1, "not_available"), refusal(FLUX2, "loras_refused")]), FLUX1)).toBe("fal-ai/flux-lora");
  });
});

describe("learned refusals", () => {
  const model = shippedCatalog.models.find((m) => m.id === FLUX2)!;
  const row = (kind: string, at = new Date("2026-12-03T09:00:00Z")) => ({ kind, catalogFingerprint: modelFingerprint(model), updatedAt: at });
  it("come from the three provider answers only", () => {
    expect(refusalKindOf("model_refuses_loras")).toBe("loras_refused");
    expect(refusalKindOf("model_not_available")).toBe("not_available");
    expect(refusalKindOf("data_sharing_blocked")).toBe("data_sharing_blocked");
    expect(refusalKindOf("rate_limited")).toBeNull();
  });
  it("hold until the catalog entry changes or discovery lists the model again", () => {
    const never = () => false;
    expect(refusalHolds(row("loras_refused"), model, never)).toBe(true);
    expect(refusalHolds(row("loras_refused"), { ...model, limits: { ...model.limits, maxLoras: 1 } }, never)).toBe(false);
    expect(refusalHolds(row("not_available"), model, () => true)).toBe(false);
    expect(refusalHolds(row("loras_refused"), model, () => true)).toBe(true);
  });
  it("only a LoRA refusal lets a request without LoRAs through", () => {
    expect(blockingRefusal([refusal(FLUX2, "loras_refused")], FLUX2, false)).toBeNull();
    expect(blockingRefusal([refusal(FLUX2, "loras_refused")], FLUX2, true)?.kind).toBe("loras_refused");
    expect(blockingRefusal([refusal(FLUX2, "not_available")], FLUX2, false)?.kind).toBe("not_available");
  });
});
