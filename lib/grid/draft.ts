import type { PromptSetView } from "./prompt-sets";
import type { AxisKind, AxisSpec, GridLora } from "./spec";

/** One axis as the builder holds it (components/grid/axis-field.tsx). */
export interface AxisDraftData {
  kind: AxisKind | "none";
  text: Partial<Record<AxisKind, string>>;
  models: string[];
  promptSetId: string;
}

export interface LoraLine {
  path: string;
  /** Phrases typed after "|"; null when none were typed (then the LoRA's own are used). */
  triggers: string[] | null;
}

/** "link | phrase one, phrase two" per line → links with the phrases chosen for them. */
export function parseLoraLines(text: string): LoraLine[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const bar = line.indexOf("|");
      if (bar < 0) return { path: line, triggers: null };
      const triggers = line
        .slice(bar + 1)
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean);
      return { path: line.slice(0, bar).trim(), triggers };
    })
    .filter((l) => l.path !== "");
}

/**
 * The builder's axis → the spec the server plans from. LoRA titles and phrases come from the
 * LoRAs the server knows (`known`); a prompt-set axis carries the set's prompts (shared with the grid).
 */
export function draftToSpec(draft: AxisDraftData, context: { known: Map<string, { title: string; triggers: string[] }>; promptSets: PromptSetView[] }): AxisSpec | null {
  const { kind } = draft;
  switch (kind) {
    case "none":
      return null;
    case "model":
      return { kind, models: draft.models };
    case "prompt-set": {
      const set = context.promptSets.find((s) => s.id === draft.promptSetId) ?? context.promptSets[0];
      return set ? { kind, name: set.name, prompts: set.prompts } : null;
    }
    case "lora1":
    case "lora2": {
      const loras: GridLora[] = parseLoraLines(draft.text[kind] ?? "").map((l) => {
        const info = context.known.get(l.path);
        return { path: l.path, title: info?.title, triggers: l.triggers ?? info?.triggers ?? [] };
      });
      return { kind, loras };
    }
    default:
      return { kind, text: draft.text[kind] ?? "" };
  }
}

/** Which axis a spec problem is in, in words (an empty LoRA list, model list or prompt set, mostly). */
export function specProblem(path: readonly PropertyKey[]): string {
  const axis = path[0] === "x" || path[0] === "y" || path[0] === "z" ? `${String(path[0]).toUpperCase()} axis` : "The grid";
  if (path[1] === "loras") return `${axis}: add at least one LoRA link`;
  if (path[1] === "models") return `${axis}: tick at least one model`;
  if (path[1] === "prompts") return `${axis}: the prompt set is empty`;
  return `${axis}: check its values`;
}
