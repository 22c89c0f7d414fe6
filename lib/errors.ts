/**
 * Typed errors that cross from the server to a person. Every code has a message a person
 * understands and says what to do next; server actions return `{ ok: false, error }` with
 * these instead of throwing, so the client never sees a stack trace or a key.
 */
export type AppErrorCode =
  | "invalid_input"
  | "invalid_key"
  | "out_of_credits"
  | "permission_denied"
  /** Missing, deleted, or someone else's: the same answer for all three, so an id guess learns nothing. */
  | "not_found"
  | "rate_limited"
  | "budget_exceeded"
  | "incompatible_lora"
  | "model_not_found"
  /** The provider answered that this model takes no LoRAs (remembered: lib/models/refusals.ts). */
  | "model_refuses_loras"
  /** The model does not exist for this key, or is not serverless (needs a dedicated endpoint). */
  | "model_not_available"
  /** Together's partner-hosted models need the organisation to allow third-party data sharing. */
  | "data_sharing_blocked"
  | "bad_request"
  | "too_large"
  | "upstream_unavailable"
  | "timeout"
  | "cancelled"
  | "interrupted"
  | "internal";

export interface AppErrorShape {
  code: AppErrorCode;
  message: string;
  /** Seconds until a retry may succeed (rate limits). */
  retryAfterSeconds?: number;
  /** LoRA state-dict keys Together named as unused (incompatible LoRA). */
  unusedKeys?: string[];
  /** Which field the problem is in, for inline messages. */
  field?: string;
  /** The request reached the provider and nothing proves it was not billed. */
  mayBeCharged?: boolean;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly retryAfterSeconds?: number;
  readonly unusedKeys?: string[];
  readonly field?: string;
  readonly mayBeCharged?: boolean;

  constructor(shape: AppErrorShape, options?: { cause?: unknown }) {
    super(shape.message, options);
    this.name = "AppError";
    this.code = shape.code;
    this.retryAfterSeconds = shape.retryAfterSeconds;
    this.unusedKeys = shape.unusedKeys;
    this.field = shape.field;
    this.mayBeCharged = shape.mayBeCharged;
  }

  toJSON(): AppErrorShape {
    const out: AppErrorShape = { code: this.code, message: this.message };
    if (this.retryAfterSeconds !== undefined) out.retryAfterSeconds = this.retryAfterSeconds;
    if (this.unusedKeys !== undefined) out.unusedKeys = this.unusedKeys;
    if (this.field !== undefined) out.field = this.field;
    if (this.mayBeCharged !== undefined) out.mayBeCharged = this.mayBeCharged;
    return out;
  }
}

export type Result<T> = ({ ok: true } & T) | { ok: false; error: AppErrorShape };

/** Turns anything thrown into a shape safe to send to the browser. */
export function toErrorShape(err: unknown): AppErrorShape {
  if (err instanceof AppError) return err.toJSON();
  return { code: "internal", message: "Something went wrong on our side. Your settings are kept; try again." };
}
