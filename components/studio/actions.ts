"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/action";
import type { Result } from "@/lib/errors";
import { generateForOwner, type GenerateResult } from "@/lib/generation/generate-for-owner";
import { getLimits } from "@/lib/limits/limits";
import { toLimitsView, type LimitsView } from "@/lib/limits/view";
import { loadStudioResults } from "@/lib/generation/recent";
import type { GenerationView } from "@/lib/generation/view";
import type { Catalog } from "@/lib/models/catalog";
import { modelsForPerson } from "@/lib/models/for-person";
import type { StudioModel } from "@/lib/models/status";
import { getOwnApiKey, getOwnApiKeys, removeOwnApiKey, setOwnApiKey } from "@/lib/owner/own-key";
import { getOwnerId } from "@/lib/owner/session";
import { forgetGridKeys } from "@/lib/grid/service";

/** The models as this person can use them now (after a key changed, or a provider refused one). */
export async function studioModelsAction(): Promise<{ models: StudioModel[]; catalog: Catalog }> {
  const { models, catalog } = await modelsForPerson(await getOwnApiKeys());
  return { models, catalog };
}

/** Validates, then runs the generate use case; never throws to the browser. */
export async function generateAction(raw: unknown): Promise<GenerateResult> {
  return generateForOwner(raw);
}

/** The studio's recent results and limits as they are now (a studio shown from Next's back/forward cache is older). */
export async function studioResultsAction(): Promise<{ results: GenerationView[]; limits: LimitsView }> {
  return loadStudioResults(await getOwnerId(), (await getOwnApiKey()) !== null);
}

const apiKeySchema = z.discriminatedUnion("provider", [
  z.object({
    provider: z.literal("together"),
    key: z
      .string()
      .trim()
      .min(20, "That does not look like a Together API key (too short)")
      .max(200, "That does not look like a Together API key (too long)")
      .regex(/^[A-Za-z0-9_\-.]+$/, "A Together API key has only letters, digits, '_', '-' and '.'"),
  }),
  z.object({
    provider: z.literal("fal"),
    key: z
      .string()
      .trim()
      .max(300, "That does not look like a fal.ai key (too long)")
      .regex(/^[A-Za-z0-9_\-.]{8,}:[A-Za-z0-9_\-.]{8,}$/, "A fal.ai key looks like key_id:key_secret (fal's dashboard shows both parts together)"),
  }),
]);

export interface OwnKeyState {
  set: boolean;
  hint: string | null;
  limits: LimitsView;
}

/** Keeps the person's own key in a sealed httpOnly cookie; it is never sent back to the page. */
export async function setOwnKeyAction(raw: unknown): Promise<Result<{ key: OwnKeyState }>> {
  return runAction(
    "setOwnKeyAction",
    apiKeySchema,
    raw,
    async ({ key, provider }) => {
      await setOwnApiKey(key, provider);
      const limits = toLimitsView(await getLimits(await getOwnerId(), { ownKey: provider === "together" }));
      return { ok: true, key: { set: true, hint: `…${key.slice(-4)}`, limits } };
    },
    { field: "apiKey" },
  );
}

export async function removeOwnKeyAction(provider: unknown): Promise<{ key: OwnKeyState }> {
  const which = provider === "fal" ? "fal" : "together";
  await removeOwnApiKey(which);
  // Removing a key also takes it out of this person's queued grids (their cells then stop, unsent).
  const ownerId = await getOwnerId();
  if (ownerId) await forgetGridKeys(ownerId, which);
  const ownTogether = which === "fal" && (await getOwnApiKey("together")) !== null;
  return { key: { set: false, hint: null, limits: toLimitsView(await getLimits(ownerId, { ownKey: ownTogether })) } };
}
