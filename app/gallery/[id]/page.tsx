import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { BackToGallery, GenerationActions } from "@/components/gallery/generation-actions";
import { CopyAsCode } from "@/components/studio/code-dialog";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { AddToCollection } from "@/components/collections/add-to-collection";
import { ShareSwitch } from "@/components/sharing/share-switch";
import { loraPageUrl } from "@/lib/gallery/detail";
import { formatDateTime, loraLabel, plural } from "@/lib/gallery/format";
import { detailTitle, loadGenerationDetail } from "@/lib/gallery/load-detail";
import { PARAMETER_ROWS } from "@/lib/generation/fields";
import { isSimulated, providerLabel, providerOf, recordLabel } from "@/lib/providers/names";
import { explainPrice, formatUsd, unpublishedNote } from "@/lib/models/pricing";
import { getOwnerId } from "@/lib/owner/session";
import { Card as CardSurface } from "@/components/ui/card";

export const dynamic = "force-dynamic";

/** The owner's generation, or null (missing, someone else's, deleted): one lookup per request. */
const loadDetail = cache(async (id: string) => loadGenerationDetail(await getOwnerId(), id));

export async function generateMetadata({ params }: PageProps<"/gallery/[id]">): Promise<Metadata> {
  const detail = await loadDetail((await params).id);
  if (!detail) return { title: "Not found" };
  return { title: detailTitle(detail.generation.userPrompt), robots: { index: false } };
}

