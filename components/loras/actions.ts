"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/action";
import type { Result } from "@/lib/errors";
import type { LoraCard } from "@/lib/loras/card";
import { addOwnerLora } from "@/lib/db/lora-catalog-queries";
import { requestAddressKey } from "@/lib/http/client-address";
import { enforceResolveLimit } from "@/lib/limits/resolve-limit";
import { resolveLoraCard } from "@/lib/loras/resolve-card";
import { ensureOwnerId } from "@/lib/owner/session";

const linkSchema = z.string().max(4096, "That link is too long");

/** Pasted link → LoRA card (cached in the database; a repeat answers from there). */
export async function resolveLoraAction(raw: unknown): Promise<Result<{ card: LoraCard; notices: string[]; cached: boolean }>> {
  return runAction(
    "resolveLoraAction",
    linkSchema,
    raw,
    async (link) => {
      const ownerId = await ensureOwnerId();
      // Each lookup can make the server fetch from the web: limited per browser and per address.
      await enforceResolveLimit({ ownerId, addressKey: await requestAddressKey() });
      const resolved = await resolveLoraCard(link);
      // The link stays this browser's: others see it only once a result using it is shared.
      await addOwnerLora(ownerId, resolved.card.path);
      return { ok: true, ...resolved };
    },
    { field: "lora" },
  );
}
