import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { MAX_SCALE } from "@/lib/generation/schema";
import { formatUsd } from "@/lib/models/pricing";
import type { SharedImage, SharedLora, SharedResult } from "@/lib/sharing/view";
import { studioHref } from "@/lib/studio/from-generation";
import { isSimulated, recordLabel } from "@/lib/providers/names";

/** Server-rendered pieces of the public pages: images and exactly how they were made. */

const dateFormat = new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function OpenInStudio({
  result,
  size = "lg",
  tone = "solid",
  className = "",
  name,
}: {
  result: SharedResult;
  size?: "sm" | "lg";
  tone?: "solid" | "soft";
  className?: string;
  /** Names which result it opens ("Open LoRA 1 scale 0.6 in studio"); the text then shortens to "Open →" on phones, where a grid column is 80 px wide. */
  name?: string;
}) {
  const sizing = size === "lg" ? "px-5 py-2.5 text-sm font-semibold" : "px-2.5 py-1.5 text-xs font-medium";
  const colors =
    tone === "solid"
      ? "bg-accent-600 text-white shadow-sm hover:bg-accent-700"
      : "bg-accent-50 text-accent-700 ring-1 ring-inset ring-accent-500/25 hover:bg-accent-100 dark:bg-accent-500/10 dark:text-accent-400 dark:ring-accent-500/30 dark:hover:bg-accent-500/20";
  return (
    <Link href={studioHref(result)} aria-label={name} className={`inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-lg transition ${colors} ${sizing} ${className}`}>
      {name ? (
        <span>
          Open<span className="hidden sm:inline"> in studio</span>
        </span>
      ) : (
        "Open in studio"
      )}{" "}
      <span aria-hidden>→</span>
    </Link>
  );
}

export function LoraList({ loras, compact = false }: { loras: SharedLora[]; compact?: boolean }) {
  if (loras.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">No LoRA: the base model alone.</p>;
  return (
    <ul className={`flex flex-col ${compact ? "gap-1.5" : "gap-3"}`}>
      {loras.map((l) => (
        <li key={l.position} className="flex min-w-0 flex-col gap-1">
          <div className="flex min-w-0 items-baseline justify-between gap-3">
            <a
              href={l.href}
              target="_blank"
              rel="noopener noreferrer"
              title={l.path}
              className={`min-w-0 truncate font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-400 ${compact ? "text-xs" : "text-sm"}`}
            >
              {l.name}
              <span className="sr-only"> (LoRA {l.position}, opens the LoRA&apos;s page)</span>
            </a>
            <span className={`shrink-0 font-mono tabular-nums text-zinc-700 dark:text-zinc-300 ${compact ? "text-[11px]" : "text-xs"}`}>
              <span className="sr-only">scale </span>× {l.scale}
            </span>
          </div>
          {!compact && (
            <div aria-hidden className="h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
              <div
                className="h-full rounded-full bg-gradient-to-r from-accent-400 to-accent-600"
                style={{ width: `${Math.max(2, Math.min(100, (l.scale / MAX_SCALE) * 100))}%` }}
              />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Model, size, steps, seed, guidance, cost: the numbers that repeat a result. */
export function RecipeFacts({ result }: { result: SharedResult }) {
  const facts: [string, string][] = [
    ["Model", result.modelLabel],
    ["Size", `${result.width} × ${result.height}`],
    ["Steps", String(result.steps)],
    ["Seed", String(result.seed)],
    ...(result.guidance !== null ? ([["Guidance", String(result.guidance)]] as [string, string][]) : []),
    ["Images", String(result.n)],
    ["Cost", `${formatUsd(result.costMicroUsd)}${result.billedMegapixels ? ` · ${result.billedMegapixels} MP` : ""}`],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
      {facts.map(([term, value]) => (
        <div key={term} className={`flex min-w-0 flex-col ${term === "Model" ? "col-span-2" : ""}`}>
          <dt className="text-[11px] font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{term}</dt>
          <dd className="truncate font-medium tabular-nums text-zinc-900 dark:text-zinc-100" title={term === "Model" ? result.model : undefined}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function ProviderBadge({ result }: { result: Pick<SharedResult, "provider"> }) {
  return isSimulated(result.provider) ? (
    <Badge tone="warn" title={`Made by Lorascope's built-in simulator, not by ${recordLabel(result.provider).replace(" (simulated)", "")}`}>Simulated image</Badge>
  ) : (
    <Badge tone="good">{recordLabel(result.provider)}</Badge>
  );
}

/** One image at its own aspect ratio; `fit` keeps a tall single image within the viewport. */
export function SharedImageFigure({ image, alt, priority = false, fit = false }: { image: SharedImage; alt: string; priority?: boolean; fit?: boolean }) {
  return (
    <figure className={`group relative overflow-hidden rounded-2xl bg-zinc-100 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800 ${fit ? "mx-auto w-fit max-w-full" : ""}`}>
      {/* eslint-disable-next-line @next/next/no-img-element -- bytes come from our own immutable public route */}
      <img
        src={image.url}
        width={image.width}
        height={image.height}
        alt={alt}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : "auto"}
        className={fit ? "h-auto max-h-[80vh] w-auto max-w-full" : "h-auto w-full"}
        style={{ aspectRatio: `${image.width} / ${image.height}` }}
      />
      <a
        href={image.downloadUrl}
        download
        className="absolute right-2 top-2 rounded-lg bg-black/60 px-2 py-1 text-xs font-medium text-white opacity-90 backdrop-blur transition hover:bg-black/80 focus:opacity-100 sm:opacity-0 sm:group-hover:opacity-90"
      >
        Download<span className="sr-only"> image {image.index + 1}</span>
      </a>
    </figure>
  );
}

export function PromptBlock({ result }: { result: SharedResult }) {
  const differs = result.prompt.trim() !== result.userPrompt.trim();
  return (
    <div className="flex flex-col gap-1.5">
      <h2 className="text-[11px] font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Prompt</h2>
      <p className="whitespace-pre-wrap break-words text-sm text-zinc-800 dark:text-zinc-200">{result.userPrompt}</p>
      {differs && (
        <details className="text-xs text-zinc-500 dark:text-zinc-400">
          <summary className="cursor-pointer select-none">Exact prompt sent (with trigger words)</summary>
          <p className="mt-1 whitespace-pre-wrap break-words rounded-lg bg-zinc-100 p-2 font-mono text-zinc-700 dark:bg-zinc-800/70 dark:text-zinc-300">{result.prompt}</p>
        </details>
      )}
    </div>
  );
}
