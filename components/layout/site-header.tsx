import Link from "next/link";
import { modesFor } from "@/lib/providers";
import { providerLabel } from "@/lib/providers/names";
import { ThemeSwitch } from "./theme-switch";

const SIMULATED = "Images are simulated; set TOGETHER_API_KEY or FAL_KEY for real ones";

/** Header with the provider mode: people must always know when images are simulated. */
export function SiteHeader() {
  // The deployment's keys; a person's own key shows in the studio, not here.
  const modes = modesFor({ together: null, fal: null });
  const live = (["together", "fal"] as const).filter((p) => modes[p] === "live").map(providerLabel);
  const simulated = live.length === 0;
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/80">
      {/* Two short rows on a phone (logo, mode, theme; then the links), so the studio starts on the first screen. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:gap-x-4 sm:gap-y-2 sm:px-6 sm:py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <span aria-hidden className="inline-block size-6 rounded-md bg-gradient-to-br from-accent-400 via-fuchsia-500 to-amber-400" />
          Lorascope
        </Link>
        <nav aria-label="Main" className="order-last flex basis-full gap-3 text-sm text-zinc-600 sm:order-none sm:basis-auto dark:text-zinc-400">
          <Link href="/" className="hover:text-zinc-900 dark:hover:text-zinc-100">Studio</Link>
          <Link href="/loras" className="hover:text-zinc-900 dark:hover:text-zinc-100">LoRAs</Link>
          <Link href="/gallery" className="hover:text-zinc-900 dark:hover:text-zinc-100">Gallery</Link>
          <Link href="/collections" className="hover:text-zinc-900 dark:hover:text-zinc-100">Collections</Link>
        </nav>
        <p
          role="note"
          title={simulated ? SIMULATED : undefined}
          className={
            simulated
              ? "ml-auto rounded-full bg-amber-100 px-3 py-1 text-xs font-medium text-amber-900 dark:bg-amber-500/15 dark:text-amber-200"
              : "ml-auto rounded-full bg-emerald-100 px-3 py-1 text-xs font-medium text-emerald-900 dark:bg-emerald-500/15 dark:text-emerald-200"
          }
        >
          {simulated ? (
            <>
              {/* The word on a phone, the whole sentence from `sm` up (and to screen readers always). */}
              Simulator<span className="max-sm:sr-only"> — images are simulated; set TOGETHER_API_KEY or FAL_KEY for real ones</span>
            </>
          ) : (
            `Connected to ${live.join(" and ")}`
          )}
        </p>
        <ThemeSwitch />
      </div>
    </header>
  );
}
