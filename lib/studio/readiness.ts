import type { AppErrorShape } from "@/lib/errors";
import type { LoraCard } from "@/lib/loras/card";
import type { LoraSlot, StudioState } from "./state";

/** What the studio knows about the link in a LoRA slot. */
export type SlotCard = { status: "empty" | "loading" } | { status: "error"; message: string } | { status: "ready"; card: LoraCard; notices: string[] };

/** The path the provider gets: the card's canonical one (blob → resolve, Civitai page → download) once known. */
export function effectiveSlots(state: StudioState, cards: readonly SlotCard[]): StudioState {
  const loras = state.loras.map((slot, i) => {
    const c = cards[i];
    return c.status === "ready" && slot.path.trim() ? { ...slot, path: c.card.path } : slot;
  }) as [LoraSlot, LoraSlot];
  return { ...state, loras };
}

/**
 * Why Generate cannot run now, in words shown beside it (null when it can): the click would
 * only bring the same answer back after a round trip, or spend money on a LoRA that will fail.
 */
export function blockedReason(state: StudioState, cards: readonly SlotCard[], errors: Record<string, string>, modelLabel: string): string | null {
  if (!state.prompt.trim()) return "Write a prompt first.";
  for (const [i, c] of cards.entries()) {
    if (!state.loras[i].path.trim()) continue;
    if (c.status === "loading") return `Looking up LoRA ${i + 1}…`;
    if (c.status === "error") return `LoRA ${i + 1}: ${c.message}`;
    if (c.status === "ready" && c.card.verdicts[state.model]?.status === "incompatible") {
      return `LoRA ${i + 1} (${c.card.title}) will not work with ${modelLabel}: ${c.card.verdicts[state.model].reason}.`;
    }
  }
  const [field, message] = Object.entries(errors)[0] ?? [];
  if (!field) return null;
  const slot = /^loras\.(\d)/.exec(field);
  return slot ? `LoRA ${Number(slot[1]) + 1}: ${message}` : message;
}

/** The error for a slot whose LoRA is known not to work with the model (checked again at submit). */
export function incompatibleSlot(state: StudioState, cards: readonly SlotCard[], modelLabel: string): AppErrorShape | null {
  for (const [i, c] of cards.entries()) {
    if (c.status !== "ready" || !state.loras[i].path.trim()) continue;
    const verdict = c.card.verdicts[state.model];
    if (verdict?.status === "incompatible") {
      return { code: "incompatible_lora", message: `LoRA ${i + 1} (${c.card.title}) will not work with ${modelLabel}: ${verdict.reason}. Remove it or pick another LoRA — nothing was sent or charged.` };
    }
  }
  return null;
}
