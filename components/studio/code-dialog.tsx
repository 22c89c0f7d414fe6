"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { CODE_LANGUAGES, codeFor, type ProviderBody } from "@/lib/providers/request-body";

const TABS = CODE_LANGUAGES;

/** The exact request as code; the seed shown is the one the next Generate would use when fixed. */
export function CopyAsCode({ request }: { request: ProviderBody | null }) {
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<(typeof TABS)[number]["id"]>("curl");
  const current = TABS.find((t) => t.id === tab)!;
  const code = request ? codeFor(request, current.id) : "";
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)} disabled={!request}>
        <span aria-hidden>{"</>"}</span>
        {/* Only the mark on a phone, where the bar has room for Generate and the cost only. */}
        <span className="max-sm:sr-only">Copy as code</span>
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="This request as code">
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
      </Dialog>
    </>
  );
}
