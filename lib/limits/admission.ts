import "server-only";
import { getDb } from "@/lib/db/client";
import { resolveDatabaseConfig } from "@/lib/db/provider";
import { createPendingGeneration, failGeneration, type NewGeneration } from "@/lib/db/queries";
import { AppError } from "@/lib/errors";
import { checkLimits, isBudgeted } from "./limits";

/**
 * Admitting a generation: insert its pending row, count what is already there (this row
 * included), and refuse it in the same transaction when it does not fit. The count and the
 * insert must not interleave with another admission's, or concurrent requests either all
 * see each other and all refuse (PostgreSQL, READ COMMITTED) or none see each other and all
 * pass. SQLite serializes writers already: the INSERT takes the database's write lock first.
 * PostgreSQL takes transaction-scoped advisory locks for what the request is counted against
 * — the deployment's budget, the owner, the address — always in that order, so admissions
 * that share one of them run one after another, across every instance, and others don't wait.
 */
export async function admitGeneration(row: NewGeneration, options: { now?: Date; anonymous?: boolean } = {}) {
  const db = getDb();
  const postgres = resolveDatabaseConfig(process.env).provider === "postgres";
  const locks = [
    ...(isBudgeted(row) ? ["lorascope:budget"] : []),
    `lorascope:owner:${row.ownerId}`,
    ...(row.addressKey ? [`lorascope:address:${row.addressKey}`] : []),
  ];
  const { pending, decision } = await db.$transaction(
    async (tx) => {
      if (postgres) {
        for (const key of locks) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
      }
      const created = await createPendingGeneration(row, tx);
      const decision = await checkLimits(row.ownerId, { ownKey: row.ownKey, anonAddress: options.anonymous ? row.addressKey : null, estimateMicroUsd: row.estimateMicroUsd, now: options.now, db: tx });
      if (!decision.ok) await failGeneration(created.id, { code: decision.code, message: decision.message }, tx);
      return { pending: created, decision };
    },
    // Admissions queue behind each other's locks: give them room to wait.
    { maxWait: 20_000, timeout: 30_000 },
  );
  if (!decision.ok) throw new AppError({ code: decision.code, message: decision.message, retryAfterSeconds: decision.retryAfterSeconds });
  return pending;
}
