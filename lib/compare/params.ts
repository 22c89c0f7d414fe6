import { pickParameters } from "@/lib/db/generation-columns";
import { loraDisplayName } from "@/lib/loras/link";
import type { GenerationView } from "@/lib/generation/view";
import { findModel } from "@/lib/models/registry";
import type { SharedResult } from "@/lib/sharing/view";
import type { CompareParams } from "./diff";

/** The parameters the table shows by value: the model goes by its label instead. */
function shownParameters(source: GenerationView | SharedResult) {
  const { model: _model, ...shown } = pickParameters(source);
  return shown;
}

/** An owner's result as the compare page lines it up (LoRA names read from their links). */
export function paramsFromGeneration(g: GenerationView): CompareParams {
  return {
    ...shownParameters(g),
    userPrompt: g.userPrompt,
    prompt: g.prompt,
    modelLabel: findModel(g.model)?.label ?? g.model,
    provider: g.provider,
    loras: g.loras.map((l) => ({ position: l.position, name: loraDisplayName(l.path), path: l.path, scale: l.scale })),
    costMicroUsd: g.costMicroUsd,
  };
}

/** A shared result (its LoRAs already named from their cards). */
export function paramsFromShared(r: SharedResult): CompareParams {
  return {
    ...shownParameters(r),
    userPrompt: r.userPrompt,
    prompt: r.prompt,
    modelLabel: r.modelLabel,
    provider: r.provider,
    loras: r.loras.map((l) => ({ position: l.position, name: l.name, path: l.path, scale: l.scale })),
    costMicroUsd: r.costMicroUsd,
  };
}
