import { defaultModel, getModel } from "@/lib/models/catalog";
import type { GenerationInput } from "@/lib/generation/schema";
import { MAX_SEED } from "@/lib/generation/schema";

export interface LoraSlot {
  path: string;
  scale: number;
}

/** Everything the studio form holds; plain data so it can later live in the URL. */
export interface StudioState {
  prompt: string;
  model: string;
  width: number;
  height: number;
  steps: number;
  n: number;
  seed: number;
  randomSeed: boolean;
  loras: [LoraSlot, LoraSlot];
}

export function initialStudioState(): StudioState {
  return {
    prompt: "",
    model: defaultModel.id,
    width: defaultModel.defaults.width,
    height: defaultModel.defaults.height,
    steps: defaultModel.defaults.steps,
    n: 1,
    seed: 42,
    randomSeed: true,
    loras: [
      { path: "", scale: 1 },
      { path: "", scale: 1 },
    ],
  };
}

export function randomSeed(): number {
  return Math.floor(Math.random() * (MAX_SEED + 1));
}

/** State → the action's input. Empty LoRA slots are left out; the seed is drawn now if random. */
export function toGenerationInput(state: StudioState, seed: number, clientRequestId: string): GenerationInput {
  const model = getModel(state.model);
  return {
    clientRequestId,
    prompt: state.prompt,
    model: state.model,
    width: state.width,
    height: state.height,
    steps: state.steps,
    n: state.n,
    seed,
    guidance: model.defaults.guidance,
    loras: state.loras.filter((l) => l.path.trim()).map((l) => ({ path: l.path.trim(), scale: l.scale, triggers: [] })),
  };
}
