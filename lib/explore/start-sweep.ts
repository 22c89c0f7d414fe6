import "server-only";
import { z } from "zod";
import { createCollection } from "@/lib/db/collection-queries";
import type { Result } from "@/lib/errors";
import { normalizeCollectionName } from "@/lib/collections/limits";
import { generationInputSchemaFor, type ValidGenerationInput } from "@/lib/generation/schema";
import { getLimits } from "@/lib/limits/limits";
import { decideSweep } from "@/lib/limits/policy";
import type { Catalog } from "@/lib/models/catalog";
import { pricedModel } from "@/lib/models/registry";
import { priceRequest } from "@/lib/models/pricing";
import { MAX_SWEEP_VALUES } from "./values";

const axisSchema = z.object({ name: z.enum(["LoRA 1 scale", "LoRA 2 scale"]), values: z.array(z.number().finite()).min(1).max(MAX_SWEEP_VALUES) });

/** A sweep as the studio asks to start it, checked against the catalog this server runs with. */
export function startSweepSchema(catalog: Catalog) {
  return z.object({
    name: z.string(),
    axes: z.object({ x: axisSchema, y: axisSchema.optional() }),
    /** Every cell's generation input (ids included); checked here only for price, seed and limits. */
    inputs: z.array(generationInputSchemaFor(catalog)).min(1).max(MAX_SWEEP_VALUES * MAX_SWEEP_VALUES + 1),
  });
}

export type StartSweepRequest = z.output<ReturnType<typeof startSweepSchema>>;

/**
 * Before a sweep's first cell: checks the whole sweep against the hourly limit and the
 * deployment's daily budget (priced here, not trusted from the browser), then creates the
 * sweep collection that every finished cell is filed into.
 */
export async function startSweep(ownerId: string, ownKey: boolean, request: StartSweepRequest): Promise<Result<{ collectionId: string; name: string }>> {
  const inputs: ValidGenerationInput[] = request.inputs;
  if (new Set(inputs.map((i) => i.seed)).size !== 1 || new Set(inputs.map((i) => i.model)).size !== 1) {
    return { ok: false, error: { code: "invalid_input", message: "Every cell of a sweep uses the same seed and model." } };
  }
  const name = normalizeCollectionName(request.name) ?? "Scale sweep";
  const totalMicroUsd = inputs.reduce((sum, input) => sum + priceRequest(pricedModel(input.model), input).totalMicroUsd, 0);
  const decision = decideSweep(await getLimits(ownerId, { ownKey }), { count: inputs.length, totalMicroUsd });
  if (!decision.ok) return { ok: false, error: { code: decision.code, message: decision.message } };
  const collection = await createCollection(ownerId, { name, kind: "sweep", axes: JSON.stringify(request.axes) });
  return { ok: true, collectionId: collection.id, name: collection.name };
}
