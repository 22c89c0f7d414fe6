import "server-only";
import { createHash, createHmac } from "node:crypto";
import { env } from "@/lib/env";
import { getAppSecret } from "@/lib/owner/secret";
import type { ProviderId } from "./types";

/**
 * The name of the key a request is paid with. Grid cells are queued under it, rate-limit pauses
 * are shared by every cell using it, and an instance only claims cells it can send with that
 * very key:
 *
 * - a deployment key: `together:deployment:<fingerprint of key and endpoint>` (the simulator when
 *   there is none) — only instances configured with the same key and endpoint serve it;
 * - a person's own key: `together:own:<instance tag>:<fingerprint of key>`, where the instance tag
 *   covers the endpoint and the app secret the key is sealed with — any instance that can unseal
 *   the key and reaches the same endpoint serves it.
 *
 * Fingerprints are truncated hashes: a scope never reveals a key.
 */

const fingerprint = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);

function endpoint(provider: ProviderId): string {
  const e = env();
  return provider === "together" ? (e.togetherBaseUrl ?? "") : e.falBaseUrl;
}

/** Which own-key cells this instance can run: same endpoint, same sealing secret. */
function ownTag(provider: ProviderId): string {
  const secretId = createHmac("sha256", getAppSecret()).update("grid-key-scope").digest("hex").slice(0, 16);
  return fingerprint(`${endpoint(provider)}\n${secretId}`);
}

export function keyScopeFor(provider: ProviderId, ownKey: string | null): string {
  if (ownKey) return `${provider}:own:${ownTag(provider)}:${fingerprint(ownKey)}`;
  const e = env();
  const deploymentKey = provider === "together" ? e.togetherApiKey : e.falKey;
  return `${provider}:deployment:${fingerprint(`${deploymentKey ?? "simulator"}\n${endpoint(provider)}`)}`;
}

/** Is this scope a person's own key (as opposed to the deployment's)? */
export const isOwnKeyScope = (scope: string): boolean => scope.split(":")[1] === "own";

/** The scopes this instance can run: its deployment keys exactly, and own keys by prefix. */
export interface ServableScopes {
  exact: string[];
  prefixes: string[];
}

export function servableKeyScopes(): ServableScopes {
  const providers = ["together", "fal"] as const;
  return { exact: providers.map((p) => keyScopeFor(p, null)), prefixes: providers.map((p) => `${p}:own:${ownTag(p)}:`) };
}

/** Pure: whether `scope` is one of `servable` (what the claim queries ask the database). */
export function canServe(scope: string, servable: ServableScopes): boolean {
  return servable.exact.includes(scope) || servable.prefixes.some((p) => scope.startsWith(p));
}
