import Link from "next/link";
import { modesFor } from "@/lib/providers";
import { providerLabel } from "@/lib/providers/names";
import { ThemeSwitch } from "./theme-switch";

/** Header with the provider mode: people must always know when images are simulated. */
export function SiteHeader() {
  // The deployment's keys; a person's own key shows in the studio, not here.
  const modes = modesFor({ together: null, fal: null });
  const live = (["together", "fal"] as const).filter((p) => modes[p] === "live").map(providerLabel);
  const simulated = live.length === 0;
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/80">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <span aria-hidden className="inline-block size-6 rounded-md bg-gradient-to-br from-accent-400 via-fuchsia-500 to-amber-400" />
          Lorascope
        </Link>
        {/* Beside the logo on phones, last on wider screens. */}
        <ThemeSwitch className="ml-auto sm:order-last sm:ml-0" />
        <nav aria-label="Main" className="flex basis-full gap-3 text-sm sm:basis-auto text-zinc-600 dark:text-zinc-400">
          <Link href="/" className="hover:text-zinc-900 dark:hover:text-zinc-100">Studio</Link>
          <Link href="/loras" className="hover:text-zinc-900 dark:hover:text-zinc-100">LoRAs</Link>
          <Link href="/gallery" className="hover:text-zinc-900 dark:hover:text-zinc-100">Gallery</Link>
          <Link href="/collections" className="hover:text-zinc-900 dark:hover:text-zinc-100">Collections</Link>
        </nav>
        <p
          role="note"
          className={
            simulated
              ? "ml-auto rounded-full bg-amber-100 px-3 py-1 text-xs font-medium text-amber-900 dark:bg-amber-500/15 dark:text-amber-200"
              : "ml-auto rounded-full bg-emerald-100 px-3 py-1 text-xs font-medium text-emerald-900 dark:bg-emerald-500/15 dark:text-emerald-200"
          }
        >
          {simulated ? "Simulator — images are simulated; set TOGETHER_API_KEY or FAL_KEY for real ones" : `Connected to ${live.join(" and ")}`}
        </p>
      </div>
    </header>
  );
}
