import type { Metadata } from "next";
import Link from "next/link";
import { CatalogCard } from "@/components/loras/catalog-card";
import { listCatalog, visibleCatalogEntries } from "@/lib/loras/search/service";
import { getOwnerId } from "@/lib/owner/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "LoRAs" };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length <= 100 ? v : undefined);

const SOURCES = [
  ["huggingface-repo", "Hugging Face"],
  ["civitai", "Civitai"],
  ["replicate-model", "Replicate"],
] as const;
const BASES = [
  ["flux1", "FLUX.1"],
  ["flux2", "FLUX.2"],
] as const;

function href(current: Record<string, string | undefined>, change: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...current, ...change, cursor: change.cursor })) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `/loras?${s}` : "/loras";
}

function Chip({ active, to, children }: { active: boolean; to: string; children: React.ReactNode }) {
  return (
    <Link href={to} aria-current={active ? "true" : undefined} className={`rounded-full border px-3 py-1 text-xs ${active ? "border-accent-500 bg-accent-50 text-accent-700 dark:bg-accent-500/15 dark:text-accent-400" : "border-zinc-300 text-zinc-600 hover:border-zinc-400 dark:border-zinc-700 dark:text-zinc-400"}`}>
      {children}
    </Link>
  );
}

/** Browse the catalog: the starter set, shared results' LoRAs, and this browser's own. */
export default async function LorasPage({ searchParams }: { searchParams: Promise<Params> }) {
  const p = await searchParams;
  const filter = { tag: one(p.tag), source: one(p.source), base: one(p.base) };
  const ownerId = await getOwnerId();
  const [page, entries] = await Promise.all([listCatalog(ownerId, { ...filter, cursor: one(p.cursor) }), visibleCatalogEntries(ownerId)]);
  const tags = [...new Map(entries.flatMap((e) => e.tags).map((t) => [t.toLowerCase(), t])).values()].sort().slice(0, 30);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">LoRAs</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">The starter set, the LoRAs of shared results, and the ones you looked up or used (links you paste stay yours). Search from any LoRA slot in the studio to reach Hugging Face and Civitai too.</p>
      </header>
      <nav aria-label="Filter LoRAs" className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-1.5">
          <span className="mr-1 text-xs font-medium text-zinc-500">Family</span>
          <Chip active={!filter.base} to={href(filter, { base: undefined })}>All</Chip>
          {BASES.map(([v, label]) => <Chip key={v} active={filter.base === v} to={href(filter, { base: v })}>{label}</Chip>)}
          <span className="ml-3 mr-1 text-xs font-medium text-zinc-500">Source</span>
          <Chip active={!filter.source} to={href(filter, { source: undefined })}>All</Chip>
          {SOURCES.map(([v, label]) => <Chip key={v} active={filter.source === v} to={href(filter, { source: v })}>{label}</Chip>)}
        </div>
        <div className="flex flex-wrap items-center gap-1.5">
          <span className="mr-1 text-xs font-medium text-zinc-500">Tag</span>
          <Chip active={!filter.tag} to={href(filter, { tag: undefined })}>All</Chip>
          {tags.map((t) => <Chip key={t} active={filter.tag?.toLowerCase() === t.toLowerCase()} to={href(filter, { tag: t })}>{t}</Chip>)}
        </div>
      </nav>
      <p className="text-xs text-zinc-500" aria-live="polite">{page.total} LoRA{page.total === 1 ? "" : "s"}</p>
      {page.items.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-zinc-300 p-10 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No LoRA matches these filters. <Link href="/loras" className="text-accent-600 underline">Show all</Link>
        </div>
      ) : (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
          {page.items.map((l) => <CatalogCard key={l.path} lora={l} />)}
        </div>
      )}
      {page.nextCursor && (
        <Link href={href(filter, { cursor: page.nextCursor })} className="self-center rounded-lg border border-zinc-300 px-4 py-2 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          More LoRAs
        </Link>
      )}
    </div>
  );
}
