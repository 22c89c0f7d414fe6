import { z } from "zod/mini";
import "@/lib/validation/mini";
import { MAX_AXIS_VALUES, promptItemSchema, type PromptItem } from "./spec";

/** A named list of test prompts, used as a grid axis. */
export interface PromptSetView {
  /** "starter" for the shipped set (not stored; copy it to edit). */
  id: string;
  name: string;
  prompts: PromptItem[];
  starter: boolean;
}

/** The set every person has: one prompt per kind of picture a style is usually judged on. */
export const STARTER_PROMPT_SET: PromptSetView = {
  id: "starter",
  name: "Starter set",
  starter: true,
  prompts: [
    { label: "portrait", prompt: "a portrait of an elderly fisherman with a weathered face, soft window light" },
    { label: "landscape", prompt: "a mountain valley at dawn with a river and mist, wide view" },
    { label: "object", prompt: "a vintage brass pocket watch on a wooden table, close-up" },
    { label: "typography", prompt: 'a shop sign that reads "OPEN LATE" in bold letters' },
    { label: "animal", prompt: "a red fox sitting in fresh snow, looking at the camera" },
    { label: "interior", prompt: "a cozy reading room with a fireplace, armchair and bookshelves" },
  ],
};

export const promptSetInputSchema = z.object({
  id: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/))),
  name: z.string().check(z.trim(), z.minLength(1, "Name the set"), z.maxLength(80)),
  prompts: z.array(promptItemSchema).check(z.minLength(1, "Add at least one prompt"), z.maxLength(MAX_AXIS_VALUES, `At most ${MAX_AXIS_VALUES} prompts in a set`)),
});

/**
 * Prompts as a person types them: one per line, an optional "label: " in front
 * ("portrait: an old fisherman…"); without one, the first words are the label.
 */
export function parsePromptLines(text: string): PromptItem[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const m = /^([\p{L}\p{N} _-]{1,40}):\s+(.+)$/u.exec(line);
      if (m) return { label: m[1].trim(), prompt: m[2].trim() };
      return { label: line.split(/\s+/).slice(0, 3).join(" ").slice(0, 60), prompt: line };
    });
}

export function promptLines(prompts: readonly PromptItem[]): string {
  return prompts.map((p) => `${p.label}: ${p.prompt}`).join("\n");
}

/** A stored row's prompts; an unreadable row reads as empty rather than breaking the page. */
export function storedPrompts(json: string): PromptItem[] {
  try {
    const parsed = z.array(promptItemSchema).safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
