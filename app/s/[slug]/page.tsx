import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LoraList, OpenInStudio, PromptBlock, ProviderBadge, RecipeFacts, SharedImageFigure, formatDate } from "@/components/sharing/recipe";
import { loadSharedResult, requestBaseUrl } from "@/lib/sharing/load";
import { describeResult } from "@/lib/sharing/view";
import { clip, clipAtWord } from "@/lib/text/clip";
import { Card } from "@/components/ui/card";

// Always read the database: revoking a link must take effect on the next request.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/s/[slug]">): Promise<Metadata> {
  const { slug } = await params;
  const result = await loadSharedResult(slug);
  if (!result) return { title: "Link not available", robots: { index: false, follow: false } };
  const title = clipAtWord(result.userPrompt, 70, "Untitled");
  const description = describeResult(result);
  const image = result.images[0];
  const alt = clip(result.userPrompt, 200, "Untitled");
  return {
    metadataBase: await requestBaseUrl(),
    title,
    description,
    // Shared links are unlisted: previews yes, search engines no.
    robots: { index: false, follow: false },
    alternates: { canonical: `/s/${slug}` },
    openGraph: {
      type: "article",
      siteName: "Lorascope",
      url: `/s/${slug}`,
      title,
      description,
      images: image ? [{ url: image.url, width: image.width, height: image.height, alt }] : [],
    },
    twitter: { card: "summary_large_image", title, description, images: image ? [{ url: image.url, alt }] : [] },
  };
}

/** A shared result: its images and exactly how they were made — nothing about who made it. */
export default async function SharedResultPage({ params }: PageProps<"/s/[slug]">) {
  const { slug } = await params;
  const result = await loadSharedResult(slug);
  if (!result) notFound();
  const several = result.images.length > 1;
  return (
    <article className="flex flex-col gap-6" aria-labelledby="shared-title">
      <header className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-xs font-semibold uppercase tracking-[0.14em] text-accent-600 dark:text-accent-400">Shared result</span>
          <ProviderBadge result={result} />
        </div>
        <h1 id="shared-title" className="max-w-4xl text-balance break-words text-2xl font-semibold tracking-tight sm:text-3xl">
          {clip(result.userPrompt, 200, "Untitled")}
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {result.modelLabel} · {result.width}×{result.height} · seed {result.seed} · made {formatDate(result.createdAt)}
        </p>
        {/* On narrow screens the recipe panel is below the images: the main action stays in reach. */}
        <OpenInStudio result={result} className="self-start lg:hidden" />
      </header>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-label="Images" className={several ? "grid grid-cols-1 gap-3 sm:grid-cols-2" : "grid grid-cols-1"}>
          {result.images.map((image, i) => (
            <SharedImageFigure
              key={image.index}
              image={image}
              priority={i === 0}
              fit={!several}
              alt={`${clip(result.userPrompt, 120, "Untitled")} (seed ${result.seed}${several ? `, image ${image.index + 1}` : ""})`}
            />
          ))}
        </section>

        <Card as="aside" aria-label="Recipe" className="flex flex-col gap-5 p-5 lg:sticky lg:top-6">
          {/* One "Open in studio" per width: here on wide screens, under the title on narrow ones. */}
          <div className="hidden flex-col gap-2 lg:flex">
            <OpenInStudio result={result} className="w-full" />
            <p className="text-center text-xs text-zinc-500 dark:text-zinc-400">Loads these settings, seed included. Nothing runs until you press Generate.</p>
          </div>
          <PromptBlock result={result} />
          <div className="flex flex-col gap-2">
            <h2 className="text-[11px] font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">LoRAs</h2>
            <LoraList loras={result.loras} />
          </div>
          <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">
            <RecipeFacts result={result} />
          </div>
        </Card>
      </div>
    </article>
  );
}
