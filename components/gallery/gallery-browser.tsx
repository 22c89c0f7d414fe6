"use client";

import { useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useTransition } from "react";
import { galleryHref, galleryParamsToSearch, hasActiveFilters, type GalleryParams } from "@/lib/gallery/filters";
import type { GalleryFacets, GalleryItemView, GalleryPageView } from "@/lib/gallery/view";
import { deleteGenerationAction, loadGalleryPage } from "./actions";
import { markDeleted, rememberGalleryHref, showDeleteError, useDeletedStore } from "./deleted-store";
import { GalleryCard } from "./gallery-card";
import { GalleryFilters } from "./gallery-filters";
import { UndoToast } from "./undo-toast";

interface Props {
  params: GalleryParams;
  facets: GalleryFacets;
  modelLabels: Record<string, string>;
  /** The first page, loaded by the server with the page. */
  initialPage: GalleryPageView;
  /** Changes with every server render, so a new render (filters, refresh) starts a new list. */
  renderId: string;
}

/** How early the next page is asked for, before the sentinel scrolls into view. */
const PREFETCH_MARGIN = "800px 0px";

/** Filters + the infinite thumbnail grid + Undo for deletes. */
export function GalleryBrowser({ params, facets, modelLabels, initialPage, renderId }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const query = galleryParamsToSearch(params).toString();
  const { hidden } = useDeletedStore();

  useEffect(() => rememberGalleryHref(galleryHref(params)), [params]);

  const list = useInfiniteQuery({
    queryKey: ["gallery", query, renderId],
    queryFn: async ({ pageParam }): Promise<GalleryPageView> => {
      const result = await loadGalleryPage({ query, cursor: pageParam });
      if (!result.ok) throw new Error(result.error.message);
      return { items: result.items, nextCursor: result.nextCursor };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [initialPage], pageParams: [null] } satisfies InfiniteData<GalleryPageView, string | null>,
    // The server just rendered the first page; pages only ever grow by scrolling.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  const items = useMemo(() => {
    const seen = new Set<string>();
    const out: GalleryItemView[] = [];
    for (const page of list.data?.pages ?? []) {
      for (const item of page.items) {
        if (seen.has(item.id) || hidden.has(item.id)) continue;
        seen.add(item.id);
        out.push(item);
      }
    }
    return out;
  }, [list.data, hidden]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage, isError } = list;
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage || isError) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: PREFETCH_MARGIN },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, isError]);

  function navigate(next: GalleryParams) {
    startTransition(() => router.replace(galleryHref(next), { scroll: false }));
  }

  async function remove(item: GalleryItemView) {
    markDeleted({ id: item.id, label: item.userPrompt });
    const result = await deleteGenerationAction(item.id).catch(() => null);
    if (!result?.ok) showDeleteError({ id: item.id, label: item.userPrompt, error: result && !result.ok ? result.error.message : "Could not delete: the server could not be reached." });
  }

  const filtered = hasActiveFilters(params);

  return (
    <div className="flex flex-col gap-5">
      <GalleryFilters params={params} facets={facets} modelLabels={modelLabels} onChange={navigate} pending={pending} />

      <section aria-label="Generations" aria-busy={pending || isFetchingNextPage} className={`transition-opacity ${pending ? "opacity-60" : ""}`}>
        {items.length === 0 && !hasNextPage ? (
          <div className="flex min-h-64 flex-col items-center justify-center gap-3 rounded-3xl border border-dashed border-zinc-300 p-8 text-center dark:border-zinc-700">
            <p className="font-medium">{filtered ? "No generations match these filters" : "Nothing left here"}</p>
            <p className="max-w-sm text-sm text-zinc-600 dark:text-zinc-400">
              {filtered ? "Try fewer words, another LoRA or a wider date range." : "Everything in this view was deleted. Make something new in the studio."}
            </p>
            {filtered ? (
              <button type="button" onClick={() => navigate({ ...params, q: "", lora: "", model: "", from: "", to: "", provider: "" })} className="rounded-lg bg-accent-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-accent-700">
                Clear filters
              </button>
            ) : (
              <Link href="/" className="rounded-lg bg-accent-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-accent-700">Open the studio</Link>
            )}
          </div>
        ) : (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">
            {items.map((item, i) => (
              <GalleryCard key={item.id} item={item} onDelete={remove} eager={i < 8} />
            ))}
          </ul>
        )}

        <div ref={sentinel} aria-hidden className="h-px" />
        <div className="mt-6 flex flex-col items-center gap-2">
          {isError && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{list.error.message}</p>}
          {hasNextPage ? (
            <button
              type="button"
              onClick={() => !isFetchingNextPage && void fetchNextPage()}
              aria-disabled={isFetchingNextPage}
              className="inline-flex items-center gap-2 rounded-xl border border-zinc-300 bg-white px-5 py-2.5 text-sm font-medium text-zinc-800 shadow-sm hover:bg-zinc-50 aria-disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
            >
              {isFetchingNextPage && <span aria-hidden className="size-3.5 animate-spin rounded-full border-2 border-zinc-300 border-t-accent-500" />}
              Load more
            </button>
          ) : (
            items.length > 0 && <p className="text-xs text-zinc-500">That’s everything{filtered ? " that matches" : ""}.</p>
          )}
        </div>
      </section>

      <UndoToast
        onRestored={(id) => {
          // Deleted on its detail page, then this list was rendered without it: ask the server again.
          if (!list.data?.pages.some((p) => p.items.some((item) => item.id === id))) router.refresh();
        }}
      />
    </div>
  );
}
