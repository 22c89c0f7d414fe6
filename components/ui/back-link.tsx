import Link from "next/link";

/** "← Place" above a page's title, leading to where the person came from. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="inline-flex items-center gap-1 self-start text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
      <span aria-hidden>←</span> {children}
    </Link>
  );
}
