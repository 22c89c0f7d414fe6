import * as Sdk from "together-ai";
import { AppError } from "@/lib/errors";

/** Pulls Together's `{ error: { message } }` text out of an SDK error, if there is one. */
function upstreamMessage(err: Sdk.APIError): string | undefined {
  const body = err.error as { error?: { message?: unknown }; message?: unknown } | undefined;
  const message = body?.error?.message ?? body?.message;
  return typeof message === "string" ? message : undefined;
}

/** `retry-after` is seconds or an HTTP date; `x-ratelimit-reset` is seconds. */
export function retryAfterSeconds(headers: Headers | undefined, now = Date.now()): number | undefined {
  const value = headers?.get("retry-after") ?? headers?.get("x-ratelimit-reset");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, Math.ceil((date - now) / 1000)) : undefined;
}

/** "... has unused keys a.b, c.d" → ["a.b", "c.d"]. Together lists the LoRA keys it could not apply. */
export function parseUnusedKeys(message: string): string[] | undefined {
  const match = /has unused keys[:\s]*(.*)$/is.exec(message);
  if (!match) return undefined;
  return match[1]
    .split(/[\s,;\[\]'"]+/)
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
}

/** Together's `error.code` ("model_not_available", "third_party_data_sharing_blocked", …), if any. */
function upstreamCode(err: Sdk.APIError): string | undefined {
  const body = err.error as { error?: { code?: unknown }; code?: unknown } | undefined;
  const code = body?.error?.code ?? body?.code;
  return typeof code === "string" ? code : undefined;
}

/** What the mapper knows of the request, to name the model in the sentence. */
export interface TogetherErrorContext {
  modelLabel?: string;
  hadLoras?: boolean;
  /** Who answered: the same SDK talks to the built-in simulator, which is not Together. */
  service?: string;
}

/** How a provider says a parameter is not taken ("does not support image_loras", "unexpected field"). */
const REFUSAL_WORDS = /\b(not|n't|no longer)\s+(support|accept|allow|take)|unsupported|not allowed|not permitted|unknown (field|param|parameter|argument)|unexpected (field|param|parameter|argument|keyword)|extra (field|input)s? not permitted/i;

/** "…: Unable to access model x." → "Unable to access model x" (the sentence adds its own stop). */
const trimStop = (text: string) => text.trim().replace(/[.\s]+$/, "");

/**
 * The three answers that say a model cannot do what the studio asks, whatever the status:
 * Together sends `model_not_available` with 404 or 400 and words its LoRA refusal in the message.
 */
function modelRefusal(err: Sdk.APIError, upstream: string | undefined, ctx: TogetherErrorContext): AppError | null {
  const code = upstreamCode(err);
  const service = ctx.service ?? "Together";
  const Service = service.charAt(0).toUpperCase() + service.slice(1);
  const said = upstream ? ` (${service} said: "${trimStop(upstream)}")` : "";
  const model = ctx.modelLabel ?? "this model";
  if (code === "third_party_data_sharing_blocked" || (err.status === 403 && upstream && /data sharing|passthrough/i.test(upstream))) {
    return new AppError(
      {
        code: "data_sharing_blocked",
        message: `${Service} serves ${model} through a partner and needs your organisation to allow it${said}. In Together's settings, under Privacy, allow passthrough (third-party) models — turning off prompt storage turns them off too — or pick a fal.ai model. Nothing was charged.`,
      },
      { cause: err },
    );
  }
  if (code === "model_not_available" || err.status === 404) {
    const dedicated = upstream && /non-serverless|dedicated endpoint/i.test(upstream);
    return new AppError(
      {
        code: "model_not_available",
        message: dedicated
          ? `${Service} runs ${model} only on a dedicated endpoint for this key${said}. Pick another model (fal.ai's LoRA models work), or start a dedicated endpoint and add its model name to LORASCOPE_MODELS. Nothing was charged.`
          : `${Service} does not offer ${model} to this key${said}. Pick another model — fal.ai's LoRA models work — or ask the operator to update the catalog. Nothing was charged.`,
        field: "model",
      },
      { cause: err },
    );
  }
  // A refusal of the parameter itself, not a complaint about one LoRA (a bad path, unused keys).
  const param = (err.error as { error?: { param?: unknown } } | undefined)?.error?.param;
  const refuses = upstream !== undefined && REFUSAL_WORDS.test(upstream) && !/\bpath\b|unused keys|failed to load/i.test(upstream);
  const aboutLoras = param === "image_loras" || (upstream !== undefined && /image_loras|\bloras?\b/i.test(upstream));
  if ((err.status === 400 || err.status === 422) && refuses && aboutLoras && ctx.hadLoras !== false) {
    return new AppError(
      {
        code: "model_refuses_loras",
        message: `${Service}'s ${model} does not take LoRAs${said}. Pick a model that does — fal.ai's FLUX LoRA models, or a Together dedicated endpoint with your LoRA — or remove the LoRAs. Nothing was charged; your settings are kept.`,
        field: "model",
      },
      { cause: err },
    );
  }
  return null;
}

/** Upstream text ends a sentence of ours: its own final stop is kept, never doubled ("LoRA.."). */
export function asSentence(text: string): string {
  const t = text.trim().replace(/[\s.]+$/, "");
  return /[!?]$/.test(t) ? t : `${t}.`;
}

/** Maps anything the SDK throws to an AppError a person can act on. */
export function mapTogetherError(err: unknown, ctx: TogetherErrorContext = {}): AppError {
  const service = ctx.service ?? "Together";
  if (err instanceof AppError) return err;
  const cause = { cause: err };
  const Service = service.charAt(0).toUpperCase() + service.slice(1);

  if (err instanceof Sdk.APIUserAbortError) {
    return new AppError({ code: "cancelled", message: "Generation cancelled. Together may already have started it, so it may have been charged." }, cause);
  }
  if (err instanceof Sdk.APIConnectionTimeoutError) {
    return new AppError(
      { code: "timeout", message: `${Service} took too long to answer. It may still have made the images, so it may have been charged; try again, perhaps with fewer images or steps.` },
      cause,
    );
  }
  if (err instanceof Sdk.APIConnectionError) {
    return new AppError(
      { code: "upstream_unavailable", message: `Could not reach ${service}. Check the server's network connection and try again.` },
      cause,
    );
  }
  if (err instanceof Sdk.APIError) {
    const upstream = upstreamMessage(err);
    const unusedKeys = upstream ? parseUnusedKeys(upstream) : undefined;
    const refusal = unusedKeys ? null : modelRefusal(err, upstream, ctx);
    if (refusal) return refusal;
    if (unusedKeys) {
      const shown = unusedKeys.slice(0, 3).join(", ");
      return new AppError(
        {
          code: "incompatible_lora",
          message: `${Service} could not apply a LoRA to this model: it has keys the model does not use (${shown}${unusedKeys.length > 3 ? ", …" : ""}). It was probably made for another base model; remove it or pick a LoRA for this model.`,
          unusedKeys,
        },
        cause,
      );
    }
    switch (err.status) {
      case 401:
        return new AppError(
          { code: "invalid_key", message: `${Service} did not accept the API key. Check TOGETHER_API_KEY (or the key you added) and try again.` },
          cause,
        );
      case 402:
        return new AppError(
          { code: "out_of_credits", message: `${Service} says the account is out of credits or reached its spending limit. Add credits in ${service}'s billing settings, then generate again.` },
          cause,
        );
      case 403:
        return new AppError(
          { code: "permission_denied", message: `${Service} refused this request for your account${upstream ? `: ${asSentence(upstream)}` : "."}` },
          cause,
        );
      case 404:
        return new AppError(
          { code: "model_not_found", message: `${Service} does not offer this model to your account${upstream ? `: ${asSentence(upstream)}` : "."} Pick another model.` },
          cause,
        );
      case 429: {
        const wait = retryAfterSeconds(err.headers);
        return new AppError(
          {
            code: "rate_limited",
            message: wait !== undefined
              ? `${Service} is rate limiting requests. Try again in ${wait} second${wait === 1 ? "" : "s"}.`
              : `${Service} is rate limiting requests. Wait a moment and try again.`,
            retryAfterSeconds: wait,
          },
          cause,
        );
      }
    }
    if (err.status !== undefined && err.status >= 500) {
      return new AppError(
        { code: "upstream_unavailable", message: `${Service} is having trouble right now (it answered with an error). It may have been charged; try again in a minute.` },
        cause,
      );
    }
    if (err.status === 400 || err.status === 422) {
      return new AppError(
        { code: "bad_request", message: `${Service} rejected the request: ${asSentence(upstream ?? "invalid parameters")}` },
        cause,
      );
    }
  }
  if (err instanceof SyntaxError) {
    return new AppError(
      { code: "upstream_unavailable", message: `${Service} sent an answer we could not read. It may have been charged; try again.` },
      cause,
    );
  }
  return new AppError(
    { code: "internal", message: "Generation failed unexpectedly. Your settings are kept; try again." },
    cause,
  );
}
