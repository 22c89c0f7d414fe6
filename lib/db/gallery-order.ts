/**
 * The gallery's orders and keyset positions as the queries use them (pure: lib/gallery's
 * cursor codec and URL filters build on these; lib/db imports no feature module).
 */

export const GALLERY_ORDERS = ["newest", "oldest", "cost"] as const;
export type GalleryOrder = (typeof GALLERY_ORDERS)[number];

/** Where a page ended: its last row's sort key and id. */
export interface GalleryPosition {
  sort: GalleryOrder;
  /** newest/oldest: createdAt in epoch milliseconds; cost: costMicroUsd. */
  key: number;
  id: string;
}

/** The position that continues after this row in this order. */
export function positionAfter(row: { id: string; createdAt: Date; costMicroUsd: number }, sort: GalleryOrder): GalleryPosition {
  return { sort, key: sort === "cost" ? row.costMicroUsd : row.createdAt.getTime(), id: row.id };
}
