import "server-only";
import { getLoraInfoForPaths } from "@/lib/db/share-queries";
import { toGalleryItemView, type GalleryItemView } from "./view";

/** Gallery rows → tiles, with each LoRA's title from the card cache (one query per page). */
export async function toGalleryItems(rows: Parameters<typeof toGalleryItemView>[0][]): Promise<GalleryItemView[]> {
  const info = await getLoraInfoForPaths(rows.flatMap((r) => r.loras.map((l) => l.path)));
  const titles = new Map([...info].map(([path, i]) => [path, i.title]));
  return rows.map((r) => toGalleryItemView(r, titles));
}
