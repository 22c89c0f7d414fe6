"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { resolveLoraAction } from "@/components/loras/actions";
import { LoraCardView } from "@/components/loras/lora-card";
import { LoraCombobox } from "@/components/loras/lora-combobox";
import { getLoraPreferencesAction, toggleFavoriteAction } from "@/components/loras/search-actions";
import type { LoraSearchResult } from "@/lib/loras/search/types";
import { Button } from "@/components/ui/button";
import type { SlotCard } from "@/lib/studio/readiness";
import type { LoraSlot as Slot } from "@/lib/studio/state";
import { ScaleControl } from "./scale-control";
import { TriggerChips } from "./trigger-chips";
import { Card } from "@/components/ui/card";

/** A LoRA picked again came back with the person's last scale and phrases for it. */
export interface Remembered {
  title: string;
  /** The canonical path the settings are kept under. */
  loraPath: string;
  /** What a reset returns to: the LoRA's own defaults. */
  defaults: { scale: number; triggers: string[] };
}

export type { SlotCard };

/** Resolves the slot's link to a card (debounced; react-query caches per link). */
export function useLoraCard(path: string): SlotCard {
  const [debounced, setDebounced] = useState(path.trim());
  useEffect(() => {
    const t = setTimeout(() => setDebounced(path.trim()), 350);
    return () => clearTimeout(t);
  }, [path]);
  const query = useQuery({
    queryKey: ["lora-card", debounced],
    queryFn: () => resolveLoraAction(debounced),
    enabled: debounced.length > 0,
    staleTime: 5 * 60_000,
    retry: false,
  });
  if (!path.trim()) return { status: "empty" };
  if (debounced !== path.trim() || query.isPending) return { status: "loading" };
  if (query.isError) return { status: "error", message: "Could not look up that link. Check your connection and try again." };
  const result = query.data!;
  return result.ok ? { status: "ready", card: result.card, notices: result.notices } : { status: "error", message: result.error.message };
}

interface LoraSlotProps {
  position: 1 | 2;
  slot: Slot;
  resolved: SlotCard;
  modelId: string;
  /** An update of the slot as it is when applied (not as last rendered: a late answer may have changed it). */
  onChange: (update: (slot: Slot) => Slot) => void;
  onRemove: () => void;
  onSwap?: () => void;
  /** A catalog or hub result was chosen: applied with the person's remembered defaults. */
  onPick: (result: LoraSearchResult) => void;
  /** Set when the slot's settings came from what the person used last time. */
  remembered?: Remembered;
  onResetRemembered?: () => void;
  /** Set while an Explore sweep varies this slot's scale: the slider is disabled with this reason. */
  scaleLockedBy?: string;
}

/** The person's favorite mark for a resolved LoRA, kept per owner on the server. */
function FavoriteButton({ path, title }: { path: string; title: string }) {
  const client = useQueryClient();
  const key = ["lora-preference", path];
  const query = useQuery({ queryKey: key, queryFn: () => getLoraPreferencesAction([path]), staleTime: 60_000 });
  const favorite = query.data?.ok ? (query.data.preferences[path]?.favorite ?? false) : false;
  return (
    <Button
      variant="ghost"
      size="sm"
      aria-pressed={favorite}
      aria-label={`Favorite ${title}`}
      title={favorite ? "Remove from favorites" : "Add to favorites: favorites come first in search"}
      onClick={async () => {
        const result = await toggleFavoriteAction(path, !favorite);
        if (result.ok) client.invalidateQueries({ queryKey: key });
        client.invalidateQueries({ queryKey: ["lora-search"] });
      }}
    >
      <span aria-hidden className={favorite ? "text-amber-500" : ""}>{favorite ? "★" : "☆"}</span>
    </Button>
  );
}

export function LoraSlotField({ position, slot, resolved, modelId, onChange, onRemove, onSwap, onPick, remembered, onResetRemembered, scaleLockedBy }: LoraSlotProps) {
  const name = `LoRA ${position}`;
  const id = `lora-${position}`;
  const card = resolved.status === "ready" ? resolved.card : null;
  const filled = slot.path.trim().length > 0;
  return (
    <Card as="fieldset" className="flex min-w-0 flex-col gap-3 p-3 dark:bg-zinc-900/60" aria-busy={resolved.status === "loading"}>
      <legend className="sr-only">{name}</legend>
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{name}</label>
        <div className="flex gap-1">
          {card && <FavoriteButton path={card.path} title={card.title} />}
          {onSwap && (
            <Button variant="ghost" size="sm" onClick={onSwap} aria-label="Swap LoRA 1 and LoRA 2" title="Swap LoRA 1 and LoRA 2">⇅ Swap</Button>
          )}
          {filled && (
            <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove ${name}`}>✕ Remove</Button>
          )}
        </div>
      </div>
      <LoraCombobox
        id={id}
        label={name}
        value={slot.path}
        modelId={modelId}
        invalid={resolved.status === "error"}
        describedBy={`${id}-status`}
        onLink={(link) => onChange((s) => ({ ...s, path: link, triggers: [] }))}
        onPick={onPick}
      />
      {/* Empty, it takes no room (the gap above it included) but stays a live region. */}
      <div id={`${id}-status`} aria-live="polite" className="empty:-mt-3">
        {resolved.status === "loading" && <p className="animate-pulse text-xs text-zinc-500">Looking up this LoRA…</p>}
        {resolved.status === "error" && <p className="text-xs text-red-700 dark:text-red-300">{resolved.message}</p>}
        {resolved.status === "ready" && <LoraCardView card={resolved.card} modelId={modelId} notices={resolved.notices} onPickFile={(path) => onChange((s) => ({ ...s, path, triggers: [] }))} />}
      </div>
      {filled && (
        <>
          {remembered && (
            <p data-testid="remembered-settings" className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-lg bg-accent-50 px-2.5 py-1.5 text-xs text-accent-800 dark:bg-accent-500/10 dark:text-accent-300">
              <span>
                Your last settings for {remembered.title}: scale {slot.scale}
                {remembered.defaults.triggers.length > 0 && `, ${slot.triggers.length} of ${remembered.defaults.triggers.length} trigger phrase${remembered.defaults.triggers.length === 1 ? "" : "s"} on`}.
              </span>
              <button type="button" onClick={onResetRemembered} className="rounded-md px-1.5 py-0.5 font-medium underline underline-offset-2 hover:bg-accent-100 dark:hover:bg-accent-500/20">
                Reset<span className="sr-only"> {name} to the LoRA&apos;s defaults</span>
              </button>
            </p>
          )}
          <ScaleControl name={`${name} scale`} value={slot.scale} onChange={(scale) => onChange((s) => ({ ...s, scale }))} lockedBy={scaleLockedBy} />
          {card && card.triggers.length > 0 && (
            <TriggerChips
              label={`${name} trigger phrases`}
              phrases={card.triggers}
              enabled={slot.triggers}
              onToggle={(phrase, on) => onChange((s) => ({ ...s, triggers: on ? [...s.triggers.filter((t) => t !== phrase), phrase] : s.triggers.filter((t) => t !== phrase) }))}
            />
          )}
          {card && card.triggers.length === 0 && <p className="text-xs text-zinc-500">No trigger phrase published for this LoRA: it applies without one.</p>}
        </>
      )}
    </Card>
  );
}
