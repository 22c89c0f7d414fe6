import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CollectionEditor, type CollectionEditorItem } from "@/components/collections/collection-editor";
import { getCollectionForOwner } from "@/lib/db/collection-queries";
import { getLoraInfoForPaths } from "@/lib/db/share-queries";
import { thumbUrl, toOwnerSweepItem } from "@/lib/collections/view";
import { ownerContactSheetPath } from "@/lib/explore/contact-sheet-request";
import { gridCaption, namedSweepAxes } from "@/lib/explore/contact-sheet-spec";
import { gridCellsForCollection } from "@/lib/db/grid-queries";
import { layoutGrid } from "@/lib/grid/layout";
import { toGenerationView } from "@/lib/generation/view";
import { getOwnerId } from "@/lib/owner/session";
import { collectionSharePath } from "@/lib/sharing/slug";
import { collectionKind, parseAxes, toSharedLora } from "@/lib/sharing/view";
import { studioHref } from "@/lib/studio/from-generation";

export const dynamic = "force-dynamic";

async function load(id: string) {
  const ownerId = await getOwnerId();
  // Another owner's collection, a missing one and a malformed id all look the same: 404.
  if (!ownerId || !/^[A-Za-z0-9_-]{1,100}$/.test(id)) return null;
  return getCollectionForOwner(id, ownerId);
}

export async function generateMetadata({ params }: PageProps<"/collections/[id]">): Promise<Metadata> {
  const collection = await load((await params).id);
  return { title: collection ? collection.name : "Collection not found", robots: { index: false } };
}

/**
 * One of the owner's collections: reorder, remove, rename, share. Owner-only; 404 for anyone else.
 * A sweep or grid whose axes read also gets the labelled grid the public page shows, with owner URLs.
 */
export default async function CollectionPage({ params }: PageProps<"/collections/[id]">) {
  const collection = await load((await params).id);
  if (!collection) notFound();
  const loraInfo = await getLoraInfoForPaths(collection.items.flatMap((item) => item.generation.loras.map((l) => l.path)));
  const items: CollectionEditorItem[] = collection.items.map((item) => {
    const view = toGenerationView(item.generation);
    const first = item.generation.images[0];
    return {
      generation: view,
      thumbUrl: first ? thumbUrl(first.id, first.contentHash) : null,
      thumbWidth: first?.thumbWidth ?? first?.width ?? view.width,
      thumbHeight: first?.thumbHeight ?? first?.height ?? view.height,
      studioHref: studioHref(view),
      loraNames: Object.fromEntries(view.loras.map((l) => [l.position, toSharedLora(l, loraInfo.get(l.path)).name])),
    };
  });
  const kind = collectionKind(collection.kind);
  const gridItems = kind === "manual" ? [] : collection.items.map((item) => toOwnerSweepItem(item, loraInfo));
  const axes = kind === "sweep" ? parseAxes(collection.axes) : null;
  const contactSheetHref = ownerContactSheetPath(collection.id);
  const sweep = axes ? { axes: namedSweepAxes(axes, gridItems), items: gridItems, contactSheetHref } : null;
  const layout =
    kind === "grid"
      ? layoutGrid(
          collection.axes,
          gridItems.map((item, i) => ({ item: { ...item, cell: null }, cell: collection.items[i].cell })),
          await gridCellsForCollection(collection.id, { reasons: true }),
        )
      : null;
  const grid = layout ? { layout, caption: gridCaption(layout), contactSheetHref } : null;
  return (
    <CollectionEditor
      key={collection.id}
      collection={{
        id: collection.id,
        name: collection.name,
        description: collection.description,
        kind,
        sharePath: collection.shareSlug ? collectionSharePath(collection.shareSlug) : null,
      }}
      items={items}
      sweep={sweep}
      grid={grid}
    />
  );
}
