import { Badge } from "@/components/ui/badge";
import type { LoraCard, LoraVerdict } from "@/lib/loras/card";

const BASE_LABEL: Record<LoraCard["base"], string> = { flux1: "FLUX.1", flux2: "FLUX.2", sd15: "SD 1.5", sdxl: "SDXL", unknown: "base unknown" };
const SITE: Record<LoraCard["source"], string> = {
  "huggingface-repo": "Hugging Face",
  "huggingface-file": "Hugging Face",
  civitai: "Civitai",
  "replicate-model": "Replicate",
  "replicate-version": "Replicate",
  "direct-file": "the web",
};
const SOURCE_LABEL: Record<LoraCard["source"], string> = {
  "huggingface-repo": "Hugging Face",
  "huggingface-file": "Hugging Face file",
  civitai: "Civitai",
  "replicate-model": "Replicate",
  "replicate-version": "Replicate version",
  "direct-file": "File",
};

function formatBytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(0)} MB` : `${Math.ceil(bytes / 1e3)} KB`;
}

export function VerdictBadge({ verdict }: { verdict: LoraVerdict | undefined }) {
  if (!verdict) return null;
  if (verdict.status === "compatible") return <Badge tone="good" title={verdict.reason}>✓ Works with this model</Badge>;
  if (verdict.status === "incompatible") return <Badge tone="bad" title={verdict.reason}>✕ Will not work</Badge>;
  return <Badge tone="warn" title={verdict.reason}>? Not checked</Badge>;
}

/** What a LoRA link is, what it triggers and whether it will work — before any money is spent. */
export function LoraCardView({ card, modelId, notices, onPickFile }: { card: LoraCard; modelId: string; notices: string[]; onPickFile?: (path: string) => void }) {
  const verdict = card.verdicts[modelId];
  return (
    <div className="flex flex-col gap-2" data-testid="lora-card">
      <div className="flex gap-3">
        {/* A tasteful gradient sits under the preview, so a preview that cannot load leaves no hole. */}
        <div aria-hidden className="relative size-14 shrink-0 overflow-hidden rounded-lg bg-gradient-to-br from-accent-100 to-fuchsia-100 dark:from-accent-500/20 dark:to-fuchsia-500/10">
          {card.previewUrl && (
            // eslint-disable-next-line @next/next/no-img-element -- remote previews from the LoRA's source
            <img src={card.previewUrl} alt="" width={56} height={56} loading="lazy" referrerPolicy="no-referrer" className="absolute inset-0 size-full object-cover" onError={(e) => (e.currentTarget.style.display = "none")} />
          )}
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <p className="truncate text-sm font-semibold" title={card.title}>{card.title}</p>
          <div className="flex flex-wrap gap-1">
            <Badge>{SOURCE_LABEL[card.source]}</Badge>
            <Badge tone={card.base === "flux1" || card.base === "flux2" ? "accent" : card.base === "unknown" ? "neutral" : "bad"}>{BASE_LABEL[card.base]}</Badge>
            <VerdictBadge verdict={verdict} />
            {card.nsfw && <Badge tone="warn">NSFW</Badge>}
          </div>
          <a href={card.pageUrl} target="_blank" rel="noreferrer noopener" className="w-fit text-xs text-accent-600 underline-offset-2 hover:underline dark:text-accent-400">
            Open on {SITE[card.source]} <span aria-hidden>↗</span>
          </a>
        </div>
      </div>
      {verdict && verdict.status !== "compatible" && (
        <p className={verdict.status === "incompatible" ? "text-xs text-red-700 dark:text-red-300" : "text-xs text-amber-800 dark:text-amber-200"}>
          {verdict.status === "incompatible" ? "Will not work: " : "Could not check: "}
          {verdict.reason}
        </p>
      )}
      {(notices.length > 0 || card.warnings.length > 0) && (
        <ul className="flex flex-col gap-0.5 text-xs text-zinc-600 dark:text-zinc-400">
          {notices.map((n) => (
            <li key={n}>ℹ︎ {n}</li>
          ))}
          {card.warnings.map((w) => (
            <li key={w.code + w.message}>⚠︎ {w.message}</li>
          ))}
        </ul>
      )}
      {onPickFile && card.fileChoices.length > 1 && (
        <div role="group" aria-label="Files in this repo" className="flex flex-col gap-1">
          <p className="text-xs text-zinc-600 dark:text-zinc-400">This repo holds several LoRA files; Together needs one. Pick a file:</p>
          <div className="flex flex-wrap gap-1">
            {card.fileChoices.map((f) => (
              <button key={f.path} type="button" onClick={() => onPickFile(f.path)} className="rounded-md border border-zinc-300 px-2 py-0.5 font-mono text-[11px] hover:border-accent-500 dark:border-zinc-700">
                {f.name}
                {f.size ? ` · ${formatBytes(f.size)}` : ""}
              </button>
            ))}
          </div>
        </div>
      )}
      {(card.fileName || card.inspection) && (
        <p className="text-[11px] text-zinc-500">
          {[card.fileName, card.fileSize ? formatBytes(card.fileSize) : null, card.inspection ? `${card.inspection.tensorCount} tensors` : null, card.inspection?.rank ? `rank ${card.inspection.rank}` : null]
            .filter(Boolean)
            .join(" · ")}
        </p>
      )}
    </div>
  );
}
