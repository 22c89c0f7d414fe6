"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { CODE_LANGUAGES, codeFor, type ProviderBody } from "@/lib/providers/request-body";

const TABS = CODE_LANGUAGES;
export type CodeTab = (typeof TABS)[number]["id"];

/** The dialog's tabs and code; loaded when "Copy as code" is first opened (./code-dialog.tsx). */
export function CodeDialogBody({ request, tab, setTab }: { request: ProviderBody | null; tab: CodeTab; setTab: (tab: CodeTab) => void }) {
  const current = TABS.find((t) => t.id === tab)!;
  const code = request ? codeFor(request, current.id) : "";
  return (
    <div className="flex flex-col gap-3">
      <div role="tablist" aria-label="Language" className="flex gap-1">
        {TABS.map((t) => (
          <button key={t.id} role="tab" type="button" aria-selected={tab === t.id} onClick={() => setTab(t.id)} className={`rounded-lg px-3 py-1 text-sm ${tab === t.id ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}>
            {t.label}
          </button>
        ))}
      </div>
      <pre role="tabpanel" aria-label={current.label} className="max-h-[50vh] overflow-auto rounded-xl bg-zinc-950 p-4 text-xs leading-relaxed text-zinc-100">
        <code>{code}</code>
      </pre>
      <div className="flex justify-end">
        <CopyButton text={code} label={`Copy ${current.label}`} />
      </div>
    </div>
  );
}
