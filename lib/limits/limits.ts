import "server-only";
import { countOwnerGenerationsSince, deploymentSpendSince, oldestOwnerGenerationSince } from "@/lib/db/queries";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { decideLimits, rateWindowStart, startOfUtcDay, type LimitsSnapshot } from "./policy";

/** Where an owner stands against the deployment's limits (null parts are switched off). */
export async function getLimits(ownerId: string | null, options: { ownKey: boolean; now?: Date }): Promise<LimitsSnapshot> {
  const now = options.now ?? new Date();
  const { rateLimitPerHour, dailyBudgetMicroUsd, providerMode } = env();
  // Only the deployment's own Together key spends money: not the simulator, not a person's own key.
  const budgeted = dailyBudgetMicroUsd !== null && providerMode === "together" && !options.ownKey;
  const windowStart = rateWindowStart(now);
  const [used, oldest, spent] = await Promise.all([
    rateLimitPerHour > 0 && ownerId ? countOwnerGenerationsSince(ownerId, windowStart) : 0,
    rateLimitPerHour > 0 && ownerId ? oldestOwnerGenerationSince(ownerId, windowStart) : null,
    budgeted ? deploymentSpendSince(startOfUtcDay(now)) : 0,
  ]);
  return {
    rate: rateLimitPerHour > 0 ? { limit: rateLimitPerHour, used, remaining: Math.max(0, rateLimitPerHour - used), windowStart, oldestInWindow: oldest } : null,
    budget: budgeted ? { capMicroUsd: dailyBudgetMicroUsd!, spentMicroUsd: spent, remainingMicroUsd: dailyBudgetMicroUsd! - spent } : null,
  };
}

/** Throws a typed error when the just-inserted pending request does not fit. */
export async function enforceLimits(ownerId: string, options: { ownKey: boolean; now?: Date }): Promise<void> {
  const now = options.now ?? new Date();
  const decision = decideLimits(await getLimits(ownerId, { ...options, now }), now);
  if (!decision.ok) {
    throw new AppError({ code: decision.code, message: decision.message, retryAfterSeconds: decision.retryAfterSeconds });
  }
}
