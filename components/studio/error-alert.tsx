import { Button } from "@/components/ui/button";
import type { AppErrorShape } from "@/lib/errors";

// Titles stay provider-neutral: the message names who answered (Together, the simulator, …).
const TITLES: Partial<Record<AppErrorShape["code"], string>> = {
  invalid_key: "The API key was not accepted",
  out_of_credits: "Out of credits",
  rate_limited: "Too many requests right now",
  budget_exceeded: "Daily budget reached",
  incompatible_lora: "A LoRA does not fit this model",
  upstream_unavailable: "The image service is not answering",
  timeout: "The image service took too long",
  cancelled: "Cancelled",
  interrupted: "Interrupted: the server stopped",
  invalid_input: "Check the settings",
};

/** A failure in words, with the next step; settings stay as they were. */
export function ErrorAlert({ error, onDismiss }: { error: AppErrorShape; onDismiss: () => void }) {
  const title = TITLES[error.code] ?? "Something went wrong";
  const tone = error.code === "cancelled" ? "border-zinc-300 bg-zinc-50 text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200" : "border-red-300 bg-red-50 text-red-900 dark:border-red-500/40 dark:bg-red-500/10 dark:text-red-200";
  return (
    <div role="alert" className={`flex items-start justify-between gap-3 rounded-2xl border p-3 text-sm ${tone}`}>
      <div className="flex min-w-0 flex-col gap-1">
        <p className="font-semibold">{title}</p>
        <p className="break-words">{error.message}</p>
        {error.unusedKeys && error.unusedKeys.length > 0 && (
          <details className="text-xs">
            <summary className="cursor-pointer">Keys the model could not use ({error.unusedKeys.length})</summary>
            <p className="mt-1 break-all font-mono">{error.unusedKeys.join(", ")}</p>
          </details>
        )}
      </div>
      <Button variant="ghost" size="sm" onClick={onDismiss} aria-label="Dismiss message">✕</Button>
    </div>
  );
}
