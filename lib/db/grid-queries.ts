import "server-only";
import { randomUUID } from "node:crypto";
import type { ServableScopes } from "@/lib/providers/key-scope";
import type { Prisma } from "./generated/sqlite/client";
import { getDb } from "./client";
import { pickOwner } from "./turn-order";
import { resolveDatabaseConfig } from "./provider";

/**
 * The grid queue's rows: grids, their cells as jobs with row leases, a key's rate-limit pause
 * shared by every instance, and prompt sets. Claiming is the one place the two databases
 * differ: PostgreSQL skips rows another instance holds (`FOR UPDATE SKIP LOCKED`), SQLite has
 * one writer at a time and settles a race with a compare-and-set on the status.
 */

export type CellStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "interrupted";

export interface NewGridCell {
  position: number;
  z: number;
  x: number | null;
  y: number | null;
  baseline: boolean;
  input: string;
  keyScope: string;
}

export async function createGrid(grid: { ownerId: string; name: string; plan: string; collectionId: string | null; priceMicroUsd: number; keys: string | null }, cells: NewGridCell[]) {
  const db = getDb();
  const id = randomUUID();
  await db.$transaction([
    db.grid.create({ data: { id, ...grid, cellCount: cells.length } }),
    db.gridCell.createMany({ data: cells.map((c) => ({ id: randomUUID(), gridId: id, ownerId: grid.ownerId, status: "queued", ...c })) }),
  ]);
  return id;
}

export type ClaimedCell = NonNullable<Awaited<ReturnType<typeof getCell>>>;

export function getCell(id: string) {
  return getDb().gridCell.findUnique({ where: { id }, include: { grid: { select: { collectionId: true, cancelledAt: true, keys: true } } } });
}

const isPostgres = () => resolveDatabaseConfig(process.env).provider === "postgres";

/**
 * Takes the next queued cell, skipping cells waiting out a retry-after and keys that are paused.
 * Owners take turns: the owner with the fewest cells running, then the one served longest ago,
 * goes first — so one person's 100-cell grid never holds everyone else's back. Within an owner,
 * grids run in the order they were started and cells in plan order. Null when there is none.
 */
export async function claimCell(workerId: string, leaseUntil: Date, pausedScopes: string[], servable: ServableScopes, now = new Date()): Promise<ClaimedCell | null> {
  const db = getDb();
  if (isPostgres()) {
    // Prefixes are hex fingerprints and colons: nothing LIKE would read as a wildcard.
    const patterns = servable.prefixes.map((p) => `${p}%`);
    const rows = await db.$queryRaw<{ id: string }[]>`
      UPDATE "GridCell" SET "status" = 'running', "leaseOwner" = ${workerId}, "leaseExpiresAt" = ${leaseUntil}, "startedAt" = ${now}, "attempts" = "attempts" + 1
      WHERE "id" = (
        SELECT c."id" FROM "GridCell" c JOIN "Grid" g ON g."id" = c."gridId"
        WHERE c."status" = 'queued' AND (c."notBefore" IS NULL OR c."notBefore" <= ${now}) AND NOT (c."keyScope" = ANY(${pausedScopes}::text[])) AND (c."keyScope" = ANY(${servable.exact}::text[]) OR c."keyScope" LIKE ANY(${patterns}::text[]))
        ORDER BY
          (SELECT count(*) FROM "GridCell" r WHERE r."ownerId" = c."ownerId" AND r."status" = 'running'),
          (SELECT max(r."startedAt") FROM "GridCell" r WHERE r."ownerId" = c."ownerId") NULLS FIRST,
          g."createdAt", g."id", c."position"
        LIMIT 1
        FOR UPDATE OF c SKIP LOCKED
      )
      RETURNING "id"`;
    return rows[0] ? getCell(rows[0].id) : null;
  }
  const ready = {
    status: "queued",
    keyScope: { notIn: pausedScopes },
    AND: [{ OR: [{ notBefore: null }, { notBefore: { lte: now } }] }, { OR: [{ keyScope: { in: servable.exact } }, ...servable.prefixes.map((p) => ({ keyScope: { startsWith: p } }))] }],
  };
  for (let tries = 0; tries < 5; tries++) {
    const ownerId = await nextOwner(ready);
    if (!ownerId) return null;
    const next = await db.gridCell.findFirst({
      where: { ...ready, ownerId },
      orderBy: [{ grid: { createdAt: "asc" } }, { gridId: "asc" }, { position: "asc" }],
      select: { id: true },
    });
    if (!next) return null;
    // Only one writer wins the status change; a loser looks again.
    const { count } = await db.gridCell.updateMany({
      where: { id: next.id, status: "queued" },
      data: { status: "running", leaseOwner: workerId, leaseExpiresAt: leaseUntil, startedAt: now, attempts: { increment: 1 } },
    });
    if (count === 1) return getCell(next.id);
  }
  return null;
}

