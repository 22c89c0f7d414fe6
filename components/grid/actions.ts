"use server";

import { z } from "zod";
import { deletePromptSet, listPromptSets, savePromptSet } from "@/lib/db/grid-queries";
import { describeLoras, type KnownLora } from "@/lib/grid/describe-loras";
import { toErrorShape, type Result } from "@/lib/errors";
import { promptSetInputSchema, STARTER_PROMPT_SET, storedPrompts, type PromptSetView } from "@/lib/grid/prompt-sets";
import { cancelGrid, retryGridCell, startGrid } from "@/lib/grid/service";
import { ensureOwnerId, getOwnerId } from "@/lib/owner/session";

// Thin: validate → owner → lib/grid use case → typed result.

const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

export async function startGridAction(spec: unknown): Promise<Result<{ gridId: string; priceMicroUsd: number; cellCount: number }>> {
  try {
    const started = await startGrid(await ensureOwnerId(), spec);
    return { ok: true, gridId: started.gridId, priceMicroUsd: started.priceMicroUsd, cellCount: started.cellCount };
  } catch (err) {
    return { ok: false, error: toErrorShape(err) };
  }
}

export async function cancelGridAction(gridId: unknown): Promise<{ cancelled: boolean }> {
  const ownerId = await getOwnerId();
  const parsed = id.safeParse(gridId);
  if (!ownerId || !parsed.success) return { cancelled: false };
  return { cancelled: await cancelGrid(ownerId, parsed.data) };
}

export async function retryGridCellAction(gridId: unknown, cellId: unknown): Promise<{ retried: boolean }> {
  const ownerId = await getOwnerId();
  const g = id.safeParse(gridId);
  const c = id.safeParse(cellId);
  if (!ownerId || !g.success || !c.success) return { retried: false };
  return { retried: await retryGridCell(ownerId, g.data, c.data) };
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
  const parsed = promptSetInputSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: "invalid_input", message: parsed.error.issues[0]?.message ?? "Check the prompt set." } };
  const row = await savePromptSet(await ensureOwnerId(), { id: parsed.data.id, name: parsed.data.name, prompts: JSON.stringify(parsed.data.prompts) });
  if (!row) return { ok: false, error: { code: "invalid_input", message: "That prompt set is gone; save it as a new one." } };
  return { ok: true, set: { id: row.id, name: row.name, prompts: storedPrompts(row.prompts), starter: false } };
}

export async function deletePromptSetAction(setId: unknown): Promise<{ deleted: boolean }> {
  const ownerId = await getOwnerId();
  const parsed = id.safeParse(setId);
  if (!ownerId || !parsed.success) return { deleted: false };
  return { deleted: await deletePromptSet(ownerId, parsed.data) };
}
