import "server-only";
import { randomUUID } from "node:crypto";
import { createCollection } from "@/lib/db/collection-queries";
import { normalizeCollectionName } from "@/lib/collections/limits";
import { describeLoras } from "./describe-loras";
import { cancelGridRows, createGrid, forgetKeysIfDone, generationsByIds, getGridForOwner, gridsWithKeys, replaceGridKeys, retryCellRow, type GridRow } from "@/lib/db/grid-queries";
import { sealGridKeys, unsealGridKeys, withoutProvider } from "./keys";
import type { ProviderId } from "@/lib/providers/types";
import { AppError } from "@/lib/errors";
import { keyScopeFor, isOwnKeyScope } from "@/lib/providers/key-scope";
import type { OwnKeys } from "@/lib/providers";
import { providerLabel } from "@/lib/providers/names";
import { cancelGeneration } from "@/lib/generation/in-flight";
import { toGenerationView } from "@/lib/generation/view";
import { getLimits } from "@/lib/limits/limits";
import { decideSweep } from "@/lib/limits/policy";
import { findIn } from "@/lib/models/catalog";
import { getCatalog } from "@/lib/models/registry";
import { chargedModel } from "@/lib/models/for-person";
import { parseGridPlan } from "./layout";
import { gridPrice, planGrid } from "./plan";
import { gridSpecSchema, type ValidGridSpec } from "./spec";
import { countCells, storedPlan, type GridCellStatus, type GridView, type StoredGridPlan } from "./view";
import { wakeGridWorkers } from "./worker";

/**
 * The grid use cases for an owner: start (plan and price again here, check the whole plan
 * against the hourly limit and the budget, queue every cell), the live view, cancel, and
 * retrying one cell. The workers (./worker.ts) do the rest.
 */

const invalid = (message: string) => new AppError({ code: "invalid_input", message });

/**
 * LoRA titles the browser did not have yet (it asks while the person types, and may start
 * first) come from the starter set and cached cards, so the grid's edges carry real names.
 * Only titles: trigger phrases shape the request and stay exactly what the person saw priced.
 */
async function withKnownTitles(spec: ValidGridSpec): Promise<ValidGridSpec> {
  const axes = [spec.x, spec.y, spec.z];
  const untitled = axes.flatMap((a) => (a && (a.kind === "lora1" || a.kind === "lora2") ? a.loras.filter((l) => !l.title).map((l) => l.path) : []));
  if (untitled.length === 0) return spec;
  const titles = new Map((await describeLoras([...new Set(untitled)].slice(0, 50))).map((k) => [k.path, k.title]));
  const titled = <A extends ValidGridSpec["x"] | undefined>(a: A): A =>
    a && (a.kind === "lora1" || a.kind === "lora2") ? { ...a, loras: a.loras.map((l) => ({ ...l, title: l.title || titles.get(l.path) })) } : a;
  return { ...spec, x: titled(spec.x), y: titled(spec.y), z: titled(spec.z) };
}

/**
 * Queues a grid; returns its id. Throws AppErrors a person can read. Each cell runs on the key
 * a studio generation of that model would use now: the person's own key for its provider when
 * they set one (kept sealed on the grid until its last cell is done), else the deployment's.
 */
export async function startGrid(ownerId: string, raw: unknown, own: OwnKeys): Promise<{ gridId: string; collectionId: string; priceMicroUsd: number; cellCount: number }> {
  const parsed = gridSpecSchema.safeParse(raw);
  if (!parsed.success) throw invalid("The grid's settings were not understood; check the axes and try again.");
  const catalog = getCatalog();
  const plan = planGrid(await withKnownTitles(parsed.data), { catalog });
  if (plan.errors.length > 0 || !plan.axes) throw invalid(plan.errors[0] ?? "Check the grid's axes.");
  const providers = new Set(plan.cells.map((c) => findIn(catalog, c.input.model)!.provider));
  // Priced as the person is charged: an own Together key sees its own account's prices.
  const price = gridPrice(plan.cells, (id) => chargedModel(id, own.together));
  // The deployment's daily budget covers the grid when any cell is paid with the deployment's Together key.
  const decision = decideSweep(await getLimits(ownerId, { ownKey: !providers.has("together") || own.together !== null }), { count: plan.cells.length, totalMicroUsd: price.totalMicroUsd });
  if (!decision.ok) throw new AppError({ code: decision.code, message: decision.message.replace("This sweep", "This grid") });
  const name = normalizeCollectionName(parsed.data.name) ?? normalizeCollectionName(`Grid: ${plan.axes.x.name}${plan.axes.y ? ` × ${plan.axes.y.name}` : ""}`) ?? "Grid";
  const stored = storedPlan(plan.axes, plan.cells.some((c) => c.x === null));
  const collection = await createCollection(ownerId, { name, kind: "grid", axes: JSON.stringify(stored) });
  const gridId = await createGrid(
    { ownerId, name: collection.name, plan: JSON.stringify(stored), collectionId: collection.id, priceMicroUsd: price.totalMicroUsd, keys: sealGridKeys(own, providers) },
    plan.cells.map((cell, position) => {
      const model = findIn(catalog, cell.input.model)!;
      return {
        position,
        z: cell.z,
        x: cell.x,
        y: cell.y,
        baseline: cell.baseline,
        input: JSON.stringify({ ...cell.input, clientRequestId: randomUUID() }),
        keyScope: keyScopeFor(model.provider, own[model.provider]),
      };
    }),
  );
  wakeGridWorkers();
  return { gridId, collectionId: collection.id, priceMicroUsd: price.totalMicroUsd, cellCount: plan.cells.length };
}

