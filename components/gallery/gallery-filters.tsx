"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { EMPTY_GALLERY_PARAMS, GALLERY_PROVIDERS, hasActiveFilters, type GalleryParams } from "@/lib/gallery/filters";
import { recordLabel } from "@/lib/providers/names";
import { loraLabel } from "@/lib/gallery/format";
import type { GalleryFacets } from "@/lib/gallery/view";
import { Card } from "@/components/ui/card";

const SEARCH_DEBOUNCE_MS = 350;

const control =
  "w-full min-w-0 rounded-xl border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm transition focus:border-accent-500 dark:border-zinc-700 dark:bg-zinc-900 [color-scheme:light] dark:[color-scheme:dark]";

function Field({ id, label, children, className = "" }: { id: string; label: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</label>
      {children}
    </div>
  );
}

interface Props {
  params: GalleryParams;
  facets: GalleryFacets;
  /** Model ids → labels from the catalog (rows may name models the catalog no longer has). */
  modelLabels: Record<string, string>;
  onChange: (next: GalleryParams) => void;
  pending: boolean;
}

/**
 * The filter bar. Every control's value lives in the URL: changing one navigates (replace) to the
 * filtered gallery, so a filtered view is a link. A plain GET form underneath, so it works
 * before hydration too.
 */
