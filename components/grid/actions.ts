"use server";

import { z } from "zod";
import { deletePromptSet, listPromptSets, savePromptSet } from "@/lib/db/grid-queries";
import { describeLoras, type KnownLora } from "@/lib/grid/describe-loras";
import { notFound, runAction } from "@/lib/actions/action";
import type { Result } from "@/lib/errors";
import { promptSetInputSchema, STARTER_PROMPT_SET, storedPrompts, type PromptSetView } from "@/lib/grid/prompt-sets";
import { cancelGrid, retryGridCell, startGrid } from "@/lib/grid/service";
import { getOwnApiKeys } from "@/lib/owner/own-key";
import { ensureOwnerId, getOwnerId } from "@/lib/owner/session";

// Thin: validate → owner → lib/grid use case → typed result (lib/actions/action.ts). Cancel, retry
// and delete answer a plain yes/no: the page only needs to know whether anything changed.

const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

export async function startGridAction(spec: unknown): Promise<Result<{ gridId: string; priceMicroUsd: number; cellCount: number }>> {
  // The spec is validated by startGrid itself, against the catalog and each cell's model.
  return runAction("startGridAction", z.unknown(), spec, async (raw) => {
    const started = await startGrid(await ensureOwnerId(), raw, await getOwnApiKeys());
    return { ok: true, gridId: started.gridId, priceMicroUsd: started.priceMicroUsd, cellCount: started.cellCount };
  });
}

export async function cancelGridAction(gridId: unknown): Promise<{ cancelled: boolean }> {
  const ownerId = await getOwnerId();
  const parsed = id.safeParse(gridId);
  if (!ownerId || !parsed.success) return { cancelled: false };
  return { cancelled: await cancelGrid(ownerId, parsed.data) };
}

const retryInput = z.object({ gridId: id, cellId: id });

/** Retries one cell on the key it was queued with (an own key must still be in this browser). */
export async function retryGridCellAction(gridId: unknown, cellId: unknown): Promise<Result<{ retried: boolean }>> {
  return runAction("retryGridCellAction", retryInput, { gridId, cellId }, async (input) => {
    const ownerId = await getOwnerId();
    if (!ownerId) return notFound("That grid is gone.");
    return { ok: true, retried: await retryGridCell(ownerId, input.gridId, input.cellId, await getOwnApiKeys()) };
  });
}

/** Titles and trigger phrases for LoRA links typed into a LoRA-list axis (known LoRAs only). */
export async function describeLorasAction(paths: unknown): Promise<KnownLora[]> {
  const parsed = z.array(z.string().trim().min(1).max(2048)).max(12).safeParse(paths);
  return parsed.success ? describeLoras(parsed.data) : [];
}

export async function listPromptSetsAction(): Promise<PromptSetView[]> {
  const ownerId = await getOwnerId();
  const own = ownerId ? await listPromptSets(ownerId) : [];
  return [STARTER_PROMPT_SET, ...own.map((s) => ({ id: s.id, name: s.name, prompts: storedPrompts(s.prompts), starter: false }))];
}

export async function savePromptSetAction(raw: unknown): Promise<Result<{ set: PromptSetView }>> {
  return runAction("savePromptSetAction", promptSetInputSchema, raw, async (input) => {
    const row = await savePromptSet(await ensureOwnerId(), { id: input.id, name: input.name, prompts: JSON.stringify(input.prompts) });
    if (!row) return notFound("That prompt set is gone; save it as a new one.");
    return { ok: true, set: { id: row.id, name: row.name, prompts: storedPrompts(row.prompts), starter: false } };
  });
}

export async function deletePromptSetAction(setId: unknown): Promise<{ deleted: boolean }> {
  const ownerId = await getOwnerId();
  const parsed = id.safeParse(setId);
  if (!ownerId || !parsed.success) return { deleted: false };
  return { deleted: await deletePromptSet(ownerId, parsed.data) };
}
