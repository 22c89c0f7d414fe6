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

/** Upstream text ends a sentence of ours: its own final stop is kept, never doubled ("LoRA.."). */
export function asSentence(text: string): string {
  const t = text.trim().replace(/[\s.]+$/, "");
  return /[!?]$/.test(t) ? t : `${t}.`;
}

/**
 * Maps anything the SDK throws to an AppError a person can act on. `service` names who
 * answered: the same SDK talks to the built-in simulator, which is not Together.
 */
export function mapTogetherError(err: unknown, service = "Together"): AppError {
  if (err instanceof AppError) return err;
  const cause = { cause: err };
  const Service = service.charAt(0).toUpperCase() + service.slice(1);

  if (err instanceof Sdk.APIUserAbortError) {
    return new AppError({ code: "cancelled", message: "Generation cancelled. Nothing was charged." }, cause);
  }
  if (err instanceof Sdk.APIConnectionTimeoutError) {
    return new AppError(
      { code: "timeout", message: `${Service} took too long to answer. Nothing was charged; try again, perhaps with fewer images or steps.` },
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
        { code: "upstream_unavailable", message: `${Service} is having trouble right now (it answered with an error). Nothing was charged; try again in a minute.` },
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
      { code: "upstream_unavailable", message: `${Service} sent an answer we could not read. Nothing was charged; try again.` },
      cause,
    );
  }
  return new AppError(
    { code: "internal", message: "Generation failed unexpectedly. Your settings are kept; try again." },
    cause,
  );
}
