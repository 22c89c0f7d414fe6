"use server";

import { z } from "zod";
import { getLoraPreferences, saveLoraDefaults, setLoraFavorite } from "@/lib/db/lora-catalog-queries";
import { runAction } from "@/lib/actions/action";
import type { Result } from "@/lib/errors";
import { MAX_LINK_LENGTH, parseLoraLink } from "@/lib/loras/link";
import { searchLoras, toPreferenceView } from "@/lib/loras/search/service";
import type { LoraPreferenceView, LoraSearchResult, RemoteStatus } from "@/lib/loras/search/types";
import { ensureOwnerId, getOwnerId } from "@/lib/owner/session";

export type { LoraPreferenceView, LoraSearchResult, RemoteStatus };

/** A LoRA link or path → its canonical Together path (what preferences are keyed by). */
const loraPathSchema = z
  .string()
  .max(MAX_LINK_LENGTH)
  .transform((value, ctx) => {
    const parsed = parseLoraLink(value);
    if (!parsed.ok || !parsed.path) {
      ctx.addIssue({ code: "custom", message: parsed.ok ? "That link needs a version (?modelVersionId=…)." : parsed.reason });
      return z.NEVER;
    }
    return parsed.path;
  });

const searchSchema = z.object({
  query: z.string().max(200).default(""),
  modelId: z.string().max(200).optional(),
  includeRemote: z.boolean().default(false),
});

export type SearchLorasResult = Result<{ local: LoraSearchResult[]; remote: LoraSearchResult[]; remoteStatus: RemoteStatus }>;

/** Local catalog hits (ranked) and, with includeRemote and 2+ characters, Hugging Face / Civitai hits. */
export async function searchLorasAction(raw: unknown): Promise<SearchLorasResult> {
  return runAction("searchLorasAction", searchSchema, raw, async (input) => ({ ok: true, ...(await searchLoras(await getOwnerId(), input)) }));
}

export type ToggleFavoriteResult = Result<{ path: string; favorite: boolean }>;

export async function toggleFavoriteAction(path: unknown, favorite: unknown): Promise<ToggleFavoriteResult> {
  return runAction("toggleFavoriteAction", z.object({ path: loraPathSchema, favorite: z.boolean() }), { path, favorite }, async (input) => {
    const row = await setLoraFavorite(await ensureOwnerId(), input.path, input.favorite);
    return { ok: true, path: row.loraPath, favorite: row.favorite };
  });
}

const defaultsSchema = z.object({
  scale: z.number().min(-2).max(2).nullable().default(null),
  triggers: z.array(z.string().trim().min(1).max(300)).max(10).nullable().default(null),
  placement: z.enum(["before", "after"]).nullable().default(null),
});

export type LoraDefaultsInput = z.input<typeof defaultsSchema>;
export type SaveLoraDefaultsResult = Result<{ path: string; preference: LoraPreferenceView | null }>;

/** Remembers the owner's scale, chosen trigger phrases and their placement for a LoRA. */
export async function saveLoraDefaultsAction(path: unknown, defaults: unknown): Promise<SaveLoraDefaultsResult> {
  return runAction("saveLoraDefaultsAction", z.object({ path: loraPathSchema, defaults: defaultsSchema }), { path, defaults }, async (input) => {
    const d = input.defaults;
    const row = await saveLoraDefaults(await ensureOwnerId(), input.path, {
      scale: d.scale,
      triggers: d.triggers === null ? null : JSON.stringify(d.triggers),
      placement: d.placement,
    });
    return { ok: true, path: row.loraPath, preference: toPreferenceView(row) };
  });
}

export type LoraPreferencesResult = Result<{ preferences: Record<string, { favorite: boolean; preference: LoraPreferenceView | null }> }>;

/** Favorite flag and remembered defaults per path (keys are the canonical paths asked for). */
export async function getLoraPreferencesAction(paths: unknown): Promise<LoraPreferencesResult> {
  return runAction("getLoraPreferencesAction", z.array(z.string().max(MAX_LINK_LENGTH)).max(200), paths, async (asked) => {
    const ownerId = await getOwnerId();
    if (!ownerId) return { ok: true, preferences: {} };
    const canonical = new Map(asked.map((p) => {
      const r = parseLoraLink(p);
      return [r.ok && r.path ? r.path : p, p] as const;
    }));
    const rows = await getLoraPreferences(ownerId, [...canonical.keys()]);
    const preferences: Record<string, { favorite: boolean; preference: LoraPreferenceView | null }> = {};
    for (const row of rows) preferences[canonical.get(row.loraPath) ?? row.loraPath] = { favorite: row.favorite, preference: toPreferenceView(row) };
    return { ok: true, preferences };
  }, { field: "paths" });
}
