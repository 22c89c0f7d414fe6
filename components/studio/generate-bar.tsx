import type { ReactNode, Ref } from "react";
import { Button } from "@/components/ui/button";
import type { AppErrorShape } from "@/lib/errors";
import { ErrorAlert } from "./error-alert";

interface GenerateBarProps {
  ref: Ref<HTMLDivElement>;
  mode: "single" | "explore";
  /** Why Generate (or Start sweep) cannot run now; null when it can. */
  blocked: string | null;
  /** A generation or sweep is under way: the reason is not shown meanwhile. */
  busy: boolean;
  generating: { elapsedMs: number } | null;
  sweep: { running: boolean; starting: boolean; count: number | null };
  /** Set while anything else keeps the submit button disabled (a sweep running, a generation pending). */
  submitDisabled: boolean;
  onCancelGeneration: () => void;
  onCancelSweep: () => void;
  error: AppErrorShape | null;
  onDismissError: () => void;
  /** "Copy as code" (single image only). */
  code?: ReactNode;
  cost: ReactNode;
  limits: ReactNode;
}

/**
 * The studio's sticky bar: Generate (or Start sweep), why it waits, the cost, the limits, and an
 * answer to the last press. Slim on a phone — Generate and the cost on one row, the rest in one
 * line — so it takes well under a seventh of the screen.
 */
export function GenerateBar({ ref, mode, blocked, busy, generating, sweep, submitDisabled, onCancelGeneration, onCancelSweep, error, onDismissError, code, cost, limits }: GenerateBarProps) {
  const describedBy = blocked ? "generate-blocked" : undefined;
  return (
    <div ref={ref} data-testid="studio-bar" className="sticky bottom-0 z-10 -mx-1 flex flex-col gap-1 border-t border-zinc-200 bg-zinc-50/95 px-1 py-2 backdrop-blur sm:gap-2 sm:py-3 dark:border-zinc-800 dark:bg-zinc-950/95">
      {/* An answer to Generate shows beside it, where the person is looking, not below the form. */}
      {error && (
        <div className="max-h-[40vh] overflow-auto">
          <ErrorAlert error={error} onDismiss={onDismissError} />
        </div>
      )}
      {/* One wrapping row. A desktop: buttons and why Generate waits; the cost; the limits. A phone:
          buttons and the cost; why Generate waits; the limits. */}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 sm:gap-y-2">
        {mode === "explore" ? (
          sweep.running || sweep.starting ? (
            <>
              <Button type="button" variant="primary" size="lg" disabled>{sweep.starting ? "Checking…" : "Sweep running…"}</Button>
              {sweep.running && <Button type="button" variant="danger" onClick={onCancelSweep}>Cancel sweep</Button>}
            </>
          ) : (
            <Button type="submit" variant="primary" size="lg" disabled={blocked !== null || submitDisabled} aria-describedby={describedBy}>
              Start sweep{sweep.count !== null ? ` · ${sweep.count} images` : ""}
            </Button>
          )
        ) : generating ? (
          <>
            <Button type="button" variant="primary" size="lg" disabled>Generating… {(generating.elapsedMs / 1000).toFixed(1)} s</Button>
            <Button type="button" variant="danger" onClick={onCancelGeneration}>Cancel</Button>
          </>
        ) : (
          <Button type="submit" variant="primary" size="lg" disabled={blocked !== null || submitDisabled} aria-describedby={describedBy}>Generate</Button>
        )}
        {code}
        {/* A phone's second line: why Generate waits, then the limits. */}
        <span aria-hidden className="h-0 basis-full max-sm:order-1 sm:hidden" />
        <p id="generate-blocked" data-testid="generate-blocked" aria-live="polite" className="min-w-0 flex-1 basis-40 text-xs text-zinc-600 empty:hidden max-sm:order-2 max-sm:flex-none max-sm:basis-auto dark:text-zinc-400">
          {!busy && blocked}
        </p>
        <div className="min-w-36 flex-1 sm:basis-full">{cost}</div>
        <div className="flex min-w-0 basis-full empty:hidden max-sm:order-2 max-sm:flex-1 max-sm:basis-0">{limits}</div>
      </div>
    </div>
  );
}
