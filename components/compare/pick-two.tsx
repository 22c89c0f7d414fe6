import Link from "next/link";

/** What /compare shows without two ids: how to pick them, and the way back to where that is done. */
export function PickTwo({ where, href, linkLabel }: { where: string; href: string; linkLabel: string }) {
  return (
    <section className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <div aria-hidden className="mb-2 flex gap-1.5">
        <span className="grid h-14 w-12 place-items-center rounded-lg bg-gradient-to-br from-accent-400 to-fuchsia-400 text-sm font-bold text-white">A</span>
        <span className="grid h-14 w-12 place-items-center rounded-lg bg-gradient-to-br from-sky-400 to-emerald-300 text-sm font-bold text-white">B</span>
      </div>
      <h1 className="text-xl font-semibold tracking-tight">Pick two results to compare</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Press “Compare” on any two results in {where}, then “Compare” in the bar at the bottom: you get them side by side or under a
        split you can drag, with every parameter that differs.
      </p>
      <Link href={href} className="rounded-lg bg-accent-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-accent-700">{linkLabel}</Link>
    </section>
  );
}
