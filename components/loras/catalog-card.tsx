import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PreviewImage } from "@/components/ui/preview-image";
import type { LoraSearchResult } from "@/lib/loras/search/types";
import { emptySlot, initialStudioState, stateToSearchParams } from "@/lib/studio/state";

const BASE: Record<string, string> = { flux1: "FLUX.1", flux2: "FLUX.2", sdxl: "SDXL", sd15: "SD 1.5", unknown: "base unknown" };
const SOURCE: Record<string, string> = { "huggingface-repo": "Hugging Face", "huggingface-file": "Hugging Face", civitai: "Civitai", "replicate-model": "Replicate", "replicate-version": "Replicate", "direct-file": "File" };

/** The studio with this LoRA in slot 1, its trigger phrases (or the remembered ones) switched on. */
export function tryInStudioHref(lora: LoraSearchResult): string {
  const state = initialStudioState();
  state.loras = [{ path: lora.path, scale: lora.preference?.scale ?? 1, triggers: lora.preference?.triggers ?? lora.triggers }, emptySlot()];
  return `/?${stateToSearchParams(state).toString()}`;
}

export function CatalogCard({ lora }: { lora: LoraSearchResult }) {
  return (
    <article aria-label={lora.title} className="flex flex-col overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      {/* A gradient under the preview: where previews cannot load (offline), it still looks intended. */}
      <div aria-hidden className="relative aspect-[4/3] bg-gradient-to-br from-accent-100 via-fuchsia-100 to-amber-100 dark:from-accent-500/20 dark:via-fuchsia-500/10 dark:to-amber-500/10">
        <span className="absolute inset-0 grid place-items-center text-3xl font-semibold text-accent-600/40 dark:text-accent-400/30">{lora.title.slice(0, 1).toUpperCase()}</span>
        {lora.previewUrl && <PreviewImage src={lora.previewUrl} className="absolute inset-0 size-full object-cover" />}
      </div>
      <div className="flex flex-1 flex-col gap-2 p-3">
        <div className="flex items-start justify-between gap-2">
          <h2 className="text-sm font-semibold leading-snug">{lora.favorite && <span aria-label="Favorite" className="text-amber-500">★ </span>}{lora.title}</h2>
          <Badge tone={lora.base === "flux1" || lora.base === "flux2" ? "accent" : "neutral"}>{BASE[lora.base] ?? lora.base}</Badge>
        </div>
        {lora.triggers.length > 0 ? (
          <p className="line-clamp-2 font-mono text-[11px] text-zinc-600 dark:text-zinc-400" title={lora.triggers.join(", ")}>{lora.triggers.map((t) => `“${t}”`).join(" ")}</p>
        ) : (
          <p className="text-[11px] text-zinc-500">No trigger phrase needed</p>
        )}
        <p className="text-[11px] text-zinc-500">
          {[SOURCE[lora.source] ?? lora.source, lora.usageCount > 0 ? `used ${lora.usageCount}×` : null, lora.starter ? "starter set" : null, ...lora.tags.slice(0, 3)].filter(Boolean).join(" · ")}
        </p>
        <div className="mt-auto flex items-center gap-2 pt-1">
          <Link href={tryInStudioHref(lora)} className="rounded-lg bg-accent-600 px-3 py-1.5 text-xs font-semibold text-white hover:bg-accent-700">
            Try in studio<span className="sr-only">: {lora.title}</span>
          </Link>
          {lora.pageUrl && (
            <a href={lora.pageUrl} target="_blank" rel="noreferrer noopener" className="text-xs text-accent-600 hover:underline dark:text-accent-400">
              Source ↗<span className="sr-only"> for {lora.title}</span>
            </a>
          )}
        </div>
      </div>
    </article>
  );
}
