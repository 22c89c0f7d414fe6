/**
 * Checks a parsed request body the way Together does, in Together's order: the contract
 * schema (400), the model (404), then the model's limits from the catalog (400).
 */
import type { ErrorObject } from "ajv/dist/2020";
import { imageRequestErrors } from "@/lib/together/contract/validate";
import { checkLoraPath } from "@/lib/loras/link";
import type { ImageModel } from "@/lib/models/catalog";
import { findModel } from "@/lib/models/registry";
import { SD15_UNUSED_KEYS, SDXL_UNUSED_KEYS, modelNotFound, togetherError, unusedKeysError, type SimulatedError } from "./error-bodies";

export interface SimulatedRequest {
  model: ImageModel;
  prompt: string;
  width: number;
  height: number;
  steps: number;
  n: number;
  seed?: number;
  responseFormat: "base64" | "url";
  outputFormat: "jpeg" | "png";
  loras: { path: string; scale: number }[];
}

export type SimulatorValidation = { ok: true; request: SimulatedRequest } | { ok: false; error: SimulatedError };

/** "/image_loras/0/scale" → "image_loras[0].scale"; a missing root property names itself. */
function paramOf(error: ErrorObject): string | null {
  const parts = error.instancePath.split("/").slice(1);
  if (error.keyword === "required") parts.push(String(error.params.missingProperty));
  if (parts.length === 0) return null;
  return parts.reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), "");
}

function schemaError(errors: ErrorObject[]): SimulatedError {
  // Report the most specific error; anyOf/oneOf wrappers only repeat what their branches said.
  const first = errors.find((e) => e.keyword !== "anyOf" && e.keyword !== "oneOf") ?? errors[0];
  const param = paramOf(first);
  const what = first.keyword === "required" ? `${param} is required` : `${param ?? "body"} ${first.message ?? "is invalid"}`;
  return togetherError(400, `Invalid request: ${what}`, { param });
}

/**
 * Deterministic stand-in for an incompatible LoRA: if the file name or the repo/model
 * name in a LoRA path contains `sdxl`, `sd15`, `sd-1.5` or `sd1.5` (any case), the
 * simulator fails like real Together does on a non-FLUX LoRA, with a 400 whose message
 * says `has unused keys` and lists SDXL / SD 1.5 kohya key names.
 */
const NON_FLUX_NAME = /sdxl|sd15|sd-1\.5|sd1\.5/i;

function nonFluxKeys(path: string): string[] | undefined {
  let segments: string[];
  try {
    segments = new URL(path).pathname.split("/").filter(Boolean).map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  const names = [segments[1], segments[segments.length - 1]].filter((s): s is string => Boolean(s));
  const hit = names.find((name) => NON_FLUX_NAME.test(name));
  if (!hit) return undefined;
  return /sdxl/i.test(hit) ? SDXL_UNUSED_KEYS : SD15_UNUSED_KEYS;
}

function limitsError(body: Record<string, unknown>, model: ImageModel): SimulatedError | SimulatedRequest {
  const l = model.limits;
  const width = (body.width as number | undefined) ?? 1024;
  const height = (body.height as number | undefined) ?? 1024;
  const steps = (body.steps as number | undefined) ?? 20;
  const n = (body.n as number | undefined) ?? 1;
  const prompt = body.prompt as string;
  const loras = (body.image_loras as { path: string; scale: number }[] | undefined) ?? [];

  for (const [param, value] of [["width", width], ["height", height]] as const) {
    if (value < l.minSize || value > l.maxSize) {
      return togetherError(400, `${param} must be between ${l.minSize} and ${l.maxSize} for ${model.id}, got ${value}`, { param });
    }
    if (value % l.sizeMultiple !== 0) {
      return togetherError(400, `${param} must be a multiple of ${l.sizeMultiple}, got ${value}`, { param });
    }
  }
  if (steps < l.minSteps || steps > l.maxSteps) {
    return togetherError(400, `steps must be between ${l.minSteps} and ${l.maxSteps} for ${model.id}, got ${steps}`, { param: "steps" });
  }
  if (n < 1 || n > l.maxImages) {
    return togetherError(400, `n must be between 1 and ${l.maxImages}, got ${n}`, { param: "n" });
  }
  if (prompt.trim().length === 0) return togetherError(400, "prompt must not be empty", { param: "prompt" });
  if (prompt.length > l.maxPromptChars) {
    return togetherError(400, `prompt is too long: ${prompt.length} characters, the maximum for ${model.id} is ${l.maxPromptChars}`, { param: "prompt" });
  }
  if (loras.length > l.maxLoras) {
    return togetherError(400, `${model.id} accepts at most ${l.maxLoras} image_loras, got ${loras.length}`, { param: "image_loras" });
  }
  for (const [i, lora] of loras.entries()) {
    const check = checkLoraPath(lora.path);
    if (!check.ok) return togetherError(400, `Invalid LoRA path ${JSON.stringify(lora.path)}: ${check.reason}`, { param: `image_loras[${i}].path` });
    // JSON.parse turns 1e999 into Infinity, so "is a number" is not enough.
    if (!Number.isFinite(lora.scale)) return togetherError(400, "LoRA scale must be a finite number", { param: `image_loras[${i}].scale` });
  }
  for (const [i, lora] of loras.entries()) {
    const keys = nonFluxKeys(lora.path);
    if (keys) return unusedKeysError(lora.path, keys, `image_loras[${i}].path`);
  }
  return {
    model,
    prompt,
    width,
    height,
    steps,
    n,
    seed: body.seed as number | undefined,
    responseFormat: (body.response_format as "base64" | "url" | undefined) ?? "url",
    outputFormat: (body.output_format as "jpeg" | "png" | undefined) ?? "jpeg",
    loras: loras.map(({ path, scale }) => ({ path, scale })),
  };
}

export function validateSimulatedRequest(body: unknown): SimulatorValidation {
  const schemaErrors = imageRequestErrors(body);
  if (schemaErrors.length > 0) return { ok: false, error: schemaError(schemaErrors) };
  const record = body as Record<string, unknown>;
  const found = findModel(record.model as string);
  // A fal model is not a Together model: Together would not know it either.
  const model = found?.provider === "together" ? found : undefined;
  if (!model) return { ok: false, error: modelNotFound(record.model as string) };
  const result = limitsError(record, model);
  return "status" in result ? { ok: false, error: result } : { ok: true, request: result };
}