/** Stops a grid from any tab or instance: queued cells never start, running ones are aborted. */
export async function cancelGrid(ownerId: string, gridId: string): Promise<boolean> {
  const result = await cancelGridRows(gridId, ownerId);
  if (!result) return false;
  await forgetKeysIfDone(gridId);
  // The worker sees the grid's flag within half a second; the generation's own cancel flag
  // also stops a request between admission and sending.
  for (const input of result.running) {
    const id = (JSON.parse(input) as { clientRequestId?: string }).clientRequestId;
    if (id) await cancelGeneration(ownerId, id).catch(() => false);
  }
  return true;
}

/**
 * Queues one failed, interrupted or cancelled cell again, as a new request, on the key it was
 * queued with: a cell of an own key needs that same key in this browser (it is sealed onto the
 * grid again); it never moves to the deployment's key or another key unasked.
 */
export async function retryGridCell(ownerId: string, gridId: string, cellId: string, own: OwnKeys): Promise<boolean> {
  const grid = await getGridForOwner(gridId, ownerId);
  const cell = grid?.cells.find((c) => c.id === cellId);
  if (!grid || !cell) return false;
  if (isOwnKeyScope(cell.keyScope)) {
    const provider = cell.keyScope.split(":")[0] as ProviderId;
    if (!own[provider] || keyScopeFor(provider, own[provider]) !== cell.keyScope) {
      throw new AppError({ code: "invalid_key", message: `This cell was queued on your own ${providerLabel(provider)} key, which this browser no longer has. Add that key again to retry it.` });
    }
    const keys = unsealGridKeys(grid.keys);
    if (keys[provider] !== own[provider]) await replaceGridKeys(gridId, grid.keys, sealGridKeys({ ...keys, [provider]: own[provider] }, ["together", "fal"]));
  }
  const done = await retryCellRow(gridId, cellId, ownerId, (old) => JSON.stringify({ ...JSON.parse(old), clientRequestId: randomUUID() }));
  if (done) wakeGridWorkers();
  return done;
}

/**
 * The person removed their key for a provider: no grid of theirs keeps it. Their queued cells
 * on that key then fail with the reason when a worker reaches them (never sent on another key).
 */
export async function forgetGridKeys(ownerId: string, provider: ProviderId): Promise<void> {
  for (const grid of await gridsWithKeys(ownerId)) {
    // A grid whose keys changed meanwhile (a retry, its last cell) is read again on the next pass.
    for (let tries = 0; tries < 3; tries++) {
      if (await replaceGridKeys(grid.id, grid.keys, withoutProvider(grid.keys, provider))) break;
      const again = (await gridsWithKeys(ownerId)).find((g) => g.id === grid.id);
      if (!again) break;
      grid.keys = again.keys;
    }
  }
}

export function parseStoredPlan(text: string): StoredGridPlan {
  const plan = parseGridPlan(text);
  if (!plan) throw new AppError({ code: "internal", message: "This grid's stored plan could not be read." });
  return plan;
}

export async function toGridView(grid: GridRow): Promise<GridView> {
  const ids = grid.cells.flatMap((c) => (c.generationId ? [c.generationId] : []));
  const generations = new Map((await generationsByIds(ids)).map((g) => [g.id, toGenerationView(g)]));
  const cells = grid.cells.map((c) => ({
    id: c.id,
    z: c.z,
    x: c.x,
    y: c.y,
    baseline: c.baseline,
    status: c.status as GridCellStatus,
    error: c.errorCode ? { code: c.errorCode, message: c.errorMessage ?? "" } : null,
    mayBeCharged: c.mayBeCharged,
    notBefore: c.status === "queued" && c.notBefore && c.notBefore.getTime() > Date.now() ? c.notBefore.toISOString() : null,
    generation: c.generationId ? (generations.get(c.generationId) ?? null) : null,
  }));
  const counts = countCells(cells);
  return {
    id: grid.id,
    name: grid.name,
    plan: parseStoredPlan(grid.plan),
    collectionId: grid.collectionId,
    priceMicroUsd: grid.priceMicroUsd,
    spentMicroUsd: grid.cells.reduce((sum, c) => sum + c.costMicroUsd, 0),
    cancelled: grid.cancelledAt !== null,
    finished: counts.queued + counts.running === 0,
    counts,
    cells,
    createdAt: grid.createdAt.toISOString(),
  };
}

export async function gridViewForOwner(ownerId: string, gridId: string): Promise<GridView | null> {
  const grid = await getGridForOwner(gridId, ownerId);
  return grid ? toGridView(grid) : null;
}
