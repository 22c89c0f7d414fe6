import "server-only";
import { getDb } from "./client";

const withParts = {
  images: { orderBy: { index: "asc" as const } },
  loras: { orderBy: { position: "asc" as const } },
};

/**
 * Two results to compare, in the order asked: null unless both are this owner's, not deleted
 * and succeeded (someone else's id answers the same as a missing one). The same id twice is
 * one row, answered for both sides.
 */
export async function getGenerationPairForOwner(a: string, b: string, ownerId: string) {
  const rows = await getDb().generation.findMany({
    where: { id: { in: [a, b] }, ownerId, deletedAt: null, status: "succeeded" },
    include: withParts,
  });
  const first = rows.find((r) => r.id === a);
  const second = rows.find((r) => r.id === b);
  return first && second ? ([first, second] as const) : null;
}
