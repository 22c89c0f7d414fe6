import "server-only";
import { getDb } from "./client";
import { positionAfter, type GalleryOrder, type GalleryPosition } from "./gallery-order";
import type { Prisma } from "./generated/sqlite/client";
import { resolveDatabaseConfig } from "./provider";
import type { GenerationWithParts } from "./queries";

/**
 * The gallery's queries. Every one has the owner in its WHERE; none uses OFFSET. They take
 * decoded positions and search words; the cursor codec and URL filters are lib/gallery's
 * (lib/gallery/list.ts is what the app calls).
 */

/** What the gallery's rows are filtered by. Dates are instants: `from` inclusive, `to` exclusive. */
export interface GalleryWhere {
  /** A LoRA path, exactly as stored (either slot). */
  lora?: string;
  model?: string;
  provider?: string;
  from?: Date;
  to?: Date;
  /** Lower-cased words that must all appear in the typed prompt or the prompt sent. */
  words?: string[];
}

/** Images and money over one window: succeeded generations (spend windows include deleted ones). */
export interface GalleryWindowTotals {
  generations: number;
  /** GenerationImage rows. */
  images: number;
  spendMicroUsd: number;
  /** Of `generations`, how many were deleted since (still paid for). */
  deletedGenerations: number;
}

export interface GalleryTotals {
  /** Since today's UTC midnight. */
  today: GalleryWindowTotals;
  /** Since the first of this month, UTC. */
  month: GalleryWindowTotals;
  allTime: GalleryWindowTotals;
}

export interface GalleryFacets {
  /** Most used first. */
  loras: { path: string; count: number }[];
  models: { model: string; count: number }[];
}

const MAX_FACETS = 200;

const withParts = {
  images: { orderBy: { index: "asc" as const } },
  loras: { orderBy: { position: "asc" as const } },
};

/** What the gallery shows: finished, not deleted, this owner's. */
function visible(ownerId: string): Prisma.GenerationWhereInput {
  return { ownerId, status: "succeeded", deletedAt: null };
}

function isPostgres(): boolean {
  // Which database serves this process follows from DATABASE_URL, exactly as getDb() decides it.
  return resolveDatabaseConfig(process.env).provider === "postgres";
}

/** LIKE's wildcards, which Prisma's `contains` passes through unescaped. */
const LIKE_WILDCARD = /[%_]/;

/**
 * `contains` is case-sensitive on PostgreSQL unless asked (`mode: "insensitive"` → ILIKE), and
 * that option does not exist for SQLite, whose LIKE already ignores case (ASCII letters only:
 * "É" and "é" differ there). Prisma does not escape `%` and `_` in `contains`: PostgreSQL
 * takes a backslash escape; SQLite's LIKE has no escape character unless the SQL says so, so
 * there a word with a wildcard matches a superset and listGallery checks the rows itself.
 */
function containsInsensitive(word: string): Prisma.StringFilter {
  if (isPostgres()) {
    return { contains: word.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" } as Prisma.StringFilter;
  }
  return { contains: word };
}

/** The search rule itself, for rows SQLite returned on a wildcard word. */
function matchesWords(row: { userPrompt: string; prompt: string }, words: string[]): boolean {
  const typed = row.userPrompt.toLowerCase();
  const sent = row.prompt.toLowerCase();
  return words.every((w) => typed.includes(w) || sent.includes(w));
}

function filterWhere(filters: GalleryWhere): Prisma.GenerationWhereInput[] {
  const and: Prisma.GenerationWhereInput[] = [];
  if (filters.model) and.push({ model: filters.model });
  if (filters.provider) and.push({ provider: filters.provider });
  if (filters.lora) and.push({ loras: { some: { path: filters.lora } } });
  if (filters.from) and.push({ createdAt: { gte: filters.from } });
  if (filters.to) and.push({ createdAt: { lt: filters.to } });
  for (const word of filters.words ?? []) {
    and.push({ OR: [{ userPrompt: containsInsensitive(word) }, { prompt: containsInsensitive(word) }] });
  }
  return and;
}

/**
 * "After the cursor" as a range on the leading sort column plus the tie-break:
 * `key <= k AND (key < k OR id < i)` rather than `key < k OR (key = k AND id < i)`. Both mean the
 * same; only the first gives the planner a range it can seek to in
 * (ownerId, createdAt DESC, id DESC) / (ownerId, costMicroUsd, id), so a deep page costs what
 * the first one does instead of scanning every row before it.
 */
function afterCursor(cursor: GalleryPosition): Prisma.GenerationWhereInput {
  if (cursor.sort === "cost") {
    return { AND: [{ costMicroUsd: { lte: cursor.key } }, { OR: [{ costMicroUsd: { lt: cursor.key } }, { id: { lt: cursor.id } }] }] };
  }
  const at = new Date(cursor.key);
  if (cursor.sort === "oldest") {
    return { AND: [{ createdAt: { gte: at } }, { OR: [{ createdAt: { gt: at } }, { id: { gt: cursor.id } }] }] };
  }
  return { AND: [{ createdAt: { lte: at } }, { OR: [{ createdAt: { lt: at } }, { id: { lt: cursor.id } }] }] };
}

const ORDER: Record<GalleryOrder, Prisma.GenerationOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
  cost: [{ costMicroUsd: "desc" }, { id: "desc" }],
};

