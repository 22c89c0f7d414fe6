/**
 * How the simulator can be told to behave like Together does today for a model, so a person
 * (and the tests) can see each case without a key. LORASCOPE_SIMULATOR_CASES is a comma list
 * of `model=case`, or a named preset:
 *   together-2026-10   FLUX.1-dev-lora answers 404, FLUX.2-dev refuses image_loras
 *                      (Together's guidance for agents, as of 2026-10-07).
 */
import { togetherError, type SimulatedError } from "./error-bodies";

export const SIMULATOR_CASES = ["loras-refused", "not-found", "not-serverless", "data-sharing-blocked", "unlisted"] as const;
export type SimulatorCase = (typeof SIMULATOR_CASES)[number];
export type SimulatorCases = ReadonlyMap<string, SimulatorCase>;

const PRESETS: Record<string, [string, SimulatorCase][]> = {
  "together-2026-10": [
    ["black-forest-labs/FLUX.1-dev-lora", "not-found"],
    ["black-forest-labs/FLUX.2-dev", "loras-refused"],
  ],
};

export function parseSimulatorCases(text: string | null | undefined): Map<string, SimulatorCase> {
  const out = new Map<string, SimulatorCase>();
  for (const part of (text ?? "").split(",").map((p) => p.trim()).filter(Boolean)) {
    const preset = PRESETS[part];
    if (preset) {
      for (const [model, c] of preset) out.set(model, c);
      continue;
    }
    const eq = part.lastIndexOf("=");
    const model = part.slice(0, eq).trim();
    const c = part.slice(eq + 1).trim() as SimulatorCase;
    if (eq <= 0 || !model || !SIMULATOR_CASES.includes(c)) {
      throw new Error(`LORASCOPE_SIMULATOR_CASES: "${part}" is not model=case (cases: ${SIMULATOR_CASES.join(", ")}) or a preset (${Object.keys(PRESETS).join(", ")})`);
    }
    out.set(model, c);
  }
  return out;
}

/** Whether /v1/models lists the model under this case (a non-serverless model is listed but not callable). */
export function listedUnder(c: SimulatorCase | undefined): boolean {
  return c !== "not-found" && c !== "unlisted";
}

/**
 * The error the case answers a generation with, or null to generate. The 404 and
 * non-serverless bodies are Together's recorded wording; the LoRA refusal's exact body was not
 * found anywhere public, so it says plainly what the guidance says.
 */
export function caseError(c: SimulatorCase | undefined, model: string, hasLoras: boolean): SimulatedError | null {
  switch (c) {
    case "not-found":
      return togetherError(404, `Unable to access model ${model}. Please visit https://api.together.ai/models to view the list of supported models.`, { code: "model_not_available" });
    case "not-serverless":
      return togetherError(
        400,
        `Unable to access non-serverless model ${model}. Please visit https://api.together.ai/models/${model} to create and start a new dedicated endpoint for the model.`,
        { code: "model_not_available" },
      );
    case "data-sharing-blocked":
      return togetherError(403, "This model requires third-party data sharing to be enabled for your organization.", { code: "third_party_data_sharing_blocked" });
    case "loras-refused":
      return hasLoras ? togetherError(400, `Model ${model} does not support image_loras.`, { param: "image_loras" }) : null;
    default:
      return null;
  }
}
