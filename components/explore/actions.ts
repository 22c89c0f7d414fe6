"use server";

import { idSchema, runAction } from "@/lib/actions/action";
import { deleteEmptySweep } from "@/lib/db/sweep-queries";
import type { Result } from "@/lib/errors";
import type { LiveSweep } from "@/lib/explore/live";
import { loadSweepForOwner } from "@/lib/explore/load-sweep";
import { startSweep, startSweepSchema } from "@/lib/explore/start-sweep";
import { getCatalog } from "@/lib/models/registry";
import { getOwnApiKey } from "@/lib/owner/own-key";
import { ensureOwnerId, getOwnerId } from "@/lib/owner/session";

/** Checks the whole sweep against the limits and creates its collection (lib/explore/start-sweep.ts). */
export async function startSweepAction(raw: unknown): Promise<Result<{ collectionId: string; name: string }>> {
  return runAction(
    "startSweepAction",
    startSweepSchema(getCatalog()),
    raw,
    async (request) => startSweep(await ensureOwnerId(), (await getOwnApiKey()) !== null, request),
    { invalidMessage: "The sweep's settings were not understood; check the values and try again." },
  );
}

// The two below keep their plain answers (the studio's sweep hook reads them as they are):
// neither can fail in a way the person can act on.

/** After a sweep ends: drops its collection when no cell was saved into it. */
export async function discardEmptySweepAction(collectionId: string): Promise<{ deleted: boolean }> {
  const id = idSchema.safeParse(collectionId);
  const ownerId = await getOwnerId();
  if (!ownerId || !id.success) return { deleted: false };
  return { deleted: await deleteEmptySweep(id.data, ownerId) };
}

/** The owner's saved sweep as the studio grid, for a studio brought back by the back button. */
export async function loadSweepAction(collectionId: unknown): Promise<LiveSweep | null> {
  if (typeof collectionId !== "string") return null;
  return loadSweepForOwner(await getOwnerId(), collectionId);
}
