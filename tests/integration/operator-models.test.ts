import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

// LORASCOPE_MODELS: an operator's file adds or overrides models by id with no rebuild; a bad
// one is refused at start with a sentence naming the file, the model and the field.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-operator-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const saved = { ...process.env };
afterAll(() => void (process.env = saved));

async function startWith(file: string | null) {
  vi.resetModules();
  process.env = { ...saved, LORASCOPE_MODELS: file ?? "", LORASCOPE_SIMULATOR_CASES: "" };
  return {
    startup: await import("@/lib/startup"),
    registry: await import("@/lib/models/registry"),
    shipped: (await import("@/lib/models/catalog")).shippedCatalog,
  };
}

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
}

describe("the operator's models file", () => {
  it("adds a dedicated endpoint and overrides a shipped price; the default can move", async () => {
    const { shipped } = await startWith(null);
    const endpoint = { ...shipped.models[1], id: "acme/FLUX.2-dev-lora-dedicated", label: "FLUX.2 [dev] (our endpoint)", pricing: { mode: "per-image", microUsdPerImage: 9000, stepsFactor: "none", published: true } };
    const file = write("good.json", { defaultModel: "acme/FLUX.2-dev-lora-dedicated", models: [endpoint, { ...shipped.models[0], deprecated: false }] });
    const { startup, registry } = await startWith(file);
    expect(startup.checkConfiguration()).toBeNull();
    expect(registry.getCatalog().defaultModel).toBe("acme/FLUX.2-dev-lora-dedicated");
    expect(registry.getModel("acme/FLUX.2-dev-lora-dedicated")).toMatchObject({ provider: "together", label: "FLUX.2 [dev] (our endpoint)" });
    expect(registry.getModel("black-forest-labs/FLUX.1-dev-lora").deprecated).toBe(false);
    expect(registry.getCatalog().models).toHaveLength(shipped.models.length + 1);
  });

  it("a bad field stops the start with the file, the model and the field named", async () => {
    const { shipped } = await startWith(null);
    const file = write("bad.json", { models: [{ ...shipped.models[0], limits: { ...shipped.models[0].limits, maxImages: "four" } }] });
    const { startup } = await startWith(file);
    expect(startup.checkConfiguration()).toMatch(new RegExp(`^LORASCOPE_MODELS=${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: model "black-forest-labs/FLUX\\.1-dev-lora" \\(models\\[0\\]\\): limits\\.maxImages: `));
  });

  it("an unreadable or malformed file says so", async () => {
    expect((await startWith(path.join(dir, "missing.json"))).startup.checkConfiguration()).toMatch(/missing\.json: cannot read the file \(ENOENT\)/);
    expect((await startWith(write("broken.json", "{ models: "))).startup.checkConfiguration()).toMatch(/broken\.json: not valid JSON/);
  });

  it("a bad LORASCOPE_SIMULATOR_CASES stops the start too", async () => {
    vi.resetModules();
    process.env = { ...saved, LORASCOPE_MODELS: "", LORASCOPE_SIMULATOR_CASES: "flux=broken" };
    const { checkConfiguration } = await import("@/lib/startup");
    expect(checkConfiguration()).toMatch(/^LORASCOPE_SIMULATOR_CASES: "flux=broken" is not model=case/);
  });
});
