import { loraDisplayName } from "@/lib/loras/link";
import type { GenerationView } from "@/lib/generation/view";
import { findModel } from "@/lib/models/registry";
import type { SharedResult } from "@/lib/sharing/view";
import type { CompareParams } from "./diff";

/** An owner's result as the compare page lines it up (LoRA names read from their links). */
export function paramsFromGeneration(g: GenerationView): CompareParams {
  return {
    userPrompt: g.userPrompt,
    prompt: g.prompt,
    modelLabel: findModel(g.model)?.label ?? g.model,
    width: g.width,
    height: g.height,
    steps: g.steps,
    n: g.n,
    seed: g.seed,
    guidance: g.guidance,
    provider: g.provider,
    loras: g.loras.map((l) => ({ position: l.position, name: loraDisplayName(l.path), path: l.path, scale: l.scale })),
    costMicroUsd: g.costMicroUsd,
  };
}

/** A shared result (its LoRAs already named from their cards). */
export function paramsFromShared(r: SharedResult): CompareParams {
  return {
    userPrompt: r.userPrompt,
    prompt: r.prompt,
    modelLabel: r.modelLabel,
    width: r.width,
    height: r.height,
    steps: r.steps,
    n: r.n,
    seed: r.seed,
    guidance: r.guidance,
    provider: r.provider,
    loras: r.loras.map((l) => ({ position: l.position, name: l.name, path: l.path, scale: l.scale })),
    costMicroUsd: r.costMicroUsd,
  };
}
