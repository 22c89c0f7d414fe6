/**
 * Numbers typed for a grid axis: a list ("20, 28, 36") or a range with a step ("20-40 step 10",
 * "20 to 40 by 10", "20..40/10"). One parser for every numeric axis (scales, steps, guidance,
 * seeds); each axis gives its own bounds, rounding and noun for messages.
 */

export type ParsedNumbers = { ok: true; values: number[] } | { ok: false; message: string };

export interface NumberRules {
  /** "scale", "steps", "guidance", "seed": used in messages. */
  noun: string;
  min: number;
  max: number;
  /** Whole numbers only (steps, seeds). */
  integer?: boolean;
  /** Decimal places kept (ignored for integers). Default 2. */
  decimals?: number;
  maxValues: number;
  /** An example for the empty-input message, e.g. "20, 28, 36". */
  example: string;
}

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)`;
const RANGE = new RegExp(String.raw`^(${NUMBER})\s*(?:-|–|to|\.\.)\s*(${NUMBER})(?:\s*(?:step|by|/)\s*(${NUMBER}))?$`, "i");
const LIST_NUMBER = new RegExp(`^${NUMBER}$`);

/** Rounds to `decimals` places without the 1.005 → 1 surprise, and never returns -0. */
export function roundTo(n: number, decimals: number): number {
  const rounded = Math.round(Number(`${n}e${decimals}`)) / 10 ** decimals;
  return (Number.isFinite(rounded) ? rounded : Math.round(n * 10 ** decimals) / 10 ** decimals) + 0;
}

function fix(n: number, rules: NumberRules): number {
  return rules.integer ? Math.round(n) + 0 : roundTo(n, rules.decimals ?? 2);
}

const outOfRange = (text: string, r: NumberRules) => `${cap(r.noun)} ${text} is outside ${r.min}–${r.max}`;
const tooMany = (count: number, r: NumberRules) => `That makes ${count} values; an axis takes at most ${r.maxValues}. Use fewer values or a larger step.`;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Parses a list (kept in the order typed, duplicates dropped) or an ascending range that
 * includes its end when the step lands on it. Every value must lie within the rules' bounds.
 */
export function parseNumbers(text: string, rules: NumberRules): ParsedNumbers {
  const input = text.trim();
  const empty: ParsedNumbers = { ok: false, message: `Enter at least one ${rules.noun}, e.g. ${rules.example}` };
  if (!input) return empty;
  const range = RANGE.exec(input);
  if (range) return parseRange(range[1], range[2], range[3], rules);
  const tokens = input.split(/[\s,;]+/).filter(Boolean);
  const values: number[] = [];
  for (const token of tokens) {
    if (RANGE.test(token)) return { ok: false, message: `Write a range on its own with a step, e.g. "${rules.example}" (found "${token}" in a list)` };
    if (!LIST_NUMBER.test(token)) return { ok: false, message: `"${token}" is not a number` };
    const raw = Number(token);
    if (rules.integer && !Number.isInteger(raw)) return { ok: false, message: `${cap(rules.noun)} must be whole numbers (found ${token})` };
    const value = fix(raw, rules);
    if (value < rules.min || value > rules.max) return { ok: false, message: outOfRange(token, rules) };
    if (!values.includes(value)) values.push(value);
  }
  if (values.length === 0) return empty;
  if (values.length > rules.maxValues) return { ok: false, message: tooMany(values.length, rules) };
  return { ok: true, values };
}

function parseRange(fromText: string, toText: string, stepText: string | undefined, rules: NumberRules): ParsedNumbers {
  if (stepText === undefined) return { ok: false, message: `Add a step to the range, e.g. "${fromText}-${toText} step …"` };
  const decimals = rules.integer ? 0 : (rules.decimals ?? 2);
  const unit = 10 ** decimals;
  // Work in whole units of the last decimal place, so 0.3..1.2 step 0.3 has no 0.8999 drift.
  let from = Math.round(fix(Number(fromText), rules) * unit);
  let to = Math.round(fix(Number(toText), rules) * unit);
  const step = Number(stepText) * unit;
  if (from / unit < rules.min || from / unit > rules.max) return { ok: false, message: outOfRange(fromText, rules) };
  if (to / unit < rules.min || to / unit > rules.max) return { ok: false, message: outOfRange(toText, rules) };
  if (!(step > 0)) return { ok: false, message: "The step must be greater than 0" };
  if (step < 1 - 1e-9) return { ok: false, message: `The step must be at least ${1 / unit}` };
  if (from > to) [from, to] = [to, from];
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > rules.maxValues) return { ok: false, message: tooMany(count, rules) };
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const value = fix((from + i * step) / unit, rules);
    if (!values.includes(value)) values.push(value);
  }
  return { ok: true, values };
}
