import type { GenerationParameters, ParameterColumn } from "@/lib/db/generation-columns";
import type { ValidGenerationInput } from "./schema";

/**
 * How a generation's parameters read to a person: one row each (width and height share one),
 * in the order the gallery's detail page lists them. The compare table (lib/compare/diff.ts)
 * and the detail page are drawn from this list, so a new parameter is labelled once here.
 *
 * The list of parameters itself is PARAMETER_COLUMNS (lib/db/generation-columns.ts, checked
 * against Prisma's Generation); the checks at the bottom make the compiler refuse a schema
 * key that is neither a parameter nor handled on its own, and a parameter with no row here.
 */

/** The parameters a row can show: the model is shown by its catalog label instead (below). */
export type ShownParameters = Omit<GenerationParameters, "model">;

export interface ParameterRow {
  label: string;
  /** The columns the row shows. */
  columns: readonly ParameterColumn[];
  /** The value as shown, and as compared: two results differ on this row when the texts differ. */
  text: (p: ShownParameters) => string;
  /** Compared first, right after the LoRAs (what a sweep holds fixed). */
  leads?: boolean;
}

/** The model is shown by its catalog label (and compared so), so it has no row of its own here. */
const ROWS = [
  { label: "Size", columns: ["width", "height"], text: (p) => `${p.width}×${p.height}` },
  { label: "Steps", columns: ["steps"], text: (p) => String(p.steps) },
  { label: "Images", columns: ["n"], text: (p) => String(p.n) },
  { label: "Seed", columns: ["seed"], text: (p) => String(p.seed), leads: true },
  { label: "Guidance", columns: ["guidance"], text: (p) => (p.guidance === null ? "model default" : String(p.guidance)) },
] as const satisfies readonly ParameterRow[];

export const PARAMETER_ROWS: readonly ParameterRow[] = ROWS;

// ── compile-time agreement ──────────────────────────────────────────────────────────────

/** Schema keys that are not plain parameters: each is stored and shown in its own way. */
type HandledOnTheirOwn = "clientRequestId" | "prompt" | "loras" | "customTriggers" | "triggerPlacement";
type SchemaKey = keyof ValidGenerationInput;
type Shown = (typeof ROWS)[number]["columns"][number] | "model";

/** Compiles only when T is never; otherwise the error names the key that is out of step. */
type Never<T extends never> = T;
export type SchemaKeysAreColumns = Never<Exclude<SchemaKey, HandledOnTheirOwn | ParameterColumn>>;
export type ColumnsAreSchemaKeys = Never<Exclude<ParameterColumn, SchemaKey>>;
export type ColumnsHaveRows = Never<Exclude<ParameterColumn, Shown>>;
