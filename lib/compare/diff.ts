import { formatScale } from "@/lib/explore/values";
import { PARAMETER_ROWS, type ShownParameters } from "@/lib/generation/fields";
import { formatUsd } from "@/lib/models/pricing";
import { recordLabel } from "@/lib/providers/names";
import type { ProviderRecordName } from "@/lib/providers/types";

/** One result's recipe as the compare page lines it up: the same for owner and shared results. */
export interface CompareLora {
  position: number;
  /** A readable name (the card's title, or one read from the link). */
  name: string;
  /** The exact path sent to Together: two LoRAs with the same name can still differ here. */
  path: string;
  scale: number;
}

/** The parameters as stored (lib/db/generation-columns.ts); the model by its label. */
export interface CompareParams extends ShownParameters {
  userPrompt: string;
  /** The exact prompt sent (trigger phrases added). */
  prompt: string;
  modelLabel: string;
  provider: ProviderRecordName;
  loras: CompareLora[];
  costMicroUsd: number;
}

export interface DiffRow {
  label: string;
  a: string;
  b: string;
  different: boolean;
}

const NO_LORA = "none";
const NO_SCALE = "—";

function loraAt(params: CompareParams, position: number): CompareLora | undefined {
  return params.loras.find((l) => l.position === position);
}

/** The name, plus the path when the other side has a LoRA of the same name from another file. */
function loraText(lora: CompareLora | undefined, other: CompareLora | undefined): string {
  if (!lora) return NO_LORA;
  return other && other.name === lora.name && other.path !== lora.path ? `${lora.name} (${lora.path})` : lora.name;
}

function row(label: string, a: string, b: string): DiffRow {
  // Compared as shown, so a row never reads "0.3 | 0.3" and claims to differ.
  return { label, a, b, different: a !== b };
}

/**
 * Every parameter of two results side by side, in reading order: the LoRAs first (what a sweep
 * varies), then the leading parameters (the seed) and the prompts, then the model and the rest
 * of the parameters as lib/generation/fields.ts lists them. A position neither result used gets
 * no rows, except LoRA 1, so "no LoRA on either side" is still said once.
 */
export function diffParams(a: CompareParams, b: CompareParams): DiffRow[] {
  const rows: DiffRow[] = [];
  const last = Math.max(1, ...a.loras.map((l) => l.position), ...b.loras.map((l) => l.position));
  for (let position = 1; position <= last; position++) {
    const la = loraAt(a, position);
    const lb = loraAt(b, position);
    if (!la && !lb && position > 1) continue;
    rows.push(row(`LoRA ${position}`, loraText(la, lb), loraText(lb, la)));
    if (la || lb) rows.push(row(`LoRA ${position} scale`, la ? formatScale(la.scale) : NO_SCALE, lb ? formatScale(lb.scale) : NO_SCALE));
  }
  const provider = (p: CompareParams) => recordLabel(p.provider);
  const parameterRows = (leads: boolean) => PARAMETER_ROWS.filter((r) => Boolean(r.leads) === leads).map((r) => row(r.label, r.text(a), r.text(b)));
  rows.push(
    ...parameterRows(true),
    row("Prompt", a.userPrompt, b.userPrompt),
    row("Prompt sent", a.prompt, b.prompt),
    row("Model", a.modelLabel, b.modelLabel),
    ...parameterRows(false),
    row("Cost", formatUsd(a.costMicroUsd), formatUsd(b.costMicroUsd)),
    row("Provider", provider(a), provider(b)),
  );
  return rows;
}

/** Differing rows first (each group keeps its reading order). */
export function splitRows(rows: DiffRow[]): { different: DiffRow[]; same: DiffRow[] } {
  return { different: rows.filter((r) => r.different), same: rows.filter((r) => !r.different) };
}
