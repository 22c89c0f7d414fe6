import "server-only";
import { createHash } from "node:crypto";
import { env } from "@/lib/env";
import { NEVER_DISCOVERED, parseModelList, type DiscoverySnapshot } from "@/lib/models/discovery";
import { createTogetherClient } from "./client";

/**
 * Live discovery: which models Together lists for a key, and their image prices, read from
 * `GET /v1/models` through the SDK. Refreshed in the background every few hours (started in
 * instrumentation.ts) and never on a generation's path: a page may wait briefly for the very
 * first read, a generation never waits. Kept in memory per process and per key.
 */

export const DISCOVERY_REFRESH_MS = 3 * 60 * 60 * 1000;
/** After a failed read, try again sooner. */
const RETRY_AFTER_ERROR_MS = 10 * 60 * 1000;

interface Entry {
  snapshot: DiscoverySnapshot;
  inflight: Promise<DiscoverySnapshot> | null;
  nextAt: number;
}

const entries = new Map<string, Entry>();

/** "deployment", "simulator", or "key:<hash>" for a person's own key (never the key itself). */
export function discoveryScope(ownKey: string | null): string {
  if (ownKey) return `key:${createHash("sha256").update(ownKey).digest("hex").slice(0, 16)}`;
  return env().providerMode === "simulator" ? "simulator" : "deployment";
}

function describe(err: unknown): string {
  const status = (err as { status?: unknown }).status;
  if (typeof status === "number") return `Together answered ${status}`;
  return err instanceof Error ? err.message.split("\n")[0] : "unknown error";
}

async function read(ownKey: string | null): Promise<DiscoverySnapshot> {
  const simulated = !ownKey && env().providerMode === "simulator";
  const client = createTogetherClient({ simulated, apiKey: ownKey ?? undefined });
  // The SDK's typed list; the raw JSON is re-read so fields outside its types (image prices) survive.
  const response = await client.models.list(null, { timeout: 15_000 }).asResponse();
  return { status: "ok", fetchedAt: new Date().toISOString(), error: null, models: parseModelList(await response.json()) };
}

/** Reads now (sharing a read already under way); keeps the last good list when this one fails. */
export function refreshDiscovery(ownKey: string | null = null): Promise<DiscoverySnapshot> {
  const scope = discoveryScope(ownKey);
  const entry = entries.get(scope) ?? { snapshot: NEVER_DISCOVERED, inflight: null, nextAt: 0 };
  entries.set(scope, entry);
  if (entry.inflight) return entry.inflight;
  entry.inflight = read(ownKey)
    .then((snapshot) => {
      entry.snapshot = snapshot;
      entry.nextAt = Date.now() + DISCOVERY_REFRESH_MS;
      return snapshot;
    })
    .catch((err: unknown) => {
      entry.snapshot = { ...entry.snapshot, status: "error", error: describe(err) };
      entry.nextAt = Date.now() + RETRY_AFTER_ERROR_MS;
      return entry.snapshot;
    })
    .finally(() => {
      entry.inflight = null;
    });
  return entry.inflight;
}

/** What is known now, without waiting; starts a refresh in the background when one is due. */
export function currentDiscovery(ownKey: string | null = null): DiscoverySnapshot {
  const entry = entries.get(discoveryScope(ownKey));
  if (!entry || (Date.now() >= entry.nextAt && !entry.inflight)) void refreshDiscovery(ownKey);
  return entries.get(discoveryScope(ownKey))?.snapshot ?? NEVER_DISCOVERED;
}

/** For a page: the current list, waiting at most `waitMs` for a first read that is under way. */
export async function discoveryForPage(ownKey: string | null, waitMs = 1500): Promise<DiscoverySnapshot> {
  const now = currentDiscovery(ownKey);
  const inflight = entries.get(discoveryScope(ownKey))?.inflight;
  if (now.fetchedAt || !inflight) return now;
  const timeout = new Promise<DiscoverySnapshot>((resolve) => setTimeout(() => resolve(now), waitMs).unref?.());
  return Promise.race([inflight, timeout]);
}

let timer: NodeJS.Timeout | null = null;

/** Started once per server process: the deployment's list now, then every few hours. */
export function startDiscovery(): void {
  if (timer) return;
  void refreshDiscovery(null);
  timer = setInterval(() => void refreshDiscovery(null), DISCOVERY_REFRESH_MS);
  timer.unref();
}

/** Tests: forget everything read so far. */
export function resetDiscovery(): void {
  entries.clear();
}
