import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Comparison } from "@/components/compare/comparison";
import { PickTwo } from "@/components/compare/pick-two";
import { BackLink } from "@/components/ui/back-link";
import { diffParams } from "@/lib/compare/diff";
import { parseComparePair } from "@/lib/compare/href";
import { paramsFromShared } from "@/lib/compare/params";
import { toCompareSide } from "@/lib/compare/side";
import { loadSharedCollection } from "@/lib/sharing/load";
import { clip } from "@/lib/text/clip";

// Always read the database: revoking a link must take effect on the next request.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const collection = await loadSharedCollection((await params).slug);
  const robots = { index: false, follow: false };
  return collection ? { title: `Compare · ${clip(collection.name, 60)}`, robots } : { title: "Link not available", robots };
}

/** Two results of a shared collection: /c/{slug}/compare?a={generationId}&b={generationId}. */
export default async function SharedComparePage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const collection = await loadSharedCollection(slug);
  if (!collection) notFound();
  const pair = parseComparePair(query);
  if (pair.kind === "missing") return <PickTwo where="this collection" href={`/c/${slug}`} linkLabel={`Back to ${clip(collection.name, 40)}`} />;
  if (pair.kind === "invalid") notFound();
  // Only items of this collection: its slug is what lets a visitor see them at all.
  const itemA = collection.items.find((i) => i.key === pair.a);
  const itemB = collection.items.find((i) => i.key === pair.b);
  if (!itemA || !itemB) notFound();

  const [pa, pb] = [paramsFromShared(itemA), paramsFromShared(itemB)];
  const a = toCompareSide("A", pa, itemA.images[0], itemA.images[0] ? { href: itemA.images[0].url, label: "Full size" } : null);
  const b = toCompareSide("B", pb, itemB.images[0], itemB.images[0] ? { href: itemB.images[0].url, label: "Full size" } : null);
  return <Comparison a={a} b={b} rows={diffParams(pa, pb)} back={<BackLink href={`/c/${slug}`}>{clip(collection.name, 60)}</BackLink>} />;
}
