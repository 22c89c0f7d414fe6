import Link from "next/link";

/** What a revoked or unknown share link shows (with HTTP 404): no hint whether it ever existed. */
export function LinkUnavailable({ what }: { what: "result" | "collection" }) {
  return (
    <div className="mx-auto flex min-h-[50vh] max-w-md flex-col items-center justify-center gap-3 text-center">
      <div aria-hidden className="relative mb-2 h-14 w-20">
        <span className="absolute left-0 top-1 h-12 w-16 -rotate-6 rounded-lg bg-gradient-to-br from-zinc-200 to-zinc-300 dark:from-zinc-800 dark:to-zinc-700" />
        <span className="absolute left-4 top-0 flex h-12 w-16 rotate-3 items-center justify-center rounded-lg border border-dashed border-zinc-300 bg-white text-lg text-zinc-400 dark:border-zinc-700 dark:bg-zinc-900">
          ⌁
        </span>
      </div>
      <h1 className="text-xl font-semibold tracking-tight">This link is not available</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        The {what} may have been unshared or deleted, or the link is incomplete. Ask whoever sent it for a new one.
      </p>
      <Link href="/" className="mt-2 inline-flex items-center gap-1.5 rounded-lg bg-accent-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-accent-700">
        Make your own in the studio <span aria-hidden>→</span>
      </Link>
    </div>
  );
}
