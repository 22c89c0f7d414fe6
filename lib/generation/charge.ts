import type { AppErrorCode } from "@/lib/errors";
import { isSimulated } from "@/lib/providers/names";

/**
 * Whether a request that ended without images may still cost money. Once a request has been
 * handed to the provider the app cannot know whether the provider did the work (a cancel or
 * a timeout only stops us waiting), so it counts as "may have been charged" — unless the
 * provider answered with an error that comes before any work: a 4xx refusal.
 */
const PROVEN_UNBILLED: ReadonlySet<AppErrorCode> = new Set<AppErrorCode>([
  // What the provider error mapping makes of 4xx answers (lib/together/errors.ts).
  "invalid_key",
  "out_of_credits",
  "permission_denied",
  "model_not_found",
  "rate_limited",
  "bad_request",
  "incompatible_lora",
  "model_refuses_loras",
  "model_not_available",
  "data_sharing_blocked",
  // Refused by this app before sending.
  "invalid_input",
  "budget_exceeded",
]);

export function mayHaveBeenCharged(outcome: { attempted: boolean; code: AppErrorCode }): boolean {
  return outcome.attempted && !PROVEN_UNBILLED.has(outcome.code);
}

/** The sentence a generation that the server lost while it ran shows (studio, gallery detail, retries). */
export function interruptedMessage(row: { attempted: boolean; provider: string }): string {
  if (!row.attempted) return "The server stopped before this generation was sent, so nothing was made or charged. Generate again.";
  if (isSimulated(row.provider)) return "The server stopped while this generation was running, so no images were kept. It ran on the simulator: nothing was charged. Generate again.";
  return "The server stopped while this generation was running, so no images were kept. The request had reached the provider, so it may have been charged, and it counts against the limits. Generate again.";
}

/** Appended to a failure's message when the request may have cost money, unless it says so already. */
export function withChargeNote(message: string, mayBeCharged: boolean): string {
  if (!mayBeCharged || /may have been charged/i.test(message)) return message;
  return `${message.replace(/\s*Nothing was charged[^.]*\.?/i, "").trimEnd()} It may have been charged.`;
}
