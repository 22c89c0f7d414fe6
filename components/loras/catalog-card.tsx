import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PreviewImage } from "@/components/ui/preview-image";
import type { LoraSearchResult } from "@/lib/loras/search/types";
import { emptySlot, initialStudioState, stateToSearchParams } from "@/lib/studio/state";
import { Card } from "@/components/ui/card";

const BASE: Record<string, string> = { flux1: "FLUX.1", flux2: "FLUX.2", sdxl: "SDXL", sd15: "SD 1.5", unknown: "base unknown" };
const SOURCE: Record<string, string> = { "huggingface-repo": "Hugging Face", "huggingface-file": "Hugging Face", civitai: "Civitai", "replicate-model": "Replicate", "replicate-version": "Replicate", "direct-file": "File" };

/** The studio with this LoRA in slot 1, its trigger phrases (or the remembered ones) switched on. */
export function tryInStudioHref(lora: LoraSearchResult): string {
  const state = initialStudioState();
  state.loras = [{ path: lora.path, scale: lora.preference?.scale ?? 1, triggers: lora.preference?.triggers ?? lora.triggers }, emptySlot()];
  const params = stateToSearchParams(state);
  // A LoRA to try, not a recipe: the studio opens it on the model it would pick for this person.
  params.delete("model");
  return `/?${params.toString()}`;
}

/** Soft washes for cards without a preview; one per LoRA (by its path), so a page of them is not one flat colour. */
const WASHES = [
  "from-accent-100 via-fuchsia-50 to-amber-100 dark:from-accent-500/25 dark:via-fuchsia-500/10 dark:to-amber-500/15",
  "from-sky-100 via-indigo-50 to-violet-100 dark:from-sky-500/20 dark:via-indigo-500/10 dark:to-violet-500/20",
  "from-emerald-100 via-teal-50 to-sky-100 dark:from-emerald-500/20 dark:via-teal-500/10 dark:to-sky-500/15",
  "from-rose-100 via-orange-50 to-amber-100 dark:from-rose-500/20 dark:via-orange-500/10 dark:to-amber-500/15",
  "from-violet-100 via-pink-50 to-rose-100 dark:from-violet-500/20 dark:via-pink-500/10 dark:to-rose-500/15",
] as const;

function washFor(path: string): string {
  let h = 0;
  for (let i = 0; i < path.length; i++) h = (h * 31 + path.charCodeAt(i)) >>> 0;
  return WASHES[h % WASHES.length];
}

/**
 * What shows until (or instead of) the preview: a wash with a small picture mark. It fills the
 * card's fixed 4:3 frame, so a preview that loads, or never does, moves nothing on the page.
 */
function PreviewPlaceholder({ path }: { path: string }) {
  return (
    <div aria-hidden data-testid="lora-preview-placeholder" className={`absolute inset-0 grid place-items-center bg-gradient-to-br ${washFor(path)}`}>
      <span className="grid size-11 place-items-center rounded-xl bg-white/70 text-zinc-500 shadow-sm ring-1 ring-black/5 dark:bg-zinc-900/60 dark:text-zinc-400 dark:ring-white/10">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" className="size-5">
          <rect x="3" y="4" width="18" height="16" rx="2.5" />
          <circle cx="9" cy="10" r="1.75" />
          <path d="m21 16-5.2-5.2a1.5 1.5 0 0 0-2.1 0L5 19.5" />
        </svg>
      </span>
    </div>
  );
}

export function CatalogCard({ lora }: { lora: LoraSearchResult }) {
  const facts = [SOURCE[lora.source] ?? lora.source, lora.usageCount > 0 ? `used ${lora.usageCount}×` : null, lora.starter ? "starter set" : null, ...lora.tags.slice(0, 3)].filter(Boolean);
  return (
    <Card as="article" aria-label={lora.title} className="flex flex-col overflow-hidden">
      {/* Fixed 4:3 frame: the placeholder underneath, the preview (when it loads) over it. */}
      <div data-testid="lora-preview" className="relative aspect-[4/3] overflow-hidden bg-zinc-100 dark:bg-zinc-800">
        <PreviewPlaceholder path={lora.path} />
        {lora.previewUrl && <PreviewImage src={lora.previewUrl} className="absolute inset-0 size-full object-cover" />}
        <span className="absolute left-2 top-2">
          <Badge tone={lora.base === "flux1" || lora.base === "flux2" ? "accent" : "neutral"}>{BASE[lora.base] ?? lora.base}</Badge>
        </span>
      </div>
      <div className="flex flex-1 flex-col gap-1.5 p-3">
        <h2 className="text-sm font-semibold leading-snug">
          {lora.favorite && <span aria-label="Favorite" className="text-amber-500">★ </span>}
          {lora.title}
        </h2>
        {lora.triggers.length > 0 ? (
          <p className="line-clamp-2 font-mono text-[11px] text-zinc-600 dark:text-zinc-400" title={lora.triggers.join(", ")}>{lora.triggers.map((t) => `“${t}”`).join(" ")}</p>
        ) : (
          <p className="text-[11px] text-zinc-500 dark:text-zinc-400">No trigger phrase needed</p>
        )}
        <p className="line-clamp-1 text-[11px] text-zinc-500 dark:text-zinc-400">{facts.join(" · ")}</p>
        <div className="mt-auto flex flex-wrap items-center gap-x-3 gap-y-1 pt-1.5">
          <Link href={tryInStudioHref(lora)} className="rounded-lg bg-accent-600 px-3 py-1.5 text-xs font-semibold text-white hover:bg-accent-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600 dark:focus-visible:outline-accent-400">
            Try in studio<span className="sr-only">: {lora.title}</span>
          </Link>
          {lora.pageUrl && (
            <a href={lora.pageUrl} target="_blank" rel="noreferrer noopener" className="text-xs text-accent-600 hover:underline dark:text-accent-400">
              Source ↗<span className="sr-only"> for {lora.title}</span>
            </a>
          )}
        </div>
      </div>
    </Card>
  );
}
