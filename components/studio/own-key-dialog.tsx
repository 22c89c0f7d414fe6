"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { LimitsView } from "@/lib/limits/view";
import type { ProviderId } from "@/lib/providers/types";

export interface OwnKey {
  set: boolean;
  hint: string | null;
}
export type OwnKeys = Record<ProviderId, OwnKey>;

const PROVIDERS: ProviderId[] = ["together", "fal"];

// The key forms load when the dialog first opens, not with the studio; the placeholder holds
// the dialog's height meanwhile.
const OwnKeyForms = dynamic(() => import("./own-key-forms").then((m) => m.OwnKeyForms), {
  loading: () => <div aria-busy="true" aria-label="Loading the key forms" className="h-72 rounded-xl bg-zinc-100 dark:bg-zinc-900" />,
});

/** Bring your own Together or fal.ai key: stored sealed in an httpOnly cookie, never shown again. */
export function OwnKeyButton({ ownKeys, onChange }: { ownKeys: OwnKeys; onChange: (keys: OwnKeys, limits: LimitsView) => void }) {
  const [open, setOpen] = useState(false);
  const hints = PROVIDERS.filter((p) => ownKeys[p].set).map((p) => ownKeys[p].hint);
  return (
    <>
      <Button size="sm" variant={hints.length ? "secondary" : "ghost"} onClick={() => setOpen(true)}>
        {hints.length ? `Your key${hints.length > 1 ? "s" : ""} ${hints.join(", ")}` : "Use your own key"}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Your own API keys">
        <OwnKeyForms ownKeys={ownKeys} onChange={onChange} onSaved={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
