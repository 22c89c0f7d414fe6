import type { AppErrorCode } from "@/lib/errors";
import type { ImageModel } from "./catalog";

/**
 * What a learned refusal means (pure): which errors teach one, when one still holds, and
 * whether it stops the next attempt before anything is paid.
 */
export const REFUSAL_KINDS = ["loras_refused", "not_available", "data_sharing_blocked"] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

export interface Refusal {
  model: string;
  kind: RefusalKind;
  /** The sentence the person saw when it was learned (provider's words included). */
  message: string;
  learnedAt: string;
}

export function refusalKindOf(code: AppErrorCode): RefusalKind | null {
  if (code === "model_refuses_loras") return "loras_refused";
  if (code === "model_not_available" || code === "model_not_found") return "not_available";
  if (code === "data_sharing_blocked") return "data_sharing_blocked";
  return null;
}

/** The error a remembered refusal answers with: the same code the provider's answer was mapped to. */
export function refusalCode(kind: RefusalKind): AppErrorCode {
  return kind === "loras_refused" ? "model_refuses_loras" : kind === "not_available" ? "model_not_available" : "data_sharing_blocked";
}

/** The catalog entry's identity: an operator's edit to the entry makes old refusals moot. */
export function modelFingerprint(model: ImageModel): string {
  const text = JSON.stringify([model.provider, model.id, model.loraFamily, model.limits, model.deprecated]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/**
 * Whether a stored refusal still holds: the entry is unchanged, and (for "not offered")
 * discovery has not listed the model again since it was learned.
 */
export function refusalHolds(
  row: { kind: string; catalogFingerprint: string; updatedAt: Date },
  model: ImageModel | undefined,
  listedSince: (modelId: string, since: Date) => boolean,
): boolean {
  if (!model || row.catalogFingerprint !== modelFingerprint(model)) return false;
  if (row.kind === "not_available" && listedSince(model.id, row.updatedAt)) return false;
  return (REFUSAL_KINDS as readonly string[]).includes(row.kind);
}

/** The refusal that stops this request before it is paid for, if any. */
export function blockingRefusal(refusals: readonly Refusal[], modelId: string, hasLoras: boolean): Refusal | null {
  return refusals.find((r) => r.model === modelId && (r.kind !== "loras_refused" || hasLoras)) ?? null;
}
