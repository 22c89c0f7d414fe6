import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { CompareTray } from "@/components/compare/compare-selection";
import { GalleryBrowser } from "@/components/gallery/gallery-browser";
import { InterruptedNotice } from "@/components/gallery/interrupted-notice";
import { TotalsBar } from "@/components/gallery/totals-bar";
import { filteredGalleryTotals, galleryFacets, galleryTotals, listGallery } from "@/lib/gallery/list";
import { listRecentInterrupted } from "@/lib/db/lease-queries";
import { toGalleryItems } from "@/lib/gallery/items";
import { filterSummary } from "@/lib/gallery/totals";
import { parseGalleryParams, toGalleryQuery } from "@/lib/gallery/filters";
import type { GalleryFacets, GalleryTotals } from "@/lib/gallery/view";
import { getCatalog } from "@/lib/models/registry";
import { getOwnerId } from "@/lib/owner/session";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Gallery" };

type SearchParams = Record<string, string | string[] | undefined>;

function toURLSearchParams(params: SearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(key, v);
  }
  return out;
}

const NO_TOTALS: GalleryTotals = {
  today: { generations: 0, images: 0, spendMicroUsd: 0, deletedGenerations: 0 },
  month: { generations: 0, images: 0, spendMicroUsd: 0, deletedGenerations: 0 },
  allTime: { generations: 0, images: 0, spendMicroUsd: 0, deletedGenerations: 0 },
};
const NO_FACETS: GalleryFacets = { loras: [], models: [] };

export default async function GalleryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [raw, ownerId] = await Promise.all([searchParams, getOwnerId()]);
  const params = parseGalleryParams(toURLSearchParams(raw));
  const { sort, filters } = toGalleryQuery(params);
  const modelLabels = Object.fromEntries(getCatalog().models.map((m) => [m.id, m.label]));
  const summary = filterSummary(params, modelLabels);
  const [page, totals, facets, filteredTotals] = ownerId
    ? await Promise.all([listGallery(ownerId, { sort, filters }), galleryTotals(ownerId), galleryFacets(ownerId), summary ? filteredGalleryTotals(ownerId, filters) : null])
    : [{ items: [], nextCursor: null }, NO_TOTALS, NO_FACETS, null];
  // eslint-disable-next-line react-hooks/purity -- a server component renders once per request
  const interrupted = ownerId ? await listRecentInterrupted(ownerId, new Date(Date.now() - 24 * 3_600_000)) : [];

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Gallery</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Every result you kept, with the recipe that made it and what it cost.</p>
        </div>
        <Link href="/" className="inline-flex items-center gap-1.5 rounded-lg bg-accent-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-accent-700">
          <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4"><path d="M10 4a.75.75 0 0 1 .75.75v4.5h4.5a.75.75 0 0 1 0 1.5h-4.5v4.5a.75.75 0 0 1-1.5 0v-4.5h-4.5a.75.75 0 0 1 0-1.5h4.5v-4.5A.75.75 0 0 1 10 4Z" /></svg>
          New in the studio
        </Link>
      </div>

      <InterruptedNotice items={interrupted} />

      {totals.allTime.generations === 0 ? (
        <section aria-label="Generations" className="flex min-h-80 flex-col items-center justify-center gap-4 rounded-3xl border border-dashed border-zinc-300 p-8 text-center dark:border-zinc-700">
          <div aria-hidden className="grid grid-cols-4 gap-1.5 opacity-80">
            {["from-accent-400 to-fuchsia-400", "from-amber-300 to-rose-400", "from-sky-400 to-emerald-300", "from-fuchsia-400 to-amber-300", "from-emerald-300 to-accent-400", "from-rose-400 to-sky-400", "from-accent-400 to-amber-300", "from-sky-400 to-fuchsia-400"].map((g) => (
              <span key={g} className={`size-10 rounded-lg bg-gradient-to-br ${g}`} />
            ))}
          </div>
          <p className="text-lg font-medium">Your gallery is empty</p>
          <p className="max-w-md text-sm text-zinc-600 dark:text-zinc-400">
            Everything you generate lands here with its prompt, LoRAs, seed and cost — searchable, filterable, and one click from a remix.
          </p>
          <Link href="/" className="rounded-lg bg-accent-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-accent-700">Open the studio</Link>
        </section>
      ) : (
        <>
          <TotalsBar totals={totals} filtered={summary && filteredTotals ? { summary, totals: filteredTotals } : null} />
          <GalleryBrowser
            params={params}
            facets={facets}
            modelLabels={modelLabels}
            initialPage={{ items: await toGalleryItems(page.items), nextCursor: page.nextCursor }}
            renderId={randomUUID()}
          />
          <CompareTray hrefBase="/compare" returnHere />
        </>
      )}
    </div>
  );
}
