import type { ProviderMode, ProviderModes } from "@/lib/providers/modes";
import { providerLabel } from "@/lib/providers/names";
import type { Catalog, ImageModel } from "./catalog";
import type { DiscoverySnapshot } from "./discovery";
import { isListed } from "./discovery";
import type { Refusal } from "./refusal-rules";

/**
 * Each catalog model as the studio shows it (pure): its provider's mode for this person,
 * whether Together still lists it, what was learned about it, and its price — Together's
 * published one when discovery found it, the catalog's otherwise.
 */
export interface ModelState {
  mode: ProviderMode;
  /** Listed by the provider for this key; null when unknown (fal, offline, never read). */
  listed: boolean | null;
  refusal: Refusal | null;
  priceFrom: "catalog" | "provider";
}

export interface StudioModel {
  /** The catalog entry, pricing replaced by the provider's published price when known. */
  model: ImageModel;
  state: ModelState;
}

export interface ModelFacts {
  modes: ProviderModes;
  /** Together's list for this person's key. */
  together: DiscoverySnapshot;
  refusals: readonly Refusal[];
}

export function studioModels(catalog: Catalog, facts: ModelFacts): StudioModel[] {
  return catalog.models.map((model) => {
    const listed = model.provider === "together" && facts.modes.together !== "needs-key" ? isListed(facts.together, model.id) : null;
    const published = model.provider === "together" ? facts.together.models.find((m) => m.id === model.id)?.pricing : null;
    // Learned refusals matter first for the kind that stops a paid attempt; any one is shown.
    const refusals = facts.refusals.filter((r) => r.model === model.id);
    const refusal = refusals.find((r) => r.kind !== "loras_refused") ?? refusals[0] ?? null;
    return {
      model: published ? { ...model, pricing: published } : model,
      state: { mode: facts.modes[model.provider], listed, refusal, priceFrom: published ? "provider" : "catalog" },
    };
  });
}

/** Short words shown beside a model's name, most important first. */
export function modelBadges(m: StudioModel): string[] {
  const out: string[] = [];
  const provider = providerLabel(m.model.provider);
  if (m.state.mode === "needs-key") out.push(`needs a ${provider} key`);
  if (m.state.refusal?.kind === "loras_refused") out.push("LoRAs refused");
  else if (m.state.refusal?.kind === "not_available") out.push(`not offered by ${provider} for this key`);
  else if (m.state.refusal?.kind === "data_sharing_blocked") out.push("needs data sharing allowed");
  if (m.state.listed === false && m.state.refusal?.kind !== "not_available") out.push(`not offered by ${provider} for this key`);
  if (m.model.deprecated) out.push("deprecated");
  if (!m.model.pricing.published) out.push("price not published");
  if (m.state.mode === "simulated") out.push("simulated");
  return out;
}

/** Whether a model can be tried at all (with or without LoRAs). */
export function usable(m: StudioModel): boolean {
  return m.state.mode !== "needs-key" && m.state.listed !== false && (m.state.refusal === null || m.state.refusal.kind === "loras_refused");
}

/**
 * The model a fresh studio opens with: the operator's default when it can work here, else a
 * working Together model, else any working model; never one known to refuse LoRAs.
 */
export function chooseDefaultModel(models: readonly StudioModel[], catalogDefault: string): string {
  const good = models.filter((m) => usable(m) && m.state.refusal === null);
  const preferred = good.find((m) => m.model.id === catalogDefault);
  if (preferred) return preferred.model.id;
  const pick =
    good.find((m) => m.model.provider === "together" && !m.model.deprecated) ??
    good.find((m) => !m.model.deprecated) ??
    good[0];
  return pick?.model.id ?? catalogDefault;
}

/** The catalog the studio validates with: effective prices, and the default chosen above. */
export function studioCatalog(models: readonly StudioModel[], catalogDefault: string): Catalog {
  return { defaultModel: chooseDefaultModel(models, catalogDefault), models: models.map((m) => m.model) };
}

export interface ModelNotice {
  /** warn: generation goes ahead; block: Generate is held back and says why. */
  tone: "info" | "warn" | "block";
  text: string;
  /** A model that can do the job instead (same LoRA family, usable, nothing refused). */
  alternative: StudioModel | null;
}

/** The working model of the same LoRA family on another provider or id, if any. */
export function alternativeFor(selected: StudioModel, models: readonly StudioModel[]): StudioModel | null {
  const candidates = models.filter((m) => m.model.id !== selected.model.id && m.model.loraFamily === selected.model.loraFamily && usable(m) && m.state.refusal === null && m.state.listed !== false);
  return candidates.find((m) => !m.model.deprecated) ?? candidates[0] ?? null;
}

/**
 * What the studio says under the Model select before anything is paid: why a model cannot
 * run here (needs a key, refused LoRAs last time, not offered), or what to know (deprecated).
 */
export function modelNotice(selected: StudioModel, models: readonly StudioModel[], hasLoras: boolean): ModelNotice | null {
  const provider = providerLabel(selected.model.provider);
  const alternative = alternativeFor(selected, models);
  const instead = alternative ? ` Try ${alternative.model.label} on ${providerLabel(alternative.model.provider)}.` : "";
  const { state } = selected;
  if (state.mode === "needs-key") {
    return { tone: "block", alternative, text: `${selected.model.label} runs on ${provider}, and this server has no ${provider} key. Add your own key with “Use your own key”, or pick another model.${instead}` };
  }
  if (state.refusal && (state.refusal.kind !== "loras_refused" || hasLoras)) {
    return { tone: "block", alternative, text: `${state.refusal.message}${instead && !state.refusal.message.includes(alternative!.model.label) ? instead : ""}` };
  }
  if (state.refusal?.kind === "loras_refused") {
    return { tone: "warn", alternative, text: `${provider} refused LoRAs on ${selected.model.label}; without LoRAs it may still work.${instead}` };
  }
  if (state.listed === false) {
    return { tone: "block", alternative, text: `Not offered by ${provider} for this key: its model list no longer has ${selected.model.label}.${instead}` };
  }
  if (selected.model.deprecated) return { tone: "warn", alternative, text: `${provider} marks ${selected.model.label} deprecated: it may stop answering.${instead}` };
  return null;
}
