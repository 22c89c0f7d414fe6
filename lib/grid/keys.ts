import "server-only";
import { z } from "zod";
import { getAppSecret } from "@/lib/owner/secret";
import { seal, unseal } from "@/lib/owner/sealed";
import type { OwnKeys } from "@/lib/providers";
import type { ProviderId } from "@/lib/providers/types";

/**
 * The own keys a grid runs with. A grid outlives the browser that started it, so its workers
 * cannot read the person's key cookie: the keys its cells need are kept on the grid row,
 * sealed with the app secret like the cookie itself, and erased as soon as no cell is left to
 * run (lib/db/grid-queries.ts) or the person removes their key.
 */

const PURPOSE = "grid-keys";
const storedKeys = z.object({ together: z.string().min(1).optional(), fal: z.string().min(1).optional() });

const NO_KEYS: OwnKeys = { together: null, fal: null };

/** Seals the keys the grid's cells use (null when none: the grid runs on the deployment's keys). */
export function sealGridKeys(own: OwnKeys, providers: Iterable<ProviderId>): string | null {
  const used: Partial<Record<ProviderId, string>> = {};
  for (const p of providers) if (own[p]) used[p] = own[p];
  return Object.keys(used).length ? seal(JSON.stringify(used), getAppSecret(), PURPOSE) : null;
}

/** The grid's own keys; a missing, erased or unreadable value is no keys (never the deployment's by mistake: see the worker). */
export function unsealGridKeys(sealed: string | null): OwnKeys {
  const text = sealed ? unseal(sealed, getAppSecret(), PURPOSE) : null;
  if (!text) return NO_KEYS;
  try {
    const parsed = storedKeys.safeParse(JSON.parse(text));
    return parsed.success ? { together: parsed.data.together ?? null, fal: parsed.data.fal ?? null } : NO_KEYS;
  } catch {
    return NO_KEYS;
  }
}

/** The same keys without one provider's (the person removed it); null when none is left. */
export function withoutProvider(sealed: string | null, provider: ProviderId): string | null {
  const keys = unsealGridKeys(sealed);
  const rest = { ...keys, [provider]: null };
  return sealGridKeys(rest, ["together", "fal"]);
}
