import "server-only";
import {
  countAddressGenerationsSince,
  countOwnerGenerationsSince,
  deploymentSpendSince,
  oldestAddressGenerationSince,
  oldestOwnerGenerationSince,
  type DbClient,
} from "@/lib/db/queries";
import { env } from "@/lib/env";
import { decideLimits, rateWindowStart, startOfUtcDay, type LimitsSnapshot } from "./policy";

export interface LimitsOptions {
  ownKey: boolean;
  now?: Date;
  /**
   * Keyed hash of the address of a request that came without an owner cookie: such a request
   * would start a fresh owner each time, so it is also held to the hourly limit for everything
   * made from its address.
   */
  anonAddress?: string | null;
  /** Read inside this transaction (the admission check) rather than on their own. */
  db?: DbClient;
}

/** Whether the deployment's daily budget applies to a request. */
export function isBudgeted(options: { ownKey: boolean }): boolean {
  const { dailyBudgetMicroUsd, providerMode } = env();
  // Only the deployment's own Together key spends money: not the simulator, not a person's own key.
  return dailyBudgetMicroUsd !== null && providerMode === "together" && !options.ownKey;
}

/** Where an owner stands against the deployment's limits (null parts are switched off). */
export async function getLimits(ownerId: string | null, options: LimitsOptions): Promise<LimitsSnapshot> {
  const now = options.now ?? new Date();
  const { rateLimitPerHour, dailyBudgetMicroUsd } = env();
  const budgeted = isBudgeted(options);
  const windowStart = rateWindowStart(now);
  const rated = rateLimitPerHour > 0;
  const anon = rated && options.anonAddress ? options.anonAddress : null;
  const [used, oldest, spent, addressUsed, addressOldest] = await Promise.all([
    rated && ownerId ? countOwnerGenerationsSince(ownerId, windowStart, options.db) : 0,
    rated && ownerId ? oldestOwnerGenerationSince(ownerId, windowStart, options.db) : null,
    budgeted ? deploymentSpendSince(startOfUtcDay(now), options.db) : 0,
    anon ? countAddressGenerationsSince(anon, windowStart, options.db) : 0,
    anon ? oldestAddressGenerationSince(anon, windowStart, options.db) : null,
  ]);
  const rateOf = (n: number, first: Date | null) => ({ limit: rateLimitPerHour, used: n, remaining: Math.max(0, rateLimitPerHour - n), windowStart, oldestInWindow: first });
  return {
    rate: rated ? rateOf(used, oldest) : null,
    budget: budgeted ? { capMicroUsd: dailyBudgetMicroUsd!, spentMicroUsd: spent, remainingMicroUsd: dailyBudgetMicroUsd! - spent } : null,
    address: anon ? rateOf(addressUsed, addressOldest) : null,
  };
}

/** The decision for a request whose own row is already counted (see lib/limits/admission.ts). */
export async function checkLimits(ownerId: string, options: LimitsOptions & { estimateMicroUsd: number }) {
  const now = options.now ?? new Date();
  return decideLimits(await getLimits(ownerId, { ...options, now }), now, { estimateMicroUsd: options.estimateMicroUsd });
}
