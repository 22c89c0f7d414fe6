import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "./client";

/** Learned model refusals (lib/models/refusals.ts decides what they mean). */

export interface RefusalRow {
  provider: string;
  model: string;
  keyScope: string;
  kind: string;
  message: string;
  catalogFingerprint: string;
  updatedAt: Date;
}

export async function upsertModelRefusal(r: Omit<RefusalRow, "updatedAt">): Promise<void> {
  const where = { provider_model_keyScope_kind: { provider: r.provider, model: r.model, keyScope: r.keyScope, kind: r.kind } };
  await getDb().modelRefusal.upsert({
    where,
    create: { id: randomUUID(), ...r },
    update: { message: r.message, catalogFingerprint: r.catalogFingerprint },
  });
}

export function listModelRefusals(keyScope: string): Promise<RefusalRow[]> {
  return getDb().modelRefusal.findMany({
    where: { keyScope },
    select: { provider: true, model: true, keyScope: true, kind: true, message: true, catalogFingerprint: true, updatedAt: true },
  });
}

export async function deleteModelRefusals(where: { provider: string; model: string; keyScope?: string; kinds?: string[] }): Promise<number> {
  const result = await getDb().modelRefusal.deleteMany({
    where: { provider: where.provider, model: where.model, keyScope: where.keyScope, kind: where.kinds ? { in: where.kinds } : undefined },
  });
  return result.count;
}
