import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "./client";

/** Queries for the LoRA catalog (search, browse, usage) and per-owner LoRA preferences. */

export const catalogSelect = {
  id: true,
  key: true,
  path: true,
  source: true,
  title: true,
  base: true,
  triggers: true,
  tags: true,
  previewUrl: true,
  starter: true,
  usageCount: true,
  lastUsedAt: true,
  metadataAvailable: true,
  fetchedAt: true,
} as const;

export type CatalogRow = {
  id: string;
  key: string;
  path: string;
  source: string;
  title: string;
  base: string;
  triggers: string;
  tags: string;
  previewUrl: string | null;
  starter: boolean;
  usageCount: number;
  lastUsedAt: Date | null;
  metadataAvailable: boolean;
  fetchedAt: Date;
};

/** Every catalog row, without the card JSON (fine up to ~10k rows). */
export async function listCatalogRows(): Promise<CatalogRow[]> {
  return getDb().lora.findMany({ select: catalogSelect, orderBy: { id: "asc" } });
}

export async function countStarterLoras(): Promise<number> {
  return getDb().lora.count({ where: { starter: true } });
}

export interface StarterRow {
  key: string;
  path: string;
  source: string;
  title: string;
  base: string;
  card: string;
  triggers: string;
  tags: string;
  previewUrl: string | null;
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002";
}

/**
 * Inserts starter rows; a key that already exists (resolved before) is only marked starter,
 * its card kept. Parse-only (metadataAvailable false, fetched at the epoch) so a resolve refreshes it.
 */
export async function insertStarterLoras(rows: StarterRow[]): Promise<void> {
  const db = getDb();
  for (const row of rows) {
    const { key, ...fields } = row;
    try {
      await db.lora.upsert({
        where: { key },
        create: { id: randomUUID(), key, ...fields, starter: true, metadataAvailable: false, fetchedAt: new Date(0) },
        update: { starter: true },
      });
    } catch (err) {
      // A concurrent first run inserted it between the upsert's read and write.
      if (!isUniqueViolation(err)) throw err;
      await db.lora.update({ where: { key }, data: { starter: true } });
    }
  }
}

/** Adds one use to every row with this path; false when no row has it. */
export async function incrementLoraUsage(path: string, at: Date): Promise<boolean> {
  const { count } = await getDb().lora.updateMany({ where: { path }, data: { usageCount: { increment: 1 }, lastUsedAt: at } });
  return count > 0;
}

/** A minimal row for a path used before anyone resolved it (usage 1). Returns false if it appeared meanwhile. */
export async function createUsedLora(row: StarterRow, at: Date): Promise<boolean> {
  const { key, ...fields } = row;
  try {
    await getDb().lora.create({ data: { id: randomUUID(), key, ...fields, metadataAvailable: false, fetchedAt: new Date(0), usageCount: 1, lastUsedAt: at } });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

// ---- preferences ------------------------------------------------------------------------

export type LoraPreferenceRow = {
  loraPath: string;
  favorite: boolean;
  scale: number | null;
  triggers: string | null;
  placement: string | null;
  updatedAt: Date;
};

const prefSelect = { loraPath: true, favorite: true, scale: true, triggers: true, placement: true, updatedAt: true } as const;

/** The owner's preferences, for the given paths or all of them. */
export async function getLoraPreferences(ownerId: string, paths?: string[]): Promise<LoraPreferenceRow[]> {
  if (paths && paths.length === 0) return [];
  return getDb().loraPreference.findMany({ where: { ownerId, ...(paths ? { loraPath: { in: paths } } : {}) }, select: prefSelect });
}

async function upsertPreference(ownerId: string, loraPath: string, data: Partial<Omit<LoraPreferenceRow, "loraPath" | "updatedAt">>) {
  const db = getDb();
  const where = { ownerId_loraPath: { ownerId, loraPath } };
  try {
    return await db.loraPreference.upsert({ where, create: { id: randomUUID(), ownerId, loraPath, ...data }, update: data, select: prefSelect });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return db.loraPreference.update({ where, data, select: prefSelect });
  }
}

export async function setLoraFavorite(ownerId: string, loraPath: string, favorite: boolean) {
  return upsertPreference(ownerId, loraPath, { favorite });
}

export async function saveLoraDefaults(ownerId: string, loraPath: string, defaults: { scale: number | null; triggers: string | null; placement: string | null }) {
  return upsertPreference(ownerId, loraPath, defaults);
}

// ---- who may see a LoRA -----------------------------------------------------------------

/** Notes that this owner resolved a link (their pasted links stay theirs; see listOwnerLoraPaths). */
export async function addOwnerLora(ownerId: string, path: string): Promise<void> {
  try {
    await getDb().ownerLora.upsert({ where: { ownerId_path: { ownerId, path } }, create: { id: randomUUID(), ownerId, path }, update: {} });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err; // a concurrent resolve of the same link
  }
}

/** Paths this owner resolved, generated with or set preferences for. */
export async function listOwnerLoraPaths(ownerId: string): Promise<Set<string>> {
  const db = getDb();
  const [resolved, used, prefs] = await Promise.all([
    db.ownerLora.findMany({ where: { ownerId }, select: { path: true } }),
    db.generationLora.findMany({ where: { generation: { ownerId } }, select: { path: true }, distinct: ["path"] }),
    db.loraPreference.findMany({ where: { ownerId }, select: { loraPath: true } }),
  ]);
  return new Set([...resolved.map((r) => r.path), ...used.map((r) => r.path), ...prefs.map((r) => r.loraPath)]);
}

/** Paths of LoRAs in results that are shared now (alone or in a shared collection): those are public. */
export async function listSharedLoraPaths(): Promise<Set<string>> {
  const visible = { deletedAt: null, status: "succeeded" };
  const rows = await getDb().generationLora.findMany({
    where: {
      generation: {
        ...visible,
        OR: [{ shareSlug: { not: null } }, { collectionItems: { some: { collection: { shareSlug: { not: null } } } } }],
      },
    },
    select: { path: true },
    distinct: ["path"],
  });
  return new Set(rows.map((r) => r.path));
}
