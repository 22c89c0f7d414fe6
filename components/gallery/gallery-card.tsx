import Link from "next/link";
import { CompareToggle } from "@/components/compare/compare-selection";
import { formatDate } from "@/lib/gallery/format";
import type { GalleryItemView } from "@/lib/gallery/view";
import { formatUsd } from "@/lib/models/pricing";
import { clip } from "@/lib/text/clip";
import { Card } from "@/components/ui/card";

function shortModel(model: string): string {
  return model.split("/").pop() ?? model;
}

function tileRatio(width: number, height: number): string {
  const ratio = width > 0 && height > 0 ? Math.min(2, Math.max(0.5, width / height)) : 1;
  return String(ratio);
}

/** One tile: thumbnail at its aspect ratio (width/height set so nothing shifts), prompt, LoRAs with scales, cost, date. */
export function GalleryCard({ item, onDelete, eager = false }: { item: GalleryItemView; onDelete: (item: GalleryItemView) => void; eager?: boolean }) {
  return (
    <li className="group relative">
      {/* Picked for comparison: the card says so too, not only its small toggle. */}
      <Card as="article" aria-label={item.userPrompt} className="h-full overflow-hidden transition hover:-translate-y-0.5 hover:shadow-md focus-within:ring-2 focus-within:ring-accent-500 group-has-[[aria-pressed=true]]:border-accent-500 group-has-[[aria-pressed=true]]:ring-2 group-has-[[aria-pressed=true]]:ring-accent-500/60">
        <Link href={`/gallery/${item.id}`} className="flex h-full flex-col outline-none">
          {/* The image's own aspect ratio (within 1:2 … 2:1), so landscape and portrait results are not cropped square. */}
          <div className="relative overflow-hidden bg-zinc-100 dark:bg-zinc-800" style={{ aspectRatio: tileRatio(item.width, item.height) }}>
            {item.thumbUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- thumbnails come from our own immutable route
              <img
                src={item.thumbUrl}
                width={item.width}
                height={item.height}
                alt={item.userPrompt}
                loading={eager ? "eager" : "lazy"}
                decoding="async"
                className="size-full object-cover transition duration-300 group-hover:scale-[1.03]"
              />
            ) : (
              <div aria-hidden className="size-full bg-gradient-to-br from-zinc-200 to-zinc-300 dark:from-zinc-800 dark:to-zinc-700" />
            )}
          </div>
          <div className="flex flex-1 flex-col gap-1.5 p-3">
            <p className="line-clamp-2 text-sm font-medium leading-snug text-zinc-900 dark:text-zinc-100">{item.userPrompt}</p>
            {item.loras.length > 0 && (
              <ul aria-label="LoRAs" className="flex min-w-0 flex-wrap gap-1">
                {item.loras.map((l) => (
                  <li key={l.path} title={l.path} className="flex max-w-full items-baseline gap-1 rounded-full bg-accent-50 px-2 py-0.5 text-[11px] font-medium text-accent-700 dark:bg-accent-500/15 dark:text-accent-400">
                    <span className="min-w-0 truncate">{l.name}</span>
                    <span className="shrink-0 font-mono tabular-nums"><span className="sr-only">scale </span>× {l.scale}</span>
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-auto flex flex-wrap items-center gap-x-1.5 gap-y-1 pt-1 text-xs text-zinc-500 dark:text-zinc-400">
              <span className="font-semibold tabular-nums text-zinc-800 dark:text-zinc-200">{formatUsd(item.costMicroUsd)}</span>
              {item.imageCount > 1 && (
                <span className="flex items-center gap-0.5 rounded-full bg-zinc-100 px-1.5 py-px text-[11px] font-medium text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300" title={`${item.imageCount} images`}>
                  <svg aria-hidden viewBox="0 0 16 16" className="size-3" fill="currentColor"><path d="M4 2h9a1 1 0 0 1 1 1v9h-1.5V3.5H4V2Z" /><rect x="2" y="5" width="9" height="9" rx="1" /></svg>
                  {item.imageCount}<span className="sr-only"> images</span>
                </span>
              )}
              <span aria-hidden>·</span>
              <time dateTime={item.createdAt} className="whitespace-nowrap">{formatDate(item.createdAt)}</time>
              <span aria-hidden className="hidden sm:inline">·</span>
              <span className="hidden truncate sm:inline" title={item.model}>{shortModel(item.model)}</span>
            </p>
          </div>
        </Link>
      </Card>
      <CompareToggle generationId={item.id} label={clip(item.userPrompt, 80)} thumbUrl={item.thumbUrl} hrefBase="/compare" revealOnHover className="absolute left-2 top-2" />
      <button
        type="button"
        onClick={() => onDelete(item)}
        aria-label={`Delete “${clip(item.userPrompt, 80)}”`}
        title="Delete"
        className="absolute right-2 top-2 rounded-full bg-black/55 p-2 text-white opacity-100 shadow backdrop-blur transition hover:bg-red-600 focus-visible:opacity-100 sm:opacity-0 sm:group-hover:opacity-100 sm:group-focus-within:opacity-100 [@media(hover:none)]:opacity-100"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-3.5" fill="currentColor">
          <path fillRule="evenodd" d="M8 2a1 1 0 0 0-.9.55L6.38 4H3.5a.75.75 0 0 0 0 1.5h.3l.8 10.1A2 2 0 0 0 6.6 17.5h6.8a2 2 0 0 0 2-1.9l.8-10.1h.3a.75.75 0 0 0 0-1.5h-2.88l-.72-1.45A1 1 0 0 0 12 2H8Zm.5 5.25a.75.75 0 0 1 .75.75v6a.75.75 0 0 1-1.5 0V8a.75.75 0 0 1 .75-.75Zm3.75.75a.75.75 0 0 0-1.5 0v6a.75.75 0 0 0 1.5 0V8Z" clipRule="evenodd" />
        </svg>
      </button>
    </li>
  );
}
