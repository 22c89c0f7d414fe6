"use server";

import { z } from "zod";
import { createCollection, normalizeCollectionName } from "@/lib/db/collection-queries";
import { deleteEmptySweep } from "@/lib/db/sweep-queries";
import type { Result } from "@/lib/errors";
import type { LiveSweep } from "@/lib/explore/live";
import { loadSweepForOwner } from "@/lib/explore/load-sweep";
import { MAX_SWEEP_VALUES } from "@/lib/explore/values";
import { generationInputSchemaFor } from "@/lib/generation/schema";
import { getLimits } from "@/lib/limits/limits";
import { decideSweep } from "@/lib/limits/policy";
import { getCatalog, pricedModel } from "@/lib/models/registry";
import { priceRequest } from "@/lib/models/pricing";
import { getOwnApiKey } from "@/lib/owner/own-key";
import { ensureOwnerId, getOwnerId } from "@/lib/owner/session";

const axisSchema = z.object({ name: z.enum(["LoRA 1 scale", "LoRA 2 scale"]), values: z.array(z.number().finite()).min(1).max(MAX_SWEEP_VALUES) });
const startSchema = z.object({
  name: z.string(),
  axes: z.object({ x: axisSchema, y: axisSchema.optional() }),
  /** Every cell's generation input (ids included); checked here only for price, seed and limits. */
  inputs: z.array(z.unknown()).min(1).max(MAX_SWEEP_VALUES * MAX_SWEEP_VALUES + 1),
});

/**
 * Before a sweep's first cell: checks the whole sweep against the hourly limit and the
 * deployment's daily budget (priced here, not trusted from the browser), then creates the
 * sweep collection that every finished cell is filed into.
 */
export async function startSweepAction(raw: unknown): Promise<Result<{ collectionId: string; name: string }>> {
  const parsed = startSchema.safeParse(raw);
  const cells = parsed.success ? z.array(generationInputSchemaFor(getCatalog())).safeParse(parsed.data.inputs) : null;
  if (!parsed.success || !cells?.success) return { ok: false, error: { code: "invalid_input", message: "The sweep's settings were not understood; check the values and try again." } };
  const { axes } = parsed.data;
  const inputs = cells.data;
  if (new Set(inputs.map((i) => i.seed)).size !== 1 || new Set(inputs.map((i) => i.model)).size !== 1) {
    return { ok: false, error: { code: "invalid_input", message: "Every cell of a sweep uses the same seed and model." } };
  }
  const name = normalizeCollectionName(parsed.data.name) ?? "Scale sweep";
  const totalMicroUsd = inputs.reduce((sum, input) => sum + priceRequest(pricedModel(input.model), input).totalMicroUsd, 0);
  const ownerId = await ensureOwnerId();
  const ownKey = (await getOwnApiKey()) !== null;
  const decision = decideSweep(await getLimits(ownerId, { ownKey }), { count: inputs.length, totalMicroUsd });
  if (!decision.ok) return { ok: false, error: { code: decision.code, message: decision.message } };
  const collection = await createCollection(ownerId, { name, kind: "sweep", axes: JSON.stringify(axes) });
  return { ok: true, collectionId: collection.id, name: collection.name };
}

/** After a sweep ends: drops its collection when no cell was saved into it. */
export async function discardEmptySweepAction(collectionId: string): Promise<{ deleted: boolean }> {
  const ownerId = await getOwnerId();
  if (!ownerId || typeof collectionId !== "string" || !/^[A-Za-z0-9_-]{1,100}$/.test(collectionId)) return { deleted: false };
  return { deleted: await deleteEmptySweep(collectionId, ownerId) };
}

/** The owner's saved sweep as the studio grid, for a studio brought back by the back button. */
export async function loadSweepAction(collectionId: unknown): Promise<LiveSweep | null> {
  if (typeof collectionId !== "string") return null;
  return loadSweepForOwner(await getOwnerId(), collectionId);
}
