"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { TriggerPlacement } from "@/lib/generation/prompt";
import { TriggerChips } from "./trigger-chips";

interface PromptPreviewProps {
  promptSent: string;
  customTriggers: string[];
  placement: TriggerPlacement;
  onCustomTriggers: (phrases: string[]) => void;
  onPlacement: (placement: TriggerPlacement) => void;
}

/** The exact prompt Together will receive, plus custom phrases and where triggers go. */
export function PromptPreview({ promptSent, customTriggers, placement, onCustomTriggers, onPlacement }: PromptPreviewProps) {
  const [draft, setDraft] = useState("");
  const add = () => {
    const phrase = draft.trim();
    if (phrase && !customTriggers.includes(phrase)) onCustomTriggers([...customTriggers, phrase]);
    setDraft("");
  };
  return (
    <div className="flex flex-col gap-2 rounded-2xl bg-zinc-100 p-3 text-xs dark:bg-zinc-900">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="custom-trigger" className="sr-only">Custom phrase</label>
        <input
          id="custom-trigger"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.metaKey && !e.ctrlKey) {
              e.preventDefault();
              add();
            }
          }}
          placeholder="Add a phrase (e.g. film grain)"
          className="min-w-[12rem] flex-1 rounded-lg border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-950"
        />
        <Button size="sm" onClick={add} disabled={!draft.trim()}>Add phrase</Button>
        <div role="radiogroup" aria-label="Trigger placement" className="flex overflow-hidden rounded-lg border border-zinc-300 dark:border-zinc-700">
          {(["before", "after"] as const).map((p) => (
            <button key={p} type="button" role="radio" aria-checked={placement === p} onClick={() => onPlacement(p)} className={`px-2 py-1 ${placement === p ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "bg-white dark:bg-zinc-950"}`}>
              {p === "before" ? "Before prompt" : "After prompt"}
            </button>
          ))}
        </div>
      </div>
      <TriggerChips label="Custom phrases" phrases={customTriggers} enabled={customTriggers} onToggle={(phrase) => onCustomTriggers(customTriggers.filter((t) => t !== phrase))} />
      <p className="font-medium text-zinc-600 dark:text-zinc-400" id="prompt-sent-label">Prompt that will be sent</p>
      <p aria-labelledby="prompt-sent-label" className="whitespace-pre-wrap break-words font-mono text-[13px] text-zinc-900 dark:text-zinc-100" data-testid="prompt-sent">
        {promptSent || "—"}
      </p>
    </div>
  );
}
