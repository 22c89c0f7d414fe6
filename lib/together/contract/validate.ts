/**
 * Validates bodies against Together's own OpenAPI description of the image endpoint
 * (images.schema.json, extracted by scripts/extract-together-contract.ts).
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import schema from "./images.schema.json";

export type ContractResult = { valid: true } | { valid: false; errors: string[] };

// strict: false because OpenAPI adds keywords (discriminator, example) that are not JSON Schema.
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(schema);

function compile(def: string): ValidateFunction {
  const fn = ajv.getSchema(`${schema.$id}#/$defs/${def}`);
  if (!fn) throw new Error(`Contract schema has no $defs/${def}`);
  return fn;
}

const imageRequest = compile("ImageRequest");
const imageResponse = compile("ImageResponse");
const errorBody = compile("ErrorData");

/** "/width must be integer", "/ must have required property 'prompt'". */
function describe(error: ErrorObject): string {
  let message = `${error.instancePath || "/"} ${error.message ?? "is invalid"}`;
  if (error.keyword === "enum" && Array.isArray(error.params.allowedValues)) {
    message += `: ${error.params.allowedValues.map((v: unknown) => JSON.stringify(v)).join(", ")}`;
  }
  if (error.keyword === "const") message += `: ${JSON.stringify(error.params.allowedValue)}`;
  return message;
}

function run(fn: ValidateFunction, body: unknown): ContractResult {
  if (fn(body)) return { valid: true };
  return { valid: false, errors: [...new Set((fn.errors ?? []).map(describe))] };
}

export function validateImageRequest(body: unknown): ContractResult {
  return run(imageRequest, body);
}

export function validateImageResponse(body: unknown): ContractResult {
  return run(imageResponse, body);
}

export function validateErrorBody(body: unknown): ContractResult {
  return run(errorBody, body);
}

/** The raw ajv errors of a request, for callers that need the failing field (the simulator). */
export function imageRequestErrors(body: unknown): ErrorObject[] {
  return imageRequest(body) ? [] : [...(imageRequest.errors ?? [])];
}