export function GalleryFilters({ params, facets, modelLabels, onChange, pending }: Props) {
  const [q, setQ] = useState(params.q);
  const narrowing = [params.lora, params.model, params.provider, params.from, params.to].filter(Boolean).length;
  // Phones show the search and the sort; the other filters fold away unless one is in use.
  const [open, setOpen] = useState(narrowing > 0);
  const searchRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Back/forward or "Clear filters" change the URL: follow it unless the person is typing.
  useEffect(() => {
    if (document.activeElement !== searchRef.current) setQ(params.q);
  }, [params.q]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const set = <K extends keyof GalleryParams>(key: K, value: GalleryParams[K]) => {
    if (timer.current) clearTimeout(timer.current);
    onChange({ ...params, q: q.trim(), [key]: value });
  };

  function search(value: string, delay: number) {
    setQ(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (value.trim() !== params.q) onChange({ ...params, q: value.trim() });
    }, delay);
  }

  // A LoRA or model in the URL that the facets no longer list (all its rows deleted) stays selectable.
  const loras = params.lora && !facets.loras.some((l) => l.path === params.lora) ? [{ path: params.lora, count: 0 }, ...facets.loras] : facets.loras;
  const models = params.model && !facets.models.some((m) => m.model === params.model) ? [{ model: params.model, count: 0 }, ...facets.models] : facets.models;
  const active = hasActiveFilters({ ...params, q });

  return (
    <Card as="form"
      role="search"
      aria-label="Gallery filters"
      action="/gallery"
      method="get"
      onSubmit={(e) => {
        e.preventDefault();
        search(q, 0);
      }}
      className="p-3 sm:p-4"
    >
      {/* Enter in the search box submits; without JavaScript the form is a plain GET to /gallery. */}
      <button type="submit" hidden>Apply</button>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-6 lg:grid-cols-12">
        <Field id="gallery-q" label="Search prompts" className="col-span-2 md:col-span-6 lg:col-span-4">
          <div className="relative">
            <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-400">
              <path fillRule="evenodd" d="M9 3.5a5.5 5.5 0 1 0 3.36 9.86l3.14 3.14a.75.75 0 1 0 1.06-1.06l-3.14-3.14A5.5 5.5 0 0 0 9 3.5ZM5 9a4 4 0 1 1 8 0 4 4 0 0 1-8 0Z" clipRule="evenodd" />
            </svg>
            <input
              ref={searchRef}
              id="gallery-q"
              name="q"
              type="search"
              value={q}
              onChange={(e) => search(e.target.value, SEARCH_DEBOUNCE_MS)}
              placeholder="lighthouse dusk"
              autoComplete="off"
              spellCheck={false}
              className={`${control} pl-9`}
            />
          </div>
        </Field>
        <Field id="gallery-sort" label="Sort" className="md:order-1 md:col-span-2 lg:col-span-3">
          <select id="gallery-sort" name="sort" value={params.sort} onChange={(e) => set("sort", e.target.value as GalleryParams["sort"])} className={control}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
            <option value="cost">Most expensive first</option>
          </select>
        </Field>
        <div className="flex items-end md:hidden">
          <button
            type="button"
            aria-expanded={open}
            aria-controls="gallery-more-filters"
            onClick={() => setOpen((o) => !o)}
            className="flex w-full items-center justify-center gap-2 rounded-xl border border-zinc-300 bg-white px-3 py-2 text-sm font-medium shadow-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4 text-zinc-500"><path d="M3 5.75A.75.75 0 0 1 3.75 5h12.5a.75.75 0 0 1 0 1.5H3.75A.75.75 0 0 1 3 5.75Zm2.5 4.25a.75.75 0 0 1 .75-.75h7.5a.75.75 0 0 1 0 1.5h-7.5a.75.75 0 0 1-.75-.75Zm2.5 4.25a.75.75 0 0 1 .75-.75h2.5a.75.75 0 0 1 0 1.5h-2.5a.75.75 0 0 1-.75-.75Z" /></svg>
            Filters
            {narrowing > 0 && <span className="rounded-full bg-accent-600 px-1.5 text-[11px] font-semibold text-white">{narrowing}</span>}
          </button>
        </div>
        <div id="gallery-more-filters" className={`${open ? "grid" : "hidden"} col-span-2 grid-cols-2 gap-3 md:contents`}>
          <Field id="gallery-lora" label="LoRA" className="col-span-2 md:col-span-3 lg:col-span-3">
            <select id="gallery-lora" name="lora" value={params.lora} onChange={(e) => set("lora", e.target.value)} className={control}>
              <option value="">Any LoRA</option>
              {loras.map((l) => (
                <option key={l.path} value={l.path} title={l.path}>{loraLabel(l.path)} ({l.count})</option>
              ))}
            </select>
          </Field>
          <Field id="gallery-model" label={<>Model<span className="sr-only"> filter</span></>} className="md:col-span-3 lg:col-span-2">
            <select id="gallery-model" name="model" value={params.model} onChange={(e) => set("model", e.target.value)} className={control}>
              <option value="">Any model</option>
              {models.map((m) => (
                <option key={m.model} value={m.model}>{modelLabels[m.model] ?? m.model} ({m.count})</option>
              ))}
            </select>
          </Field>
          <Field id="gallery-provider" label="Provider" className="md:col-span-2 lg:col-span-3">
            <select id="gallery-provider" name="provider" value={params.provider} onChange={(e) => set("provider", e.target.value as GalleryParams["provider"])} className={control}>
              <option value="">Any provider</option>
              {GALLERY_PROVIDERS.map((p) => (
                <option key={p} value={p}>{recordLabel(p)}</option>
              ))}
            </select>
          </Field>
          <Field id="gallery-from" label="From" className="md:col-span-2 lg:col-span-3">
            <input id="gallery-from" name="from" type="date" value={params.from} max={params.to || undefined} onChange={(e) => set("from", e.target.value)} className={control} />
          </Field>
          <Field id="gallery-to" label="To" className="md:col-span-2 lg:col-span-3">
            <input id="gallery-to" name="to" type="date" value={params.to} min={params.from || undefined} onChange={(e) => set("to", e.target.value)} className={control} />
          </Field>
        </div>
        <div className={`${pending || active ? "flex" : "hidden md:flex"} col-span-2 items-end justify-end gap-3 md:order-2 md:col-span-4 lg:col-span-3`}>
          <div className="flex items-center gap-2">
            {pending && (
              <span role="status" className="flex items-center gap-1.5 text-xs text-zinc-500">
                <span aria-hidden className="size-3 animate-spin rounded-full border-2 border-zinc-300 border-t-accent-500" />
                Updating…
              </span>
            )}
            {active && (
              <button
                type="button"
                onClick={() => {
                  if (timer.current) clearTimeout(timer.current);
                  setQ("");
                  onChange({ ...EMPTY_GALLERY_PARAMS, sort: params.sort });
                }}
                className="rounded-lg px-3 py-2 text-sm font-medium text-accent-700 hover:bg-accent-50 dark:text-accent-400 dark:hover:bg-accent-500/10"
              >
                Clear filters
              </button>
            )}
          </div>
        </div>
      </div>
    </Card>
  );
}
