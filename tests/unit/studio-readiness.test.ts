import { describe, expect, it } from "vitest";
import type { LoraCard } from "@/lib/loras/card";
import { blockedReason, effectiveSlots, incompatibleSlot, type SlotCard } from "@/lib/studio/readiness";
import { initialStudioState, type StudioState } from "@/lib/studio/state";

const base = initialStudioState();
const MODEL = base.model;
const card = (over: Partial<LoraCard>): LoraCard => ({ path: "https://huggingface.co/a/b/resolve/main/x.safetensors", title: "Tarot", triggers: [], verdicts: {}, ...over }) as LoraCard;
const ready = (over: Partial<LoraCard> = {}): SlotCard => ({ status: "ready", card: card(over), notices: [] });
const EMPTY: SlotCard = { status: "empty" };
const withLora = (path: string): StudioState => ({ ...base, prompt: "a cat", loras: [{ path, scale: 1, triggers: [] }, base.loras[1]] });

describe("why Generate waits", () => {
  it("asks for a prompt first", () => {
    expect(blockedReason(base, [EMPTY, EMPTY], {}, "FLUX")).toBe("Write a prompt first.");
  });

  it("waits for a LoRA's lookup and names a failed one", () => {
    const state = withLora("https://huggingface.co/a/b");
    expect(blockedReason(state, [{ status: "loading" }, EMPTY], {}, "FLUX")).toBe("Looking up LoRA 1…");
    expect(blockedReason(state, [{ status: "error", message: "Not found." }, EMPTY], {}, "FLUX")).toBe("LoRA 1: Not found.");
  });

  it("names an incompatible LoRA with the model and the reason, and so does the submit check", () => {
    const state = withLora("https://huggingface.co/a/b");
    const cards = [ready({ title: "SDXL thing", verdicts: { [MODEL]: { status: "incompatible", reason: "it is an SDXL LoRA" } } as LoraCard["verdicts"] }), EMPTY];
    expect(blockedReason(state, cards, {}, "FLUX.1 [dev]")).toBe("LoRA 1 (SDXL thing) will not work with FLUX.1 [dev]: it is an SDXL LoRA.");
    expect(incompatibleSlot(state, cards, "FLUX.1 [dev]")).toMatchObject({ code: "incompatible_lora" });
    expect(incompatibleSlot(state, [ready(), EMPTY], "FLUX.1 [dev]")).toBeNull();
  });

  it("says a field's error, naming the LoRA slot it belongs to", () => {
    const state = withLora("https://huggingface.co/a/b");
    expect(blockedReason(state, [ready(), EMPTY], { width: "Width must be at most 1792." }, "FLUX")).toBe("Width must be at most 1792.");
    expect(blockedReason(state, [ready(), EMPTY], { "loras.1.path": "Use an https link." }, "FLUX")).toBe("LoRA 2: Use an https link.");
    expect(blockedReason(state, [ready(), EMPTY], {}, "FLUX")).toBeNull();
  });
});

describe("the LoRA paths a request gets", () => {
  it("are the cards' canonical paths once known, the links as typed before", () => {
    const state = withLora("https://huggingface.co/a/b/blob/main/x.safetensors");
    expect(effectiveSlots(state, [ready(), EMPTY]).loras[0].path).toBe("https://huggingface.co/a/b/resolve/main/x.safetensors");
    expect(effectiveSlots(state, [{ status: "loading" }, EMPTY]).loras[0].path).toBe("https://huggingface.co/a/b/blob/main/x.safetensors");
  });
});
