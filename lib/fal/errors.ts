/**
 * Maps what @fal-ai/client (and the fal provider around it) throws to AppErrors a person
 * can act on. fal bills only successful outputs (docs.fal.ai pricing), so a request fal
 * refused or failed cost nothing; after a timeout or a cancel whether it ran is unknown.
 */
import { ApiError, ValidationError } from "@fal-ai/client";
import { AppError } from "@/lib/errors";

const NOT_CHARGED = "Nothing was charged: fal.ai bills only successful images.";

/** Drops trailing sentence punctuation so a quoted message never ends in "..". */
function clause(text: string): string {
  return text.trim().replace(/[.!?;:,\s]+$/u, "");
}

function detailOf(body: unknown): string | undefined {
  const detail = (body as { detail?: unknown } | null | undefined)?.detail;
  if (typeof detail === "string" && detail.trim()) return clause(detail);
  const message = (body as { message?: unknown } | null | undefined)?.message;
  return typeof message === "string" && message.trim() ? clause(message) : undefined;
}

export interface FalFieldError {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** fal's `loc` (["body", "loras", 0, "scale"]) → the studio's field name, when it has one. */
export function studioField(loc: (string | number)[]): string | undefined {
  const path = loc[0] === "body" ? loc.slice(1) : loc;
  const [head, second, third] = path;
  switch (head) {
    case "prompt":
      return "prompt";
    case "image_size":
      return second === "height" ? "height" : "width";
    case "num_inference_steps":
      return "steps";
    case "guidance_scale":
      return "guidance";
    case "num_images":
      return "n";
    case "seed":
      return "seed";
    case "loras":
      if (typeof second !== "number") return "loras";
      return third === "scale" ? `loras.${second}.scale` : `loras.${second}.path`;
    default:
      return undefined;
  }
}

function describeFieldError(error: FalFieldError): string {
  const path = (error.loc[0] === "body" ? error.loc.slice(1) : error.loc).join(".");
  return path ? `${path}: ${clause(error.msg)}` : clause(error.msg);
}

function fieldErrorsOf(err: ValidationError): FalFieldError[] {
  try {
    return err.fieldErrors.filter((e) => Array.isArray(e?.loc) && typeof e?.msg === "string");
  } catch {
    return [];
  }
}

function isNamed(err: unknown, ...names: string[]): boolean {
  return err instanceof Error && names.includes(err.name);
}

/** Anything thrown while talking to fal → AppError. AppErrors pass through unchanged. */
export function mapFalError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const cause = { cause: err };

  if (err instanceof ValidationError) {
    const errors = fieldErrorsOf(err);
    const listed = errors.slice(0, 4).map(describeFieldError).join("; ");
    const field = errors.map((e) => studioField(e.loc)).find((f) => f !== undefined);
    return new AppError(
      {
        code: "bad_request",
        message: `fal.ai rejected the request${listed ? `: ${listed}${errors.length > 4 ? "; …" : ""}` : ""}. ${NOT_CHARGED} Change the setting and try again.`,
        ...(field ? { field } : {}),
      },
      cause,
    );
  }

  if (err instanceof ApiError) {
    const detail = detailOf(err.body);
    const said = detail ? ` (fal.ai said: ${detail})` : "";
    const status = err.status;
    if (status === 401) {
      return new AppError(
        { code: "invalid_key", message: `fal.ai did not accept the API key${said}. Check FAL_KEY (or the fal.ai key you added): it has the form key_id:key_secret. ${NOT_CHARGED}` },
        cause,
      );
    }
    if (status === 403 && detail && /exhausted balance|top[ _-]?up/i.test(detail)) {
      return new AppError(
        { code: "out_of_credits", message: `Your fal.ai account is locked because its balance is used up. Top up at fal.ai/dashboard/billing, then generate again. ${NOT_CHARGED}` },
        cause,
      );
    }
    if (status === 403) {
      return new AppError(
        { code: "permission_denied", message: `fal.ai refused this request for your account${said}. Check the account on fal.ai's dashboard or use another key. ${NOT_CHARGED}` },
        cause,
      );
    }
    if (status === 404) {
      return new AppError(
        { code: "model_not_found", message: `fal.ai does not offer this endpoint, or no longer has this request${said}. Pick another model and try again. ${NOT_CHARGED}` },
        cause,
      );
    }
    if (status === 429) {
      return new AppError(
        { code: "rate_limited", message: `fal.ai is rate limiting this key, even after a few retries. Wait a minute and try again. ${NOT_CHARGED}` },
        cause,
      );
    }
    if (status === 499) {
      return new AppError({ code: "cancelled", message: "The fal.ai request was cancelled. Whether fal.ai charged for it may not be known yet; check fal.ai's dashboard." }, cause);
    }
    if (status >= 500) {
      return new AppError(
        { code: "upstream_unavailable", message: `fal.ai is having trouble right now (HTTP ${status}${detail ? `: ${detail}` : ""}). ${NOT_CHARGED} Try again in a minute.` },
        cause,
      );
    }
    return new AppError(
      { code: "bad_request", message: `fal.ai rejected the request (HTTP ${status}${detail ? `: ${detail}` : ""}). ${NOT_CHARGED} Check the settings and try again.` },
      cause,
    );
  }

  // subscribe's own `timeout` rejects with a plain Error after sending a cancel.
  if (isNamed(err, "TimeoutError") || (err instanceof Error && /timed out waiting for the request/i.test(err.message))) {
    return falTimeout(cause);
  }
  if (isNamed(err, "AbortError")) return falCancelled(cause);
  if (err instanceof SyntaxError) {
    return new AppError({ code: "upstream_unavailable", message: "fal.ai sent an answer Lorascope could not read. Try again; if it keeps happening, check FAL_BASE_URL." }, cause);
  }
  if (err instanceof TypeError) {
    // Node's fetch: "fetch failed" with the socket error as its cause.
    return new AppError(
      { code: "upstream_unavailable", message: "Could not reach fal.ai. Check the server's network connection (and FAL_BASE_URL, if set), then try again. Nothing was charged." },
      cause,
    );
  }
  return new AppError({ code: "internal", message: "Generation on fal.ai failed unexpectedly. Your settings are kept; try again." }, cause);
}

/** `queued`: fal had given the request an id (and the provider sent it a cancel). */
export function falTimeout(options: { cause?: unknown; queued?: boolean } = {}): AppError {
  const message =
    options.queued === false
      ? "fal.ai did not take the request in time (no answer, or only errors, until the time limit). Whether it ran may not be known, so check fal.ai's dashboard before trying again."
      : "fal.ai took too long, so Lorascope cancelled the request. Whether fal.ai charged for it may not be known: it bills only finished images, so check fal.ai's dashboard. Try again, perhaps with fewer images or steps.";
  return new AppError({ code: "timeout", message }, { cause: options.cause });
}

export function falCancelled(options?: { cause?: unknown }): AppError {
  return new AppError(
    { code: "cancelled", message: "Generation cancelled, and the fal.ai request with it. Whether fal.ai charged for it may not be known if it had already finished." },
    options,
  );
}
