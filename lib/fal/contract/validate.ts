/**
 * Checks bodies against the JSON Schemas written from fal's published input types
 * (see each schema's $comment). Used by the fal simulator and the contract tests.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import type { FalEndpointId } from "../endpoints";
import flux2Lora from "./flux-2-lora.input.schema.json";
import fluxLora from "./flux-lora.input.schema.json";
import output from "./output.schema.json";

export type ContractResult = { valid: true } | { valid: false; errors: string[] };

const ajv = new Ajv2020({ allErrors: true, strict: true });
const inputs: Record<FalEndpointId, ValidateFunction> = {
  "fal-ai/flux-lora": ajv.compile(fluxLora),
  "fal-ai/flux-2/lora": ajv.compile(flux2Lora),
};
const outputCheck = ajv.compile(output);

/** "/loras/0/scale must be <= 4", "/ must have required property 'prompt'". */
function describe(error: ErrorObject): string {
  let message = `${error.instancePath || "/"} ${error.message ?? "is invalid"}`;
  if (error.keyword === "enum" && Array.isArray(error.params.allowedValues)) {
    message += `: ${error.params.allowedValues.map((v: unknown) => JSON.stringify(v)).join(", ")}`;
  }
  if (error.keyword === "additionalProperties") message += `: ${error.params.additionalProperty}`;
  return message;
}

function run(fn: ValidateFunction, body: unknown): ContractResult {
  if (fn(body)) return { valid: true };
  return { valid: false, errors: [...new Set((fn.errors ?? []).map(describe))] };
}

export function validateFalInput(endpoint: FalEndpointId, body: unknown): ContractResult {
  return run(inputs[endpoint], body);
}

export function validateFalOutput(body: unknown): ContractResult {
  return run(outputCheck, body);
}

/** The raw ajv errors, for callers that report the failing field (the simulator's 422). */
export function falInputErrors(endpoint: FalEndpointId, body: unknown): ErrorObject[] {
  const fn = inputs[endpoint];
  return fn(body) ? [] : [...(fn.errors ?? [])];
}
