"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { LimitsView } from "@/lib/limits/view";
import { removeOwnKeyAction, setOwnKeyAction } from "./actions";

export interface OwnKey {
  set: boolean;
  hint: string | null;
}

/** Bring your own Together key: stored sealed in an httpOnly cookie, never shown again. */
export function OwnKeyButton({ ownKey, onChange }: { ownKey: OwnKey; onChange: (key: OwnKey, limits: LimitsView) => void }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <>
      <Button size="sm" variant={ownKey.set ? "secondary" : "ghost"} onClick={() => setOpen(true)}>
        {ownKey.set ? `Your key ${ownKey.hint}` : "Use your own key"}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Your own Together API key">
        <div className="flex flex-col gap-3 text-sm">
          <p className="text-zinc-600 dark:text-zinc-400">
            Generations from this browser are then billed to your Together account, and the deployment&apos;s daily budget no longer applies to you. The key is kept
            encrypted in an httpOnly cookie on this browser: the page never sees it again and it is only used on the server.
          </p>
          {ownKey.set ? (
            <div className="flex items-center justify-between gap-3 rounded-lg bg-zinc-100 p-3 dark:bg-zinc-800">
              <span>Key ending in <span className="font-mono">{ownKey.hint}</span> is in use.</span>
              <Button
                variant="danger"
                size="sm"
                disabled={pending}
                onClick={() =>
                  start(async () => {
                    const result = await removeOwnKeyAction();
                    onChange({ set: false, hint: null }, result.key.limits);
                  })
                }
              >
                Remove key
              </Button>
            </div>
          ) : (
            <form
              className="flex flex-col gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                start(async () => {
                  const result = await setOwnKeyAction(value);
                  if (!result.ok) return setError(result.error.message);
                  setError(null);
                  setValue("");
                  onChange({ set: true, hint: result.key.hint }, result.key.limits);
                  setOpen(false);
                });
              }}
            >
              <label htmlFor="own-key" className="font-medium">Together API key</label>
              <input id="own-key" type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? "own-key-error" : undefined} className="rounded-lg border border-zinc-300 bg-white px-3 py-2 font-mono dark:border-zinc-700 dark:bg-zinc-950" />
              {error && <p id="own-key-error" className="text-xs text-red-700 dark:text-red-300">{error}</p>}
              <Button type="submit" variant="primary" disabled={pending || !value.trim()} className="self-start">Save key</Button>
            </form>
          )}
        </div>
      </Dialog>
    </>
  );
}
