import Link from "next/link";

export interface InterruptedItem {
  id: string;
  userPrompt: string;
  errorMessage: string | null;
}

/**
 * Generations the server lost while they ran (killed or restarted mid-request): they made no
 * images, so the grid does not show them, but they may have cost money and count against the
 * limits — say so instead of letting them vanish.
 */
export function InterruptedNotice({ items }: { items: InterruptedItem[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-label="Interrupted generations" className="rounded-2xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
      <p className="font-medium">
        {items.length === 1 ? "One generation was interrupted" : `${items.length} generations were interrupted`} in the last day: the server stopped while
        {items.length === 1 ? " it was" : " they were"} running.
      </p>
      <ul className="mt-2 flex flex-col gap-1">
        {items.map((g) => (
          <li key={g.id}>
            <Link href={`/gallery/${g.id}`} className="underline underline-offset-2 [overflow-wrap:anywhere]">
              {g.userPrompt || "Untitled"}
            </Link>
            {g.errorMessage ? <span className="text-amber-900/80 dark:text-amber-100/80"> — {g.errorMessage}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
