/**
 * Checks a submitted body the way fal does (as far as docs/fal.md knows): the
 * endpoint's input schema, then what the schema cannot say (LoRA paths fal could fetch),
 * answering pydantic-style 422 items. Returns the input with fal's defaults filled in.
 */
import type { ErrorObject } from "ajv/dist/2020";
import { isHuggingFaceRepoId } from "@/lib/loras/link";
import { falInputErrors } from "../contract/validate";
import type { FalEndpointId } from "../endpoints";
import { validationError, type FalDetailItem, type FalSimulatedError } from "./error-bodies";

export interface SimulatedFalInput {
  endpoint: FalEndpointId;
  prompt: string;
  width: number;
  height: number;
  steps: number;
  guidance: number;
  seed?: number;
  numImages: number;
  loras: { path: string; scale: number }[];
  outputFormat: "jpeg" | "png" | "webp";
  syncMode: boolean;
}

export type FalSubmissionCheck = { ok: true; input: SimulatedFalInput } | { ok: false; error: FalSimulatedError };

/** fal's presets (docs/fal.md: third-party consensus, the official table was not found). */
export const IMAGE_SIZE_PRESETS: Record<string, { width: number; height: number }> = {
  square_hd: { width: 1024, height: 1024 },
  square: { width: 512, height: 512 },
  portrait_4_3: { width: 768, height: 1024 },
  portrait_16_9: { width: 576, height: 1024 },
  landscape_4_3: { width: 1024, height: 768 },
  landscape_16_9: { width: 1024, height: 576 },
};

const DEFAULTS: Record<FalEndpointId, { guidance: number; outputFormat: SimulatedFalInput["outputFormat"] }> = {
  "fal-ai/flux-lora": { guidance: 3.5, outputFormat: "jpeg" },
  "fal-ai/flux-2/lora": { guidance: 2.5, outputFormat: "png" },
};

/** The simulator draws real pixels; fal's FLUX.1 endpoint publishes no size limit, so this one is the simulator's own. */
export const SIMULATOR_MAX_SIDE = 4096;

function pathParts(error: ErrorObject): (string | number)[] {
  const parts: (string | number)[] = error.instancePath
    .split("/")
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, "/").replace(/~0/g, "~")));
  if (error.keyword === "required") parts.push(String(error.params.missingProperty));
  if (error.keyword === "additionalProperties") parts.push(String(error.params.additionalProperty));
  return ["body", ...parts];
}

function valueAt(body: unknown, instancePath: string): unknown {
  return instancePath
    .split("/")
    .slice(1)
    .reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), body);
}

/** One ajv error in pydantic's words (fal's models are pydantic). */
function pydantic(error: ErrorObject): Omit<FalDetailItem, "loc"> {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return { msg: "Field required", type: "missing" };
    case "maximum":
      return { msg: `Input should be less than or equal to ${p.limit}`, type: "less_than_equal" };
    case "minimum":
      return { msg: `Input should be greater than or equal to ${p.limit}`, type: "greater_than_equal" };
    case "maxItems":
      return { msg: `List should have at most ${p.limit} items after validation`, type: "too_long" };
    case "minLength":
      return { msg: `String should have at least ${p.limit} character${p.limit === 1 ? "" : "s"}`, type: "string_too_short" };
    case "additionalProperties":
      return { msg: "Extra inputs are not permitted", type: "extra_forbidden" };
    case "enum":
      return { msg: `Input should be ${(p.allowedValues as unknown[]).map((v) => `'${v}'`).join(", ")}`, type: "literal_error" };
    case "type": {
      const t = String(p.type);
      const name = t === "integer" ? "int" : t === "number" ? "float" : t === "boolean" ? "bool" : t === "array" ? "list" : t === "object" ? "dict" : t;
      return { msg: `Input should be a valid ${t === "object" ? "dictionary" : t === "array" ? "list" : t}`, type: `${name}_type` };
    }
    default:
      return { msg: error.message ?? "Invalid value", type: "value_error" };
  }
}

/** image_size is "preset or object": only report the branch that matches what was sent. */
function relevant(errors: ErrorObject[], body: unknown): ErrorObject[] {
  return errors.filter((error) => {
    if (error.keyword === "anyOf") return false;
    const branch = /\/anyOf\/(\d+)\//.exec(error.schemaPath)?.[1];
    if (branch === undefined) return true;
    const sent = valueAt(body, error.instancePath.replace(/\/(width|height)$/, ""));
    return branch === "0" ? typeof sent !== "object" || sent === null : typeof sent === "object" && sent !== null;
  });
}

function loraPathProblem(path: string): string | null {
  if (isHuggingFaceRepoId(path)) return null;
  let url: URL;
  try {
    url = new URL(path);
  } catch {
    return "LoRA path must be a URL or a Hugging Face repo id (owner/repo)";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `LoRA URL scheme ${url.protocol} is not supported`;
  return null;
}

export function validateFalSubmission(endpoint: FalEndpointId, body: unknown): FalSubmissionCheck {
  const schemaErrors = relevant(falInputErrors(endpoint, body), body);
  if (schemaErrors.length > 0) {
    return { ok: false, error: validationError(schemaErrors.map((e) => ({ loc: pathParts(e), ...pydantic(e) }))) };
  }
  const b = body as Record<string, unknown>;
  const size = b.image_size ?? "landscape_4_3";
  const { width = 512, height = 512 } = typeof size === "string" ? IMAGE_SIZE_PRESETS[size] : (size as { width?: number; height?: number });
  const problems: FalDetailItem[] = [];
  for (const [side, value] of [["width", width], ["height", height]] as const) {
    if (value > SIMULATOR_MAX_SIDE) {
      problems.push({ loc: ["body", "image_size", side], msg: `The Lorascope simulator draws at most ${SIMULATOR_MAX_SIDE} px per side`, type: "less_than_equal" });
    }
  }
  const loras = ((b.loras as { path: string; scale?: number }[] | undefined) ?? []).map((l) => ({ path: l.path, scale: l.scale ?? 1 }));
  for (const [i, lora] of loras.entries()) {
    const problem = loraPathProblem(lora.path);
    if (problem) problems.push({ loc: ["body", "loras", i, "path"], msg: problem, type: "value_error" });
  }
  if (problems.length > 0) return { ok: false, error: validationError(problems) };

  return {
    ok: true,
    input: {
      endpoint,
      prompt: b.prompt as string,
      width,
      height,
      steps: (b.num_inference_steps as number | undefined) ?? 28,
      guidance: (b.guidance_scale as number | undefined) ?? DEFAULTS[endpoint].guidance,
      seed: b.seed as number | undefined,
      numImages: (b.num_images as number | undefined) ?? 1,
      loras,
      outputFormat: (b.output_format as SimulatedFalInput["outputFormat"] | undefined) ?? DEFAULTS[endpoint].outputFormat,
      syncMode: b.sync_mode === true,
    },
  };
}
