import Link from "next/link";

export default function CompareNotFound() {
  return (
    <section className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <p className="text-sm font-medium text-accent-700 dark:text-accent-400">404</p>
      <h1 className="text-xl font-semibold tracking-tight">Nothing to compare here</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        One of these results does not exist, was deleted, or was made in another browser. Pick two from your gallery.
      </p>
      <Link href="/gallery" className="rounded-lg bg-accent-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-accent-700">Back to the gallery</Link>
    </section>
  );
}
