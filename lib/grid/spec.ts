import { z } from "zod/mini";
import "@/lib/validation/mini";

/**
 * What a person asks for when starting a grid: the studio's recipe as the base, an X axis,
 * optional Y and Z, and the no-LoRA baseline. The one schema the browser's preview and the
 * server's start both read (the server re-plans and re-prices; nothing here is trusted).
 */

export const MAX_AXIS_VALUES = 6;
export const MAX_Z_VALUES = 4;
export const MAX_GRID_CELLS = 100;

export const AXIS_KINDS = ["lora1", "lora2", "lora1-scale", "lora2-scale", "seed", "steps", "guidance", "model", "prompt", "prompt-set"] as const;
export type AxisKind = (typeof AXIS_KINDS)[number];

/** What the axis picker shows for each kind. */
export const AXIS_KIND_LABELS: Record<AxisKind, string> = {
  lora1: "LoRA 1 (a list)",
  lora2: "LoRA 2 (a list)",
  "lora1-scale": "LoRA 1 scale",
  "lora2-scale": "LoRA 2 scale",
  seed: "Seed",
  steps: "Steps",
  guidance: "Guidance",
  model: "Model",
  prompt: "Prompt (search and replace)",
  "prompt-set": "Prompt set",
};

/** A trimmed string of min..max characters (zod/mini's spelling of `.trim().min().max()`). */
const trimmed = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

export const gridLoraSchema = z.object({
  path: trimmed(1, 2048),
  /** The LoRA's title from its card, for the axis label; the path's last part when unknown. */
  title: z.optional(trimmed(0, 200)),
  /** Its trigger phrases that go into the prompt in this slot. */
  triggers: z._default(z.array(trimmed(1, 200)).check(z.maxLength(20)), []),
});
export type GridLora = z.output<typeof gridLoraSchema>;

export const promptItemSchema = z.object({
  label: trimmed(1, 60),
  prompt: trimmed(1, 4000),
});
export type PromptItem = z.infer<typeof promptItemSchema>;

const text = z.string().check(z.maxLength(2000));

export const axisSpecSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.enum(["lora1", "lora2"]), loras: z.array(gridLoraSchema).check(z.minLength(1), z.maxLength(MAX_AXIS_VALUES)) }),
  z.object({ kind: z.enum(["lora1-scale", "lora2-scale", "seed", "steps", "guidance"]), text }),
  z.object({ kind: z.literal("model"), models: z.array(trimmed(1, 200)).check(z.minLength(1), z.maxLength(MAX_AXIS_VALUES)) }),
  /** A1111's Prompt S/R: the first value is searched for in the prompt, every value replaces it. */
  z.object({ kind: z.literal("prompt"), text }),
  z.object({ kind: z.literal("prompt-set"), name: trimmed(1, 80), prompts: z.array(promptItemSchema).check(z.minLength(1), z.maxLength(MAX_AXIS_VALUES)) }),
]);
export type AxisSpec = z.input<typeof axisSpecSchema>;

const slotSchema = z.object({
  path: z.string().check(z.maxLength(2048)),
  scale: z.number(),
  triggers: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(20)),
  title: z.optional(z.string().check(z.maxLength(200))),
});

/** The studio's recipe (lib/studio/state.ts StudioState, plus slot titles for labels). */
export const gridBaseSchema = z.object({
  prompt: z.string().check(z.maxLength(4000)),
  model: z.string().check(z.minLength(1), z.maxLength(200)),
  width: z.int(),
  height: z.int(),
  steps: z.int(),
  seed: z.int(),
  guidance: z.number(),
  loras: z.tuple([slotSchema, slotSchema]),
  customTriggers: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(20)),
  placement: z.enum(["before", "after"]),
});
export type GridBase = z.infer<typeof gridBaseSchema>;

export const gridSpecSchema = z.object({
  name: z._default(z.string().check(z.maxLength(200)), ""),
  base: gridBaseSchema,
  x: axisSpecSchema,
  y: z.optional(axisSpecSchema),
  z: z.optional(axisSpecSchema),
  /** Add "No LoRA": a column of the LoRA-list axis, or one cell per grid when there is none. */
  baseline: z._default(z.boolean(), false),
});
export type GridSpec = z.input<typeof gridSpecSchema>;
export type ValidGridSpec = z.output<typeof gridSpecSchema>;
