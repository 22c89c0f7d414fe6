/** Error bodies in Together's shape and wording, shared by the simulator and the test server. */

export interface TogetherErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export interface SimulatedError {
  status: number;
  body: TogetherErrorBody;
  headers?: Record<string, string>;
}

export function togetherError(
  status: number,
  message: string,
  { type = "invalid_request_error", param = null, code = null }: { type?: string; param?: string | null; code?: string | null } = {},
): SimulatedError {
  return { status, body: { error: { message, type, param, code } } };
}

export function modelNotFound(model: string): SimulatedError {
  return togetherError(
    404,
    `Unable to access model ${model}. Please visit https://api.together.ai/models to view the list of supported models.`,
    { param: "model", code: "model_not_available" },
  );
}

/**
 * Wording of Together's real bodies where known (402 and 429 seen in public bug reports).
 * `retryAfterSeconds` adds `retry-after` to any status; 429 always carries it, with x-ratelimit-*.
 */
export function statusError(status: number, message?: string, retryAfterSeconds?: number): SimulatedError {
  const error = statusBody(status, message);
  if (status === 429 || retryAfterSeconds !== undefined) {
    const wait = String(Math.max(0, Math.ceil(retryAfterSeconds ?? 1)));
    error.headers = { "retry-after": wait };
    if (status === 429) Object.assign(error.headers, { "x-ratelimit-limit": "60", "x-ratelimit-remaining": "0", "x-ratelimit-reset": wait });
  }
  return error;
}

function statusBody(status: number, message?: string): SimulatedError {
  switch (status) {
    case 401:
      return togetherError(401, message ?? "Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.", { code: "invalid_api_key" });
    case 402:
      return togetherError(402, message ?? "Credit limit exceeded. Please navigate to https://api.together.xyz/settings/billing to add credit or upgrade your plan.", { type: "credit_limit" });
    case 403:
      return togetherError(403, message ?? "You do not have permission to use this model with your account.", { code: "permission_denied" });
    case 404:
      return togetherError(404, message ?? "Unable to access model. Please visit https://api.together.ai/models to view the list of supported models.", { code: "model_not_available" });
    case 429:
      return togetherError(429, message ?? "You have been rate limited. Please slow down your request rate or navigate to https://api.together.xyz/settings/billing to upgrade your plan.", { type: "credit_limit" });
    case 503:
      return togetherError(503, message ?? "The server is overloaded or not ready yet. Please try again later.", { type: "server_error" });
    default:
      return togetherError(status, message ?? "Internal server error", { type: status >= 500 ? "server_error" : "invalid_request_error" });
  }
}

/** Key names a kohya-style SDXL / SD 1.5 LoRA holds, which a FLUX transformer has no use for. */
export const SDXL_UNUSED_KEYS = [
  "lora_unet_down_blocks_0_attentions_0_proj_in.alpha",
  "lora_unet_down_blocks_0_attentions_0_proj_in.lora_down.weight",
  "lora_unet_down_blocks_0_attentions_0_proj_in.lora_up.weight",
  "lora_unet_down_blocks_0_attentions_0_transformer_blocks_0_attn1_to_k.alpha",
  "lora_te1_text_model_encoder_layers_0_mlp_fc1.alpha",
];
export const SD15_UNUSED_KEYS = [
  "lora_unet_down_blocks_0_attentions_0_proj_in.alpha",
  "lora_unet_down_blocks_0_attentions_0_proj_in.lora_down.weight",
  "lora_unet_down_blocks_0_attentions_0_transformer_blocks_0_attn1_to_q.alpha",
  "lora_te_text_model_encoder_layers_0_mlp_fc1.alpha",
];

/** Keys go last: callers parse everything after "has unused keys" as the key list. */
export function unusedKeysError(path: string, keys: string[] = SDXL_UNUSED_KEYS, param: string | null = "image_loras"): SimulatedError {
  return togetherError(400, `Failed to load LoRA from ${path}: LoRA state dict has unused keys ${keys.join(", ")}`, { param });
}
