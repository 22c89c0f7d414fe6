import { describe, expect, it } from "vitest";
import { CatalogFileError, mergeCatalog, parseCatalogFile, shippedCatalog } from "@/lib/models/catalog";

const entry = () => structuredClone(shippedCatalog.models[0]);

describe("the operator's models file", () => {
  it("takes entries shaped exactly like the shipped ones: a dedicated endpoint added, a shipped model overridden by id", () => {
    const dedicated = { ...entry(), id: "acme-org/flux-dev-lora-endpoint-1a2b", label: "FLUX.1 [dev] on our endpoint", deprecated: false };
    const cheaper = { ...entry(), pricing: { ...entry().pricing, microUsdPerMegapixel: 25_000 } };
    const merged = mergeCatalog(shippedCatalog, parseCatalogFile({ models: [dedicated, cheaper] }, "models.json"));
    expect(merged.models.map((m) => m.id)).toEqual([...shippedCatalog.models.map((m) => m.id), "acme-org/flux-dev-lora-endpoint-1a2b"]);
    expect(merged.models[0].pricing).toMatchObject({ microUsdPerMegapixel: 25_000 });
    expect(merged.defaultModel).toBe(shippedCatalog.defaultModel);
  });

  it("may change the default model, to one of the models", () => {
    expect(mergeCatalog(shippedCatalog, parseCatalogFile({ defaultModel: "fal-ai/flux-2/lora", models: [] }, "f")).defaultModel).toBe("fal-ai/flux-2/lora");
    expect(() => mergeCatalog(shippedCatalog, parseCatalogFile({ defaultModel: "nope", models: [] }, "f"), "models.json")).toThrow('models.json: defaultModel: "nope" is not one of the models');
  });

  it.each([
    ["a wrong field type", (e: Record<string, unknown>) => ((e.pricing as Record<string, unknown>).microUsdPerMegapixel = "35000"), /^models\.json: model "black-forest-labs\/FLUX\.1-dev-lora" \(models\[0\]\): pricing\.microUsdPerMegapixel: /],
    ["an unknown provider", (e: Record<string, unknown>) => (e.provider = "replicate"), /model "black-forest-labs\/FLUX\.1-dev-lora" \(models\[0\]\): provider: /],
    ["a misspelt key", (e: Record<string, unknown>) => ((e.limits as Record<string, unknown>).maxLora = 2), /limits: .*maxLora/],
    ["a missing limit", (e: Record<string, unknown>) => delete (e.limits as Record<string, unknown>).maxImages, /limits\.maxImages: /],
    ["an unknown pricing mode", (e: Record<string, unknown>) => ((e.pricing as Record<string, unknown>).mode = "per-second"), /pricing\.mode: /],
    ["min above max", (e: Record<string, unknown>) => ((e.limits as Record<string, unknown>).minSize = 4000), /limits\.minSize: minSize is larger than maxSize/],
  ])("refuses %s, naming the file, the model and the field", (_what, spoil, message) => {
    const e = entry() as unknown as Record<string, unknown>;
    spoil(e);
    expect(() => parseCatalogFile({ models: [e] }, "models.json")).toThrow(CatalogFileError);
    expect(() => parseCatalogFile({ models: [e] }, "models.json")).toThrow(message);
  });

  it("refuses a file that is not {models: [...]}, and a duplicated id", () => {
    expect(() => parseCatalogFile([entry()], "m.json")).toThrow(/^m\.json: .*expected \{"models"/);
    expect(() => parseCatalogFile({ models: [entry(), entry()] }, "m.json")).toThrow(/models\[1\]\): id: .* appears twice/);
    expect(() => parseCatalogFile({ models: [{ label: "x" }] }, "m.json")).toThrow(/^m\.json: models\[0\]: /);
  });

  it("the shipped catalog lists each model's provider, and every entry round-trips through the operator schema", () => {
    expect(new Set(shippedCatalog.models.map((m) => m.provider))).toEqual(new Set(["together", "fal"]));
    expect(parseCatalogFile(JSON.parse(JSON.stringify({ models: shippedCatalog.models })), "copy").models).toEqual(shippedCatalog.models);
  });
});
