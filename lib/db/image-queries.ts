import "server-only";
import { getDb } from "./client";

/** Queries for serving image bytes (one function per query, as in queries.ts). */

/**
 * An image with what serving it needs: its generation's owner (to refuse other owners), and the
 * prompt and seed its download is named after. Null when missing or when its generation is
 * soft-deleted, so a deleted result's images go at once.
 */
export async function getLiveImageWithOwner(imageId: string) {
  return getDb().generationImage.findFirst({
    where: { id: imageId, generation: { deletedAt: null } },
    include: { generation: { select: { id: true, ownerId: true, seed: true, userPrompt: true } } },
  });
}

/** Records a thumbnail made after the fact (rows from before thumbnails, or one that failed at generation). */
export async function setImageThumbnail(imageId: string, thumb: { thumbKey: string; thumbWidth: number; thumbHeight: number }): Promise<void> {
  // updateMany: an image deleted meanwhile is not an error.
  await getDb().generationImage.updateMany({ where: { id: imageId }, data: thumb });
}
