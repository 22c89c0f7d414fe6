import type { Metadata } from "next";
import Link from "next/link";
import { CreateCollectionForm } from "@/components/collections/create-collection-form";
import { listCollectionsForOwner } from "@/lib/db/collection-queries";
import { toCollectionListItem, type CollectionListItem } from "@/lib/collections/view";
import { getOwnerId } from "@/lib/owner/session";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Collections" };

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

function updatedLabel(iso: string, now: number): string {
  const minutes = Math.round((new Date(iso).getTime() - now) / 60_000);
  if (Math.abs(minutes) < 60) return relative.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative.format(hours, "hour");
  return relative.format(Math.round(hours / 24), "day");
}

function CollectionCard({ c, now }: { c: CollectionListItem; now: number }) {
  return (
    <li>
      <Card as={Link}
        href={`/collections/${c.id}`}
        className="group flex h-full flex-col overflow-hidden transition hover:-translate-y-0.5 hover:border-zinc-300 hover:shadow-md dark:hover:border-zinc-700"
      >
        <div className="relative aspect-[4/3] overflow-hidden bg-gradient-to-br from-zinc-100 to-zinc-200 dark:from-zinc-800 dark:to-zinc-900">
          {c.cover ? (
            // eslint-disable-next-line @next/next/no-img-element -- owner-only immutable thumbnail
            <img src={c.cover.url} alt="" loading="lazy" className="size-full object-cover transition duration-300 group-hover:scale-[1.03]" />
          ) : (
            <div aria-hidden className="flex size-full items-center justify-center">
              <div className="grid grid-cols-2 gap-1.5 opacity-60">
                {["from-accent-400 to-fuchsia-500", "from-amber-300 to-orange-500", "from-sky-400 to-indigo-500", "from-emerald-300 to-teal-500"].map((g) => (
                  <span key={g} className={`size-7 rounded-md bg-gradient-to-br ${g}`} />
                ))}
              </div>
            </div>
          )}
          {c.sharePath && (
            <span className="absolute right-2 top-2 inline-flex items-center gap-1 rounded-full bg-white/90 px-2 py-0.5 text-[11px] font-semibold text-accent-700 shadow-sm backdrop-blur dark:bg-zinc-950/80 dark:text-accent-400">
              <span aria-hidden className="size-1.5 rounded-full bg-accent-500" />
              Shared
            </span>
          )}
        </div>
        <div className="flex flex-1 flex-col gap-0.5 p-3">
          <h2 className="truncate font-medium text-zinc-900 dark:text-zinc-100">{c.name}</h2>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {c.itemCount} result{c.itemCount === 1 ? "" : "s"}
            {c.kind !== "manual" && ` · ${c.kind}`} · updated {updatedLabel(c.updatedAt, now)}
          </p>
        </div>
      </Card>
    </li>
  );
}

/** The owner's collections: covers, counts, and a form to start a new one. */
export default async function CollectionsPage() {
  const ownerId = await getOwnerId();
  const collections = ownerId ? (await listCollectionsForOwner(ownerId)).map(toCollectionListItem) : [];
  // eslint-disable-next-line react-hooks/purity -- a server component renders once per request
  const now = Date.now();
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">Collections</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Group results to compare them, then share a whole set with one link.</p>
        </div>
        <CreateCollectionForm />
      </header>
      {collections.length === 0 ? (
        <div className="flex min-h-72 flex-col items-center justify-center gap-3 rounded-3xl border border-dashed border-zinc-300 p-8 text-center dark:border-zinc-700">
          <div aria-hidden className="relative h-16 w-24">
            <span className="absolute left-0 top-2 h-12 w-16 -rotate-6 rounded-lg bg-gradient-to-br from-accent-400 to-fuchsia-500 opacity-70 shadow" />
            <span className="absolute left-4 top-1 h-12 w-16 rotate-3 rounded-lg bg-gradient-to-br from-amber-300 to-orange-500 opacity-80 shadow" />
            <span className="absolute left-8 top-0 h-12 w-16 rounded-lg bg-gradient-to-br from-sky-400 to-indigo-500 shadow" />
          </div>
          <p className="font-medium">No collections yet</p>
          <p className="max-w-sm text-sm text-zinc-600 dark:text-zinc-400">
            Name one above, or press <span className="font-medium text-zinc-800 dark:text-zinc-200">Add to collection</span> on any result in the{" "}
            <Link href="/" className="text-accent-700 underline-offset-2 hover:underline dark:text-accent-400">studio</Link> or the{" "}
            <Link href="/gallery" className="text-accent-700 underline-offset-2 hover:underline dark:text-accent-400">gallery</Link>.
          </p>
        </div>
      ) : (
        <ul aria-label="Your collections" className="grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 lg:grid-cols-4">
          {collections.map((c) => (
            <CollectionCard key={c.id} c={c} now={now} />
          ))}
        </ul>
      )}
    </div>
  );
}