function Card({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <CardSurface as="section" aria-label={title} className="p-4">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">{title}</h2>
        {action}
      </div>
      {children}
    </CardSurface>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-4 border-b border-zinc-100 py-2 last:border-0 dark:border-zinc-800">
      <dt className="shrink-0 text-sm text-zinc-500 dark:text-zinc-400">{term}</dt>
      <dd className="min-w-0 text-right text-sm font-medium [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

export default async function GenerationDetailPage({ params }: PageProps<"/gallery/[id]">) {
  const detail = await loadDetail((await params).id);
  if (!detail) notFound();
  const { generation: g, model, price, request, requestJson: json } = detail;
  const single = g.images.length === 1;

  return (
    <article aria-labelledby="generation-title" className="flex flex-col gap-5">
      <BackToGallery />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:grid-rows-[auto_1fr]">
        <header className="flex min-w-0 flex-col gap-3 lg:col-start-2 lg:row-start-1">
          <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
            <time dateTime={g.createdAt}>{formatDateTime(g.createdAt)}</time>
            <Badge tone={isSimulated(g.provider) ? "warn" : "good"}>{recordLabel(g.provider)}</Badge>
            {g.status !== "succeeded" && <Badge tone="bad">{g.status}</Badge>}
          </div>
          <h1 id="generation-title" className="text-xl font-semibold leading-snug tracking-tight [overflow-wrap:anywhere]">{g.userPrompt}</h1>
          <GenerationActions generationId={g.id} label={g.userPrompt} remixHref={detail.remixHref} rerunHref={detail.rerunHref}>
            <AddToCollection generationId={g.id} />
          </GenerationActions>
          <ShareSwitch kind="generation" id={g.id} initialPath={g.sharePath} />
        </header>
        <section aria-label="Images" className={`grid content-start gap-3 lg:col-start-1 lg:row-span-2 lg:row-start-1 lg:self-start ${g.images.length <= 2 ? "lg:sticky lg:top-4" : ""} ${single ? "" : "sm:grid-cols-2"}`}>
          {g.images.length === 0 && (
            <p className="rounded-2xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              {g.status === "failed"
                ? `This generation failed: ${g.error?.message ?? "no images were made"}.`
                : g.status === "interrupted"
                  ? `This generation was interrupted. ${g.error?.message ?? "The server stopped while it was running."}`
                  : "No images yet."}
            </p>
          )}
          {g.images.map((img) => (
            <CardSurface as="figure" key={img.id} className="overflow-hidden">
              <a href={img.url} target="_blank" rel="noopener" className="flex justify-center bg-zinc-100 dark:bg-zinc-950" title="Open at full resolution">
                {/* eslint-disable-next-line @next/next/no-img-element -- bytes come from our own immutable route */}
                <img
                  src={img.url}
                  width={img.width}
                  height={img.height}
                  alt={`${g.userPrompt} (seed ${g.seed}, ${img.index + 1} of ${g.images.length})`}
                  className="h-auto max-h-[80vh] w-auto max-w-full"
                />
              </a>
              <figcaption className="flex items-center justify-between gap-2 px-3 py-2 text-xs text-zinc-600 dark:text-zinc-400">
                <span className="tabular-nums">
                  Image {img.index + 1} · {img.width}×{img.height}
                </span>
                <span className="flex gap-1">
                  <a href={img.url} target="_blank" rel="noopener" className="rounded-lg px-2 py-1 font-medium hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100">
                    Full size<span className="sr-only"> image {img.index + 1}</span>
                  </a>
                  <a href={`/api/images/${img.id}?download=1`} download className="rounded-lg px-2 py-1 font-medium text-accent-700 hover:bg-accent-50 dark:text-accent-400 dark:hover:bg-accent-500/10">
                    Download<span className="sr-only"> image {img.index + 1}</span>
                  </a>
                </span>
              </figcaption>
            </CardSurface>
          ))}
        </section>

        <div className="flex min-w-0 flex-col gap-4 lg:col-start-2 lg:row-start-2">
          <Card title="Prompt">
            <div className="flex flex-col gap-3">
              <div>
                <div className="mb-1 flex items-center justify-between gap-2">
                  <h3 className="text-xs font-medium text-zinc-500 dark:text-zinc-400">Typed</h3>
                  <CopyButton text={g.userPrompt} label="Copy prompt" />
                </div>
                <p className="whitespace-pre-wrap text-sm [overflow-wrap:anywhere]">{g.userPrompt}</p>
              </div>
              <div>
                <div className="mb-1 flex items-center justify-between gap-2">
                  <h3 className="text-xs font-medium text-zinc-500 dark:text-zinc-400">Sent to {recordLabel(g.provider)}, exactly</h3>
                  <CopyButton text={g.prompt} label="Copy prompt sent" />
                </div>
                <p className="whitespace-pre-wrap rounded-xl bg-zinc-50 px-3 py-2 font-mono text-xs leading-relaxed text-zinc-700 [overflow-wrap:anywhere] dark:bg-zinc-800/60 dark:text-zinc-300">{g.prompt}</p>
                {g.prompt !== g.userPrompt && <p className="mt-1 text-xs text-zinc-500">LoRA trigger phrases were added to what you typed.</p>}
              </div>
            </div>
          </Card>

          <Card title="Cost">
            <p className="text-2xl font-semibold tabular-nums tracking-tight">{formatUsd(g.costMicroUsd)}</p>
            {price ? (
              <div className="mt-1 flex flex-col gap-1 text-sm text-zinc-600 dark:text-zinc-400">
                <p>{explainPrice(price)}</p>
                <p>
                  {price.rate}
                  {price.mode === "per-megapixel" && ` · ${formatUsd(price.microUsdPerImage)} per image`}
                  {model!.pricing.published ? ` · ${providerLabel(model!.provider)}’s published price` : ""}
                </p>
                {unpublishedNote(model!.pricing) && <p className="text-amber-700 dark:text-amber-300">{unpublishedNote(model!.pricing)}</p>}
                {price.totalMicroUsd !== g.costMicroUsd && g.status === "succeeded" && (
                  <p className="text-amber-700 dark:text-amber-300">Recorded at the time as {formatUsd(g.costMicroUsd)}; today’s price for the same request is {formatUsd(price.totalMicroUsd)}.</p>
                )}
              </div>
            ) : (
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{plural(g.billedMegapixels, "megapixel")} billed. This model is no longer in the catalog, so no breakdown.</p>
            )}
            {isSimulated(g.provider) && <p className="mt-2 text-xs text-zinc-500">Made by the simulator: nothing was charged; the figure is what {providerLabel(providerOf(g.provider))} would have cost.</p>}
          </Card>

          <Card title="Parameters">
            <dl>
              <Row term="Model">
                {model?.label ?? g.model}
                <span className="block font-mono text-xs font-normal text-zinc-500">{g.model}</span>
              </Row>
              {PARAMETER_ROWS.map((row) => (
                <Row key={row.label} term={row.label}>
                  <span className="tabular-nums">{row.text(g)}</span>
                </Row>
              ))}
              <Row term="Provider">{recordLabel(g.provider)}</Row>
              <Row term="Created"><time dateTime={g.createdAt}>{formatDateTime(g.createdAt)}</time></Row>
            </dl>
          </Card>

          <Card title="LoRAs">
            {g.loras.length === 0 ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">None: the base model alone.</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {g.loras.map((l) => {
                  const href = loraPageUrl(l.path);
                  return (
                    <li key={l.position} className="flex items-start justify-between gap-3 rounded-xl bg-zinc-50 px-3 py-2 dark:bg-zinc-800/60">
                      <div className="min-w-0">
                        <p className="text-xs text-zinc-500">LoRA {l.position}</p>
                        {href ? (
                          <a href={href} target="_blank" rel="noopener noreferrer" className="font-medium text-accent-700 hover:underline [overflow-wrap:anywhere] dark:text-accent-400">
                            {loraLabel(l.path)}<span aria-hidden> ↗</span>
                          </a>
                        ) : (
                          <span className="font-medium [overflow-wrap:anywhere]">{loraLabel(l.path)}</span>
                        )}
                        <p className="font-mono text-[11px] text-zinc-500 [overflow-wrap:anywhere]">{l.path}</p>
                      </div>
                      <Badge tone="accent">scale {l.scale.toFixed(2)}</Badge>
                    </li>
                  );
                })}
              </ul>
            )}
          </Card>

          <Card
            title="Request"
            action={
              <span className="flex items-center gap-1">
                <CopyAsCode request={request} />
                <CopyButton text={json} label="Copy JSON" />
              </span>
            }
          >
            <p className="mb-2 text-xs text-zinc-500">
              {request?.provider === "fal" ? `The input sent to fal.ai's queue for ${request.endpoint}.` : "The body sent to POST /v1/images/generations."}
            </p>
            <pre aria-label="Request JSON" className="max-h-[28rem] overflow-auto whitespace-pre-wrap rounded-xl bg-zinc-950 p-3 text-xs leading-relaxed text-zinc-100 [overflow-wrap:anywhere]">
              <code>{json}</code>
            </pre>
          </Card>
        </div>
      </div>
    </article>
  );
}
