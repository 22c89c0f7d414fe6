"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { LimitsView } from "@/lib/limits/view";
import { providerLabel } from "@/lib/providers/names";
import type { ProviderId } from "@/lib/providers/types";
import { removeOwnKeyAction, setOwnKeyAction } from "./actions";
import type { OwnKey, OwnKeys } from "./own-key-dialog";

const PROVIDERS: ProviderId[] = ["together", "fal"];
const FORMAT: Record<ProviderId, string> = { together: "tgp_v1_…", fal: "key_id:key_secret" };

function KeyForm({ provider, ownKey, onChange, onSaved }: { provider: ProviderId; ownKey: OwnKey; onChange: (key: OwnKey, limits: LimitsView) => void; onSaved: () => void }) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const label = providerLabel(provider);
  const id = `own-key-${provider}`;
  if (ownKey.set) {
    return (
      <div className="flex items-center justify-between gap-3 rounded-lg bg-zinc-100 p-3 dark:bg-zinc-800">
        <span>{label} key ending in <span className="font-mono">{ownKey.hint}</span> is in use.</span>
        <Button
          variant="danger"
          size="sm"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const result = await removeOwnKeyAction(provider);
              onChange({ set: false, hint: null }, result.key.limits);
            })
          }
        >
          Remove {label} key
        </Button>
      </div>
    );
  }
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await setOwnKeyAction({ provider, key: value });
          if (!result.ok) return setError(result.error.message);
          setError(null);
          setValue("");
          onChange({ set: true, hint: result.key.hint }, result.key.limits);
          onSaved();
        });
      }}
    >
      <label htmlFor={id} className="font-medium">{provider === "together" ? "Together API key" : "fal.ai API key"}</label>
      <input id={id} type="password" autoComplete="off" placeholder={FORMAT[provider]} value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="rounded-lg border border-zinc-300 bg-white px-3 py-2 font-mono dark:border-zinc-700 dark:bg-zinc-950" />
      {error && <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-300">{error}</p>}
      <Button type="submit" variant="primary" disabled={pending || !value.trim()} className="self-start">Save {label} key</Button>
    </form>
  );
}

/** The own-key dialog's content; loaded when the dialog first opens (./own-key-dialog.tsx). */
export function OwnKeyForms({ ownKeys, onChange, onSaved }: { ownKeys: OwnKeys; onChange: (keys: OwnKeys, limits: LimitsView) => void; onSaved: () => void }) {
  return (
    <div className="flex flex-col gap-4 text-sm">
      <p className="text-zinc-600 dark:text-zinc-400">
        Generations on that provider are then billed to your account, and the deployment&apos;s daily budget no longer applies to them. A key is kept
        encrypted in an httpOnly cookie on this browser: the page never sees it again and it is only used on the server.
      </p>
      {PROVIDERS.map((p) => (
        <KeyForm
          key={p}
          provider={p}
          ownKey={ownKeys[p]}
          onSaved={onSaved}
          onChange={(key, limits) => {
            onChange({ ...ownKeys, [p]: key }, limits);
          }}
        />
      ))}
    </div>
  );
}
