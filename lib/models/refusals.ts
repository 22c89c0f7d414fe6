import "server-only";
import { deleteModelRefusals, listModelRefusals, upsertModelRefusal } from "@/lib/db/refusal-queries";
import { currentDiscovery, discoveryScope } from "@/lib/together/discovery";
import type { ImageModel } from "./catalog";
import { modelFingerprint, refusalHolds, type Refusal, type RefusalKind } from "./refusal-rules";
import { findModel } from "./registry";

/**
 * Refusals learned from providers' answers, kept in the database so every instance and every
 * later visit warns before the next paid attempt. Scoped by key: the deployment's key, or a
 * person's own key (by hash), since what Together allows is per organisation.
 */

export function refusalScope(ownKey: string | null): string {
  return ownKey ? discoveryScope(ownKey) : "deployment";
}

export async function recordRefusal(model: ImageModel, ownKey: string | null, kind: RefusalKind, message: string): Promise<void> {
  await upsertModelRefusal({
    provider: model.provider,
    model: model.id,
    keyScope: refusalScope(ownKey),
    kind,
    message,
    catalogFingerprint: modelFingerprint(model),
  });
}

/** A generation with LoRAs went through: whatever was learned about the model no longer holds. */
export async function clearRefusals(model: ImageModel, ownKey: string | null, hadLoras: boolean): Promise<void> {
  await deleteModelRefusals({
    provider: model.provider,
    model: model.id,
    keyScope: refusalScope(ownKey),
    kinds: hadLoras ? undefined : ["not_available", "data_sharing_blocked"],
  });
}

/** The refusals that still hold for a person, given their own keys. */
export async function refusalsFor(own: { together: string | null; fal: string | null }): Promise<Refusal[]> {
  const scopes = new Set([refusalScope(own.together), refusalScope(own.fal)]);
  const rows = (await Promise.all([...scopes].map((s) => listModelRefusals(s)))).flat();
  return rows
    .filter((row) => {
      const model = findModel(row.model);
      if (!model || refusalScope(own[model.provider]) !== row.keyScope) return false;
      const snapshot = model.provider === "together" ? currentDiscovery(own.together) : null;
      const listedSince = (id: string, since: Date) =>
        Boolean(snapshot?.fetchedAt && new Date(snapshot.fetchedAt) > since && snapshot.models.some((m) => m.id === id));
      return refusalHolds(row, model, listedSince);
    })
    .map((row) => ({ model: row.model, kind: row.kind as RefusalKind, message: row.message, learnedAt: row.updatedAt.toISOString() }));
}
