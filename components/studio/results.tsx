import type { ReactNode, Ref } from "react";
import { Button } from "@/components/ui/button";
import { formatUsd } from "@/lib/models/pricing";
import type { GenerationView } from "@/lib/generation/view";
import { recordLabel } from "@/lib/providers/names";

/** One image fills the column; several share it two by two. */
function gridClass(count: number): string {
  return count > 1 ? "grid grid-cols-1 gap-3 sm:grid-cols-2" : "grid grid-cols-1 gap-3";
}

function Placeholder({ width, height, label }: { width: number; height: number; label: string }) {
  return (
    <div
      role="img"
      aria-label={label}
      style={{ aspectRatio: `${width} / ${height}` }}
      className="w-full animate-pulse rounded-xl bg-gradient-to-br from-zinc-200 to-zinc-300 dark:from-zinc-800 dark:to-zinc-700"
    />
  );
}

export function PendingResults({ width, height, n, elapsedMs }: { width: number; height: number; n: number; elapsedMs: number }) {
  return (
    <section aria-label="Generating" aria-busy="true" className="flex flex-col gap-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
        Generating {n} image{n === 1 ? "" : "s"}… <span className="tabular-nums">{(elapsedMs / 1000).toFixed(1)} s</span>
      </p>
      <div className={gridClass(n)}>
        {Array.from({ length: n }, (_, i) => (
          <Placeholder key={i} width={width} height={height} label={`Image ${i + 1} of ${n} in progress`} />
        ))}
      </div>
    </section>
  );
}

/** One finished generation: its images at their real aspect ratio (no layout shift) and what they cost. */
interface GenerationResultProps {
  generation: GenerationView;
  onReuseSeed?: (seed: number) => void;
  /** Extra buttons in the action row (add to collection). */
  actions?: ReactNode;
  /** The share switch, under the actions. */
  share?: ReactNode;
  ref?: Ref<HTMLElement>;
}

export function GenerationResult({ generation, onReuseSeed, actions, share, ref }: GenerationResultProps) {
  return (
    <article ref={ref} aria-label={`Result: ${generation.userPrompt}`} className="flex scroll-mt-4 flex-col gap-2">
      <div className={gridClass(generation.images.length)}>
        {generation.images.map((img) => (
          <figure key={img.id} className="group relative overflow-hidden rounded-xl bg-zinc-100 dark:bg-zinc-900">
            {/* eslint-disable-next-line @next/next/no-img-element -- bytes come from our own immutable route */}
            <img
              src={img.url}
              width={img.width}
              height={img.height}
              alt={`${generation.userPrompt} (seed ${generation.seed}, ${img.index + 1} of ${generation.images.length})`}
              className="h-auto w-full"
              style={{ aspectRatio: `${img.width} / ${img.height}` }}
            />
            <a
              href={`${img.url}&download=1`}
              download
              className="absolute right-2 top-2 rounded-lg bg-black/60 px-2 py-1 text-xs font-medium text-white opacity-90 backdrop-blur hover:bg-black/80 focus:opacity-100"
            >
              Download<span className="sr-only"> image {img.index + 1}</span>
            </a>
          </figure>
        ))}
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        <span className="font-medium text-zinc-800 dark:text-zinc-200">{formatUsd(generation.costMicroUsd)}</span>
        {" · "}seed {generation.seed} · {generation.width}×{generation.height} · {generation.steps} steps
        {" · "}{recordLabel(generation.provider)}
        {generation.loras.map((l) => ` · LoRA ${l.position} @ ${l.scale}`).join("")}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {onReuseSeed && <Button size="sm" variant="ghost" onClick={() => onReuseSeed(generation.seed)}>↺ Reuse seed {generation.seed}</Button>}
        <a href={`/gallery/${generation.id}`} className="rounded-lg px-2 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100">
          Open in gallery <span aria-hidden>→</span>
        </a>
        {actions}
      </div>
      {share && (
        <details className="text-xs">
          <summary className="cursor-pointer select-none text-zinc-600 dark:text-zinc-400">Share…</summary>
          <div className="mt-2">{share}</div>
        </details>
      )}
      <details className="text-xs text-zinc-500">
        <summary className="cursor-pointer select-none">Prompt sent</summary>
        <p className="mt-1 whitespace-pre-wrap break-words font-mono">{generation.prompt}</p>
      </details>
    </article>
  );
}