/** SQLite's turn order (PostgreSQL's is in its claim query): fewest running, then served longest ago. */
async function nextOwner(ready: Prisma.GridCellWhereInput): Promise<string | null> {
  const db = getDb();
  const waiting = await db.gridCell.groupBy({ by: ["ownerId"], where: ready });
  if (waiting.length <= 1) return waiting[0]?.ownerId ?? null;
  const owners = waiting.map((w) => w.ownerId);
  const [running, served] = await Promise.all([
    db.gridCell.groupBy({ by: ["ownerId"], where: { ownerId: { in: owners }, status: "running" }, _count: { _all: true } }),
    db.gridCell.groupBy({ by: ["ownerId"], where: { ownerId: { in: owners } }, _max: { startedAt: true } }),
  ]);
  return pickOwner(
    owners.map((ownerId) => ({
      ownerId,
      running: running.find((r) => r.ownerId === ownerId)?._count._all ?? 0,
      lastStartedAt: served.find((r) => r.ownerId === ownerId)?._max.startedAt ?? null,
    })),
  );
}

/** Extends a running cell's lease; answers whether it should stop (its grid or the cell was cancelled, or it is no longer ours). */
export async function renewCell(id: string, workerId: string, until: Date | null): Promise<{ stop: boolean }> {
  const db = getDb();
  if (until) await db.gridCell.updateMany({ where: { id, leaseOwner: workerId, status: "running" }, data: { leaseExpiresAt: until } });
  const row = await db.gridCell.findUnique({ where: { id }, select: { status: true, leaseOwner: true, grid: { select: { cancelledAt: true } } } });
  return { stop: !row || row.status !== "running" || row.leaseOwner !== workerId || row.grid.cancelledAt !== null };
}

export interface CellOutcome {
  status: Exclude<CellStatus, "queued" | "running">;
  generationId?: string | null;
  costMicroUsd?: number;
  errorCode?: string | null;
  errorMessage?: string | null;
  mayBeCharged?: boolean;
}

/** Ends a claimed cell; false when its claim was lost meanwhile (then someone else settled it). */
export async function finishCell(id: string, workerId: string, outcome: CellOutcome, now = new Date()): Promise<boolean> {
  const { count } = await getDb().gridCell.updateMany({
    where: { id, leaseOwner: workerId, status: "running" },
    data: { ...outcome, leaseExpiresAt: null, finishedAt: now },
  });
  return count > 0;
}

/** Puts a claimed cell back in the queue (not before `notBefore`), with a new request id. */
export async function requeueCell(id: string, workerId: string, input: string, notBefore: Date): Promise<boolean> {
  const { count } = await getDb().gridCell.updateMany({
    where: { id, leaseOwner: workerId, status: "running" },
    data: { status: "queued", input, notBefore, leaseOwner: null, leaseExpiresAt: null },
  });
  return count > 0;
}

/** Running cells whose instance stopped renewing (killed, restarted). */
export function findExpiredCells(now: Date) {
  return getDb().gridCell.findMany({ where: { status: "running", leaseExpiresAt: { lt: now } }, select: { id: true, gridId: true, ownerId: true, input: true, leaseExpiresAt: true }, take: 500 });
}

/** Marks one expired cell interrupted unless it was renewed meanwhile; true when this call did it. */
export async function interruptCell(row: { id: string; leaseExpiresAt: Date | null }, outcome: { message: string; mayBeCharged: boolean; generationId: string | null }, now = new Date()) {
  const { count } = await getDb().gridCell.updateMany({
    where: { id: row.id, status: "running", leaseExpiresAt: row.leaseExpiresAt },
    data: { status: "interrupted", errorCode: "interrupted", errorMessage: outcome.message, mayBeCharged: outcome.mayBeCharged, generationId: outcome.generationId, leaseExpiresAt: null, finishedAt: now },
  });
  return count > 0;
}

/**
 * Cancels an owner's grid: queued cells stop at once, running ones are flagged (their workers
 * see it within half a second, on any instance). Returns the running cells' inputs, so their
 * generations can be flagged through the generation cancel too; null when not this owner's.
 */
export async function cancelGridRows(gridId: string, ownerId: string, now = new Date()): Promise<{ running: string[] } | null> {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const { count } = await tx.grid.updateMany({ where: { id: gridId, ownerId }, data: { cancelledAt: now } });
    if (count === 0) return null;
    await tx.gridCell.updateMany({
      where: { gridId, status: "queued" },
      data: { status: "cancelled", errorCode: "cancelled", errorMessage: "Cancelled before it started. Nothing was charged.", finishedAt: now },
    });
    const running = await tx.gridCell.findMany({ where: { gridId, status: "running" }, select: { input: true } });
    return { running: running.map((r) => r.input) };
  });
}

/** Queues one failed, interrupted or cancelled cell again with a new request id; the grid runs again if it was cancelled. */
export async function retryCellRow(gridId: string, cellId: string, ownerId: string, input: (old: string) => string): Promise<boolean> {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const cell = await tx.gridCell.findFirst({ where: { id: cellId, gridId, ownerId, status: { in: ["failed", "interrupted", "cancelled"] } } });
    if (!cell) return false;
    await tx.grid.update({ where: { id: gridId }, data: { cancelledAt: null } });
    const { count } = await tx.gridCell.updateMany({
      where: { id: cellId, status: cell.status },
      data: { status: "queued", input: input(cell.input), notBefore: null, errorCode: null, errorMessage: null, mayBeCharged: false, generationId: null, finishedAt: null },
    });
    return count > 0;
  });
}

