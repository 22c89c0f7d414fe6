/**
 * "Download contact sheet": a plain link (the route answers with an attachment), so it works
 * without JavaScript and the browser shows its own download progress.
 */
export function ContactSheetLink({ href, className = "" }: { href: string; className?: string }) {
  return (
    <a
      href={href}
      download
      className={`inline-flex items-center gap-1.5 rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-xs font-medium text-zinc-800 transition hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800 ${className}`}
    >
      <span aria-hidden>⤓</span>
      Download contact sheet
    </a>
  );
}
