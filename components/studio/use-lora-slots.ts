"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type Dispatch } from "react";
import { getLoraPreferencesAction, saveLoraDefaultsAction } from "@/components/loras/search-actions";
import type { LoraSearchResult } from "@/lib/loras/search/types";
import type { StudioAction } from "@/lib/studio/session";
import type { LoraSlot, StudioState } from "@/lib/studio/state";
import { useLoraCard, type Remembered } from "./lora-slot";

/**
 * The two LoRA slots: their cards, and the settings a LoRA starts with — the person's remembered
 * scale and phrases (the slot then says so, with a reset), else all its phrases on.
 */
export function useLoraSlots(recipe: StudioState, dispatch: Dispatch<StudioAction>) {
  const cards = [useLoraCard(recipe.loras[0].path), useLoraCard(recipe.loras[1].path)] as const;
  /** Links the person just pasted, waiting for their card to start them with their settings. */
  const freshPaths = useRef(new Set<string>());
  /** LoRAs (by slot path) that came back with the person's remembered settings. */
  const [remembered, setRemembered] = useState<Record<string, Remembered>>({});
  const queryClient = useQueryClient();

  const noteRemembered = (slotPath: string, loraPath: string, title: string, triggers: string[]) =>
    setRemembered((m) => ({ ...m, [slotPath.trim()]: { title, loraPath, defaults: { scale: 1, triggers } } }));

  useEffect(() => {
    cards.forEach((c, i) => {
      const slot = recipe.loras[i];
      if (c.status !== "ready" || !freshPaths.current.has(slot.path.trim())) return;
      freshPaths.current.delete(slot.path.trim());
      void getLoraPreferencesAction([c.card.path]).then((result) => {
        const pref = result.ok ? result.preferences[c.card.path]?.preference : null;
        dispatch({ type: "slotDefaults", index: i as 0 | 1, path: slot.path, scale: pref?.scale ?? null, triggers: pref?.triggers ?? c.card.triggers });
        if (pref && (pref.scale !== null || pref.triggers !== null)) noteRemembered(slot.path, c.card.path, c.card.title, c.card.triggers);
      });
    });
  });

  /** An edit of a slot; a new link in it starts with the person's settings once its card is known. */
  const edit = (i: 0 | 1, update: (slot: LoraSlot) => LoraSlot) => {
    const next = update(recipe.loras[i]);
    if (next.path !== recipe.loras[i].path) freshPaths.current.add(next.path.trim());
    dispatch({ type: "slot", index: i, update });
  };

  /** A catalog or hub result: applied with the person's remembered settings, which come with it. */
  const pick = (i: 0 | 1, r: LoraSearchResult) => {
    const pref = r.preference;
    dispatch({ type: "slot", index: i, update: (s) => ({ path: r.path, scale: pref?.scale ?? s.scale, triggers: pref?.triggers ?? r.triggers }) });
    if (pref && (pref.scale !== null || pref.triggers !== null)) noteRemembered(r.path, r.path, r.title, r.triggers);
  };

  /** Back to the LoRA's own defaults, and forget the remembered settings so they do not return. */
  const resetRemembered = (i: 0 | 1) => {
    const key = recipe.loras[i].path.trim();
    const note = remembered[key];
    if (!note) return;
    dispatch({ type: "slot", index: i, update: (s) => ({ ...s, scale: note.defaults.scale, triggers: note.defaults.triggers }) });
    setRemembered((m) => Object.fromEntries(Object.entries(m).filter(([k]) => k !== key)));
    void saveLoraDefaultsAction(note.loraPath, { scale: null, triggers: null, placement: null }).then(() => queryClient.invalidateQueries({ queryKey: ["lora-search"] }));
  };

  return { cards, edit, pick, resetRemembered, rememberedFor: (i: 0 | 1) => remembered[recipe.loras[i].path.trim()] };
}