export interface GalleryRowsQuery {
  sort: GalleryOrder;
  /** Rows after this position; null for the first page. */
  after: GalleryPosition | null;
  where: GalleryWhere;
  /** How many rows at most. */
  take: number;
}

/** Up to `take` of an owner's visible rows in the order, after the position. */
export async function findGalleryRows(ownerId: string, query: GalleryRowsQuery): Promise<GenerationWithParts[]> {
  const { sort, take } = query;
  const and = filterWhere(query.where);
  if (query.after) and.push(afterCursor(query.after));
  const where: Prisma.GenerationWhereInput = { ...visible(ownerId), ...(and.length ? { AND: and } : {}) };
  const words = query.where.words ?? [];
  return !isPostgres() && words.some((w) => LIKE_WILDCARD.test(w))
    ? findCheckingWords(where, sort, take, words)
    : getDb().generation.findMany({ where, orderBy: ORDER[sort], take, include: withParts });
}

/** Reads on in index order, keeping rows that really hold every word, until `want` are found or none are left. */
async function findCheckingWords(where: Prisma.GenerationWhereInput, sort: GalleryOrder, want: number, words: string[]) {
  const batch = Math.max(want * 2, 50);
  const found: GenerationWithParts[] = [];
  let after: Prisma.GenerationWhereInput | null = null;
  for (;;) {
    const rows: GenerationWithParts[] = await getDb().generation.findMany({
      where: after ? { AND: [where, after] } : where,
      orderBy: ORDER[sort],
      take: batch,
      include: withParts,
    });
    for (const row of rows) {
      if (matchesWords(row, words)) found.push(row);
      if (found.length === want) return found;
    }
    const last = rows.at(-1);
    if (rows.length < batch || !last) return found;
    after = afterCursor(positionAfter(last, sort));
  }
}

async function sumTotals(where: Prisma.GenerationWhereInput, countDeleted: boolean): Promise<GalleryWindowTotals> {
  const db = getDb();
  const [sum, images, deletedGenerations] = await Promise.all([
    db.generation.aggregate({ where, _sum: { costMicroUsd: true }, _count: { _all: true } }),
    db.generationImage.count({ where: { generation: where } }),
    countDeleted ? db.generation.count({ where: { AND: [where, { deletedAt: { not: null } }] } }) : Promise.resolve(0),
  ]);
  return { generations: sum._count._all, images, spendMicroUsd: sum._sum.costMicroUsd ?? 0, deletedGenerations };
}

/** Money spent stays spent: a window counts every succeeded generation, deleted ones included. */
function windowTotals(ownerId: string, since?: Date): Promise<GalleryWindowTotals> {
  return sumTotals({ ownerId, status: "succeeded", ...(since ? { createdAt: { gte: since } } : {}) }, true);
}

/** What the gallery lists under these filters (deleted results are not listed, so not counted). */
export async function filteredGalleryTotals(ownerId: string, filters: GalleryWhere): Promise<GalleryWindowTotals> {
  return sumTotals({ AND: [visible(ownerId), ...filterWhere(filters)] }, false);
}

/** Images and spend since the day's and the month's starts, and all time, deleted results included. */
export async function galleryTotals(ownerId: string, since: { day: Date; month: Date }): Promise<GalleryTotals> {
  const [today, month, allTime] = await Promise.all([
    windowTotals(ownerId, since.day),
    windowTotals(ownerId, since.month),
    windowTotals(ownerId),
  ]);
  return { today, month, allTime };
}

/** The LoRA paths (with how many generations used each) and models an owner's gallery holds. */
export async function galleryFacets(ownerId: string): Promise<GalleryFacets> {
  const db = getDb();
  const [loras, models] = await Promise.all([
    db.generationLora.groupBy({ by: ["path"], where: { generation: visible(ownerId) }, _count: { _all: true } }),
    db.generation.groupBy({ by: ["model"], where: visible(ownerId), _count: { _all: true } }),
  ]);
  const byCount = <T extends { count: number }>(key: (t: T) => string) => (a: T, b: T) => b.count - a.count || key(a).localeCompare(key(b));
  return {
    loras: loras
      .map((l) => ({ path: l.path, count: l._count._all }))
      .sort(byCount((l) => l.path))
      .slice(0, MAX_FACETS),
    models: models
      .map((m) => ({ model: m.model, count: m._count._all }))
      .sort(byCount((m) => m.model))
      .slice(0, MAX_FACETS),
  };
}

/** Hides a generation at once (restorable). False unless it is this owner's; true again for one already deleted. */
export async function softDeleteGeneration(id: string, ownerId: string): Promise<boolean> {
  const db = getDb();
  const { count } = await db.generation.updateMany({ where: { id, ownerId, deletedAt: null }, data: { deletedAt: new Date() } });
  if (count === 1) return true;
  return (await db.generation.count({ where: { id, ownerId } })) === 1;
}

/** Undoes softDeleteGeneration. False unless it is this owner's. */
export async function restoreGeneration(id: string, ownerId: string): Promise<boolean> {
  const { count } = await getDb().generation.updateMany({ where: { id, ownerId }, data: { deletedAt: null } });
  return count === 1;
}
