import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Comparison } from "@/components/compare/comparison";
import { PickTwo } from "@/components/compare/pick-two";
import { BackToGallery } from "@/components/gallery/generation-actions";
import { BackLink } from "@/components/ui/back-link";
import { parseBackParam } from "@/lib/compare/back";
import { diffParams } from "@/lib/compare/diff";
import { parseComparePair } from "@/lib/compare/href";
import { paramsFromGeneration } from "@/lib/compare/params";
import { toCompareSide } from "@/lib/compare/side";
import { getGenerationPairForOwner } from "@/lib/db/compare-queries";
import { toGenerationView } from "@/lib/generation/view";
import { getOwnerId } from "@/lib/owner/session";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Compare", robots: { index: false, follow: false } };

type SearchParams = Record<string, string | string[] | undefined>;

/** Two of the owner's results: /compare?a={generationId}&b={generationId}[&back={the page it was opened from}]. */
export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const pair = parseComparePair(query);
  if (pair.kind === "missing") return <PickTwo where="your gallery" href="/gallery" linkLabel="Open the gallery" />;
  if (pair.kind === "invalid") notFound();
  const ownerId = await getOwnerId();
  const found = ownerId ? await getGenerationPairForOwner(pair.a, pair.b, ownerId) : null;
  if (!found) notFound();

  const [ga, gb] = found.map(toGenerationView);
  const [pa, pb] = [paramsFromGeneration(ga), paramsFromGeneration(gb)];
  const a = toCompareSide("A", pa, ga.images[0], { href: `/gallery/${ga.id}`, label: "Details" });
  const b = toCompareSide("B", pb, gb.images[0], { href: `/gallery/${gb.id}`, label: "Details" });
  const back = parseBackParam(query.back);
  return <Comparison a={a} b={b} rows={diffParams(pa, pb)} back={back ? <BackLink href={back.href}>{back.label}</BackLink> : <BackToGallery />} />;
}
