import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CompareToggle, CompareTray } from "@/components/compare/compare-selection";
import { CollectionCards, SweepGrid } from "@/components/sharing/collection-grid";
import { ContactSheetLink } from "@/components/sharing/contact-sheet-link";
import { SavedGrid } from "@/components/sharing/saved-grid";
import { contactSheetLayout } from "@/lib/explore/contact-sheet-layout";
import { SHEET_SIZE_DEFAULT, sharedContactSheetPath } from "@/lib/explore/contact-sheet-request";
import { gridCaption, gridSheet, sweepSheet, toSheetItem } from "@/lib/explore/contact-sheet-spec";
import { formatUsd } from "@/lib/models/pricing";
import { loadSharedCollection, requestBaseUrl } from "@/lib/sharing/load";
import type { SharedCollection, SharedCollectionItem, SweepAxes } from "@/lib/sharing/view";
import { clip, clipAtWord } from "@/lib/text/clip";
import { isSimulated } from "@/lib/providers/names";

// Always read the database: revoking a link must take effect on the next request.
export const dynamic = "force-dynamic";

function describeCollection(c: SharedCollection): string {
  const count = `${c.items.length} result${c.items.length === 1 ? "" : "s"}`;
  const loras = [...new Set(c.items.flatMap((i) => i.loras.map((l) => l.name)))];
  const prompts = [...new Set(c.items.map((i) => i.userPrompt.trim()).filter(Boolean))];
  const parts = [c.description?.trim() || null, prompts.length ? `“${clip(prompts[0], 120)}”${prompts.length > 1 ? ` and ${prompts.length - 1} more prompt${prompts.length > 2 ? "s" : ""}` : ""}` : null];
  const text = `${count}${parts.filter(Boolean).length ? ` — ${parts.filter(Boolean).join(" · ")}` : ""}${loras.length ? ` — LoRA${loras.length > 1 ? "s" : ""}: ${loras.slice(0, 4).join(", ")}${loras.length > 4 ? "…" : ""}` : ""}`;
  return clip(text, 300);
}

export async function generateMetadata({ params }: PageProps<"/c/[slug]">): Promise<Metadata> {
  const { slug } = await params;
  const collection = await loadSharedCollection(slug);
  if (!collection) return { title: "Link not available", robots: { index: false, follow: false } };
  const title = clipAtWord(collection.name, 70);
  const description = describeCollection(collection);
  const first = collection.items.find((i) => i.images.length > 0);
  const alt = first ? clip(first.userPrompt || collection.name, 200) : collection.name;
  // A sweep's or grid's preview is the whole grid: the stored contact sheet (sized from the same spec it is drawn with).
  const sheet = !first
    ? null
    : collection.grid
      ? gridSheet(collection.grid, (i) => toSheetItem(i, null))
      : collection.kind === "sweep" && collection.axes
        ? sweepSheet(collection.axes, collection.items, (i) => toSheetItem(i, i.cell))
        : null;
  const sheetLayout = sheet && sheet.tiles.length > 0 ? contactSheetLayout(sheet.spec.axes, sheet.hasBaseline, SHEET_SIZE_DEFAULT, sheet.spec) : null;
  const image = sheetLayout
    ? { url: sharedContactSheetPath(slug), width: sheetLayout.width, height: sheetLayout.height }
    : first && { url: first.images[0].url, width: first.images[0].width, height: first.images[0].height };
  const imageAlt = sheetLayout ? `Contact sheet of ${collection.name}: ${alt}` : alt;
  return {
    metadataBase: await requestBaseUrl(),
    title,
    description,
    robots: { index: false, follow: false },
    alternates: { canonical: `/c/${slug}` },
    openGraph: {
      type: "website",
      siteName: "Lorascope",
      url: `/c/${slug}`,
      title,
      description,
      images: image ? [{ url: image.url, width: image.width, height: image.height, alt: imageAlt }] : [],
    },
    twitter: { card: "summary_large_image", title, description, images: image ? [{ url: image.url, alt: imageAlt }] : [] },
  };
}

/** A shared collection: its results and their recipes, as cards or as a labelled sweep or grid. */
export default async function SharedCollectionPage({ params }: PageProps<"/c/[slug]">) {
  const { slug } = await params;
  const collection = await loadSharedCollection(slug);
  if (!collection) notFound();
  const sweep = collection.kind === "sweep" && collection.axes !== null;
  const grid = collection.grid;
  const compare = (item: SharedCollectionItem, label: string) => (
    <CompareToggle variant="compact" hrefBase={`/c/${slug}/compare`} generationId={item.key} label={label} thumbUrl={item.images[0]?.thumbUrl} />
  );
  const count = collection.items.length;
  const total = collection.items.reduce((sum, i) => sum + i.costMicroUsd, 0);
  const simulated = collection.items.some((i) => isSimulated(i.provider));
  return (
    <article className="flex flex-col gap-6" aria-labelledby="collection-title">
      <header className="flex flex-col gap-2">
        <span className="text-xs font-semibold uppercase tracking-[0.14em] text-accent-600 dark:text-accent-400">
          {grid ? "Shared grid" : sweep ? "Shared sweep" : "Shared collection"}
        </span>
        <h1 id="collection-title" className="text-balance break-words text-2xl font-semibold tracking-tight sm:text-3xl">
          {collection.name}
        </h1>
        {collection.description && <p className="max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">{collection.description}</p>}
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {count} result{count === 1 ? "" : "s"}
          {count > 0 && <> · {formatUsd(total)} to make</>}
          {simulated && " · simulated images"}
          {" · "}open any one in the studio to remix it.
        </p>
      </header>
      {count === 0 && !grid ? (
        <p className="rounded-2xl border border-dashed border-zinc-300 p-10 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          This collection is empty right now.
        </p>
      ) : grid ? (
        <>
          <SavedGrid grid={grid} caption={gridCaption(grid)} actions={<ContactSheetLink href={sharedContactSheetPath(slug)} />} cellExtras={compare} />
          <CompareTray hrefBase={`/c/${slug}/compare`} />
        </>
      ) : sweep ? (
        <>
          <SweepGrid collection={collection as SharedCollection & { axes: SweepAxes }} actions={<ContactSheetLink href={sharedContactSheetPath(slug)} />} cellExtras={compare} />
          <CompareTray hrefBase={`/c/${slug}/compare`} />
        </>
      ) : (
        <CollectionCards items={collection.items} />
      )}
    </article>
  );
}
