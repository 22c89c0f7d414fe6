import type { ImageModel } from "@/lib/models/catalog";
import { getCatalog } from "@/lib/models/registry";
import type { LoraBase, LoraVerdict } from "./card";
import { verdictFor, type LoraClassification } from "./classify";

const LABEL: Record<LoraBase, string> = { flux1: "FLUX.1", flux2: "FLUX.2", sd15: "SD 1.5", sdxl: "SDXL", unknown: "unknown" };

/** When only the source's stated base model is known (the file could not be read). */
function verdictFromStatedBase(base: LoraBase, model: ImageModel, models: readonly ImageModel[]): LoraVerdict {
  if (base === "unknown") return { status: "unknown", reason: "neither the file nor its page says which base model it was made for" };
  if (base === "sd15" || base === "sdxl") {
    return { status: "incompatible", reason: `its page says it is an ${LABEL[base]} LoRA, not FLUX — FLUX models reject it` };
  }
  if (model.loraFamily === base) return { status: "compatible", reason: `its page says ${LABEL[base]} (the file itself was not inspected)` };
  const fit = models.find((m) => m.loraFamily === base && !m.deprecated) ?? models.find((m) => m.loraFamily === base);
  return { status: "incompatible", reason: `its page says it is a ${LABEL[base]} LoRA${fit ? ` — pick ${fit.label}` : ""}` };
}

/** A verdict per catalog model: the file's header decides when it was read, the stated base otherwise. */
export function cardVerdicts(inspection: LoraClassification | null, statedBase: LoraBase, models: readonly ImageModel[] = getCatalog().models): Record<string, LoraVerdict> {
  return Object.fromEntries(
    models.map((model) => [model.id, inspection ? verdictFor(inspection, model, models) : verdictFromStatedBase(statedBase, model, models)]),
  );
}

/**
 * A cached card's verdicts for the catalog this server runs with now: a model the operator
 * added after the card was cached (or a fal model) gets its verdict from what the card knows.
 */
export function withCurrentVerdicts<T extends { inspection: LoraClassification | null; base: LoraBase; verdicts: Record<string, LoraVerdict> }>(card: T): T {
  return { ...card, verdicts: cardVerdicts(card.inspection, card.base) };
}
