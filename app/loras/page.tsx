import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { CatalogCard } from "@/components/loras/catalog-card";
import { listCatalog, visibleCatalogEntries } from "@/lib/loras/search/service";
import { getOwnerId } from "@/lib/owner/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "LoRAs" };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined, max = 100) => (typeof v === "string" && v.length <= max ? v : undefined);

const SOURCES = [
  ["huggingface-repo", "Hugging Face"],
  ["civitai", "Civitai"],
  ["replicate-model", "Replicate"],
] as const;
const BASES = [
  ["flux1", "FLUX.1"],
  ["flux2", "FLUX.2"],
] as const;

type Filter = { q?: string; tag?: string; source?: string; base?: string };

function href(current: Filter, change: Filter & { cursor?: string }): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...current, ...change, cursor: change.cursor })) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `/loras?${s}` : "/loras";
}

function Chip({ active, to, children }: { active: boolean; to: string; children: React.ReactNode }) {
  return (
    <Link
      href={to}
      aria-current={active ? "true" : undefined}
      className={`shrink-0 whitespace-nowrap rounded-full border px-3 py-1 text-xs ${active ? "border-accent-500 bg-accent-50 text-accent-700 dark:bg-accent-500/15 dark:text-accent-400" : "border-zinc-300 text-zinc-600 hover:border-zinc-400 dark:border-zinc-700 dark:text-zinc-400"}`}
    >
      {children}
    </Link>
  );
}

/**
 * A line of chip groups: on phones one line that scrolls sideways (so the filters take two
 * lines, not the first screen), wrapping from `sm` up.
 */
function ChipLine({ children }: { children: React.ReactNode }) {
  return <div className="-mx-4 flex items-center gap-x-4 gap-y-2 overflow-x-auto px-4 pb-1 [scrollbar-width:thin] sm:mx-0 sm:flex-wrap sm:overflow-visible sm:px-0 sm:pb-0">{children}</div>;
}

function ChipGroup({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="group" aria-label={label} className="flex shrink-0 items-center gap-1.5 sm:shrink sm:flex-wrap">
      <span aria-hidden className="mr-1 shrink-0 text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</span>
      {children}
    </div>
  );
}

/** Browse and search the catalog: the starter set, shared results' LoRAs, and this browser's own. */
export default async function LorasPage({ searchParams }: { searchParams: Promise<Params> }) {
  const p = await searchParams;
  const query = one(p.q, 200)?.replace(/\s+/g, " ").trim() || undefined;
  const filter: Filter = { q: query, tag: one(p.tag), source: one(p.source), base: one(p.base) };
  const ownerId = await getOwnerId();
  const [page, entries] = await Promise.all([listCatalog(ownerId, { ...filter, cursor: one(p.cursor) }), visibleCatalogEntries(ownerId)]);
  const tags = [...new Map(entries.flatMap((e) => e.tags).map((t) => [t.toLowerCase(), t])).values()].sort().slice(0, 30);
  const filtered = Boolean(filter.tag || filter.source || filter.base);
  const count = `${page.total} LoRA${page.total === 1 ? "" : "s"}`;
  return (
    <div className="flex flex-col gap-4 sm:gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">LoRAs</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          The starter set, the LoRAs of shared results, and the ones you used (links you paste stay yours).
          <span className="hidden sm:inline"> Search from any LoRA slot in the studio to reach Hugging Face and Civitai too.</span>
        </p>
      </header>

      {/* A plain GET form: works before (or without) JavaScript; next/form turns it into a client navigation after. */}
      <Form action="/loras" role="search" className="flex gap-2">
        <label htmlFor="lora-q" className="sr-only">
          Search LoRAs
        </label>
        <div className="relative min-w-0 flex-1">
          <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-400">
            <circle cx="8.5" cy="8.5" r="5.5" />
            <path d="m13 13 4 4" />
          </svg>
          <input
            id="lora-q"
            type="search"
            name="q"
            defaultValue={query ?? ""}
            maxLength={200}
            placeholder="Name, trigger phrase or tag"
            autoComplete="off"
            enterKeyHint="search"
            className="h-10 w-full rounded-lg border border-zinc-300 bg-white pl-9 pr-3 text-sm text-zinc-900 placeholder:text-zinc-500 focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400"
          />
        </div>
        {/* The filters chosen stay on while searching (the cursor does not: a new search starts at the top). */}
        {filter.tag && <input type="hidden" name="tag" value={filter.tag} />}
        {filter.source && <input type="hidden" name="source" value={filter.source} />}
        {filter.base && <input type="hidden" name="base" value={filter.base} />}
        <button
          type="submit"
          className="h-10 shrink-0 rounded-lg bg-accent-600 px-4 text-sm font-semibold text-white hover:bg-accent-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600 dark:focus-visible:outline-accent-400"
        >
          Search
        </button>
      </Form>

      <nav aria-label="Filter LoRAs" className="flex flex-col gap-1.5 sm:gap-2">
        <ChipLine>
          <ChipGroup label="Family">
            <Chip active={!filter.base} to={href(filter, { base: undefined })}>All</Chip>
            {BASES.map(([v, label]) => <Chip key={v} active={filter.base === v} to={href(filter, { base: v })}>{label}</Chip>)}
          </ChipGroup>
          <ChipGroup label="Source">
            <Chip active={!filter.source} to={href(filter, { source: undefined })}>All</Chip>
            {SOURCES.map(([v, label]) => <Chip key={v} active={filter.source === v} to={href(filter, { source: v })}>{label}</Chip>)}
          </ChipGroup>
        </ChipLine>
        {tags.length > 0 && (
          <ChipLine>
            <ChipGroup label="Tag">
              <Chip active={!filter.tag} to={href(filter, { tag: undefined })}>All</Chip>
              {tags.map((t) => <Chip key={t} active={filter.tag?.toLowerCase() === t.toLowerCase()} to={href(filter, { tag: t })}>{t}</Chip>)}
            </ChipGroup>
          </ChipLine>
        )}
      </nav>

      <p className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
        {query ? <>{count} for “{query}”</> : count}
        {query && (
          <>
            {" · "}
            <Link href={href(filter, { q: undefined })} className="text-accent-600 underline dark:text-accent-400">
              Clear search
            </Link>
          </>
        )}
      </p>
      {page.items.length === 0 ? (
        <div className="flex flex-col items-center gap-2 rounded-2xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          <p className="font-medium text-zinc-800 dark:text-zinc-200">{query ? `No LoRA matches “${query}”${filtered ? " with these filters" : ""}.` : "No LoRA matches these filters."}</p>
          <p>
            {query ? "Check the spelling or try a trigger phrase. " : ""}
            {query && filtered && (
              <>
                <Link href={href({ q: query }, {})} className="text-accent-600 underline dark:text-accent-400">Search all LoRAs</Link>
                {" · "}
              </>
            )}
            <Link href="/loras" className="text-accent-600 underline dark:text-accent-400">Show all</Link>
            {" · "}
            <Link href="/" className="text-accent-600 underline dark:text-accent-400">Search Hugging Face and Civitai in the studio</Link>
          </p>
        </div>
      ) : (
        <ul aria-label="LoRAs" className="grid grid-cols-1 gap-4 min-[480px]:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
          {page.items.map((l) => (
            <li key={l.path} className="flex [&>article]:w-full">
              <CatalogCard lora={l} />
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor && (
        <Link href={href(filter, { cursor: page.nextCursor })} className="self-center rounded-lg border border-zinc-300 px-4 py-2 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          More LoRAs
        </Link>
      )}
    </div>
  );
}
