"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ProviderBody } from "@/lib/providers/request-body";
import type { CodeTab } from "./code-dialog-body";

// The code generators load when the dialog first opens, not with the studio; the placeholder
// holds the dialog's height meanwhile.
const CodeDialogBody = dynamic(() => import("./code-dialog-body").then((m) => m.CodeDialogBody), {
  loading: () => <div aria-busy="true" aria-label="Loading the code" className="h-64 rounded-xl bg-zinc-100 dark:bg-zinc-900" />,
});

/** The exact request as code; the seed shown is the one the next Generate would use when fixed. */
export function CopyAsCode({ request }: { request: ProviderBody | null }) {
  const [open, setOpen] = useState(false);
  // Here, not in the body: the body unmounts when the dialog closes, the chosen language stays.
  const [tab, setTab] = useState<CodeTab>("curl");
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)} disabled={!request}>
        <span aria-hidden>{"</>"}</span>
        {/* Only the mark on a phone, where the bar has room for Generate and the cost only. */}
        <span className="max-sm:sr-only">Copy as code</span>
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="This request as code">
        <CodeDialogBody request={request} tab={tab} setTab={setTab} />
      </Dialog>
    </>
  );
}