/** Erases a grid's sealed own keys once none of its cells is queued or running. */
export async function forgetKeysIfDone(gridId: string): Promise<void> {
  await getDb().grid.updateMany({ where: { id: gridId, keys: { not: null }, cells: { none: { status: { in: ["queued", "running"] } } } }, data: { keys: null } });
}

/** The owner's grids still holding sealed keys (to take one provider's out when the person removes it). */
export function gridsWithKeys(ownerId: string) {
  return getDb().grid.findMany({ where: { ownerId, keys: { not: null } }, select: { id: true, keys: true } });
}

/** Replaces a grid's sealed keys, only if they are still what was read (a concurrent change wins). */
export async function replaceGridKeys(gridId: string, from: string | null, to: string | null): Promise<boolean> {
  const { count } = await getDb().grid.updateMany({ where: { id: gridId, keys: from }, data: { keys: to } });
  return count > 0;
}

export function getGridForOwner(gridId: string, ownerId: string) {
  return getDb().grid.findFirst({ where: { id: gridId, ownerId }, include: { cells: { orderBy: { position: "asc" } } } });
}
export type GridRow = NonNullable<Awaited<ReturnType<typeof getGridForOwner>>>;

/** The owner's latest grids with how many cells are left, newest first. */
export async function listGridsForOwner(ownerId: string, take = 10) {
  const db = getDb();
  const grids = await db.grid.findMany({ where: { ownerId }, orderBy: { createdAt: "desc" }, take, select: { id: true, name: true, cellCount: true, cancelledAt: true, createdAt: true } });
  const open = await db.gridCell.groupBy({ by: ["gridId"], where: { gridId: { in: grids.map((g) => g.id) }, status: { in: ["queued", "running"] } }, _count: { _all: true } });
  const left = new Map(open.map((o) => [o.gridId, o._count._all]));
  return grids.map((g) => ({ ...g, open: left.get(g.id) ?? 0 }));
}

/**
 * Where each cell of the grid filed into this collection stands, for what its saved and shared
 * pages show in an empty place. `reasons` adds each cell's error message: for its owner only, as
 * it can quote a pasted link.
 */
export function gridCellsForCollection(collectionId: string, { reasons }: { reasons: boolean }) {
  return getDb().gridCell.findMany({ where: { grid: { collectionId } }, select: { z: true, x: true, y: true, status: true, errorMessage: reasons } });
}

/** Generations of a grid's cells, with their images, for the grid view. */
export function generationsByIds(ids: string[]) {
  return getDb().generation.findMany({ where: { id: { in: ids } }, include: { images: { orderBy: { index: "asc" } }, loras: { orderBy: { position: "asc" } } } });
}

export function generationByRequest(ownerId: string, clientRequestId: string) {
  return getDb().generation.findUnique({ where: { ownerId_clientRequestId: { ownerId, clientRequestId } }, select: { id: true, attemptedAt: true, status: true, provider: true } });
}

// ---- A key's rate-limit pause, shared by every instance ----

/** Pauses a key until `until` (never shortens a longer pause already set). */
export async function pauseKey(keyScope: string, until: Date): Promise<void> {
  const db = getDb();
  const current = await db.providerPause.findUnique({ where: { keyScope } });
  if (current && current.until >= until) return;
  await db.providerPause.upsert({ where: { keyScope }, create: { keyScope, until }, update: { until } });
}

export async function activePauses(now = new Date()): Promise<{ keyScope: string; until: Date }[]> {
  return getDb().providerPause.findMany({ where: { until: { gt: now } }, select: { keyScope: true, until: true } });
}

// ---- Prompt sets ----

export function listPromptSets(ownerId: string) {
  return getDb().promptSet.findMany({ where: { ownerId }, orderBy: { updatedAt: "desc" }, take: 100 });
}

export async function savePromptSet(ownerId: string, set: { id?: string; name: string; prompts: string }) {
  const db = getDb();
  if (set.id) {
    const { count } = await db.promptSet.updateMany({ where: { id: set.id, ownerId }, data: { name: set.name, prompts: set.prompts } });
    return count > 0 ? db.promptSet.findUnique({ where: { id: set.id } }) : null;
  }
  return db.promptSet.create({ data: { id: randomUUID(), ownerId, name: set.name, prompts: set.prompts } });
}

export async function deletePromptSet(ownerId: string, id: string): Promise<boolean> {
  const { count } = await getDb().promptSet.deleteMany({ where: { id, ownerId } });
  return count > 0;
}

/** Titles and trigger phrases of known LoRAs (cached cards, starter set), by path or link. */
export function lorasByPath(paths: string[]) {
  return getDb().lora.findMany({ where: { OR: [{ path: { in: paths } }, { key: { in: paths } }] }, select: { path: true, key: true, title: true, triggers: true } });
}
