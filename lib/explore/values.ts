import { MAX_SCALE, MIN_SCALE } from "@/lib/generation/schema";

/** Most values one sweep axis takes (a grid is at most 5 × 5). */
export const MAX_SWEEP_VALUES = 5;

export type ParsedScaleValues = { ok: true; values: number[] } | { ok: false; message: string };

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)`;
/**
 * "0.3-1.2 step 0.3", "0.3 to 1.2 by 0.3", "0.3..1.2/0.3" (and mixes of those words).
 * The step is optional here only so a range without one gets a helpful message.
 */
const RANGE = new RegExp(String.raw`^(${NUMBER})\s*(?:-|–|to|\.\.)\s*(${NUMBER})(?:\s*(?:step|by|/)\s*(${NUMBER}))?$`, "i");
const LIST_NUMBER = new RegExp(`^${NUMBER}$`);

/** Rounds to 2 decimals without the 1.005 → 1 surprise, and never returns -0. */
export function roundScale(n: number): number {
  const rounded = Math.round(Number(`${n}e2`)) / 100;
  return Number.isFinite(rounded) ? rounded + 0 : Math.round(n * 100) / 100 + 0;
}

/** "0.3" → "0.3", 1 → "1": how a value is written back in messages and inputs. */
export function formatScale(n: number): string {
  return String(roundScale(n));
}

const inRange = (n: number) => n >= MIN_SCALE && n <= MAX_SCALE;
const outOfRange = (text: string) => `Scale ${text} is outside ${MIN_SCALE}–${MAX_SCALE}`;
const tooMany = (count: number, max: number) =>
  `That makes ${count} values; a sweep takes at most ${max} per axis. Use fewer values or a larger step.`;

/**
 * Parses what a person types for a sweep axis: a list ("0.3, 0.6, 0.9" or "0.3 0.6 0.9")
 * kept in the order entered, or a range with a step ("0.3-1.2 step 0.3", "0.3 to 1.2 by 0.3",
 * "0.3..1.2/0.3") that runs ascending and includes the end when the step lands on it.
 * Values are rounded to 2 decimals, must lie within MIN_SCALE–MAX_SCALE, and duplicates
 * (after rounding) are dropped; at most `maxValues` (5) remain.
 */
export function parseScaleValues(text: string, options: { maxValues?: number } = {}): ParsedScaleValues {
  const max = options.maxValues ?? MAX_SWEEP_VALUES;
  const input = text.trim();
  const empty: ParsedScaleValues = { ok: false, message: "Enter at least one scale, e.g. 0.3, 0.6, 0.9" };
  if (!input) return empty;

  const range = RANGE.exec(input);
  if (range) return parseRange(range[1], range[2], range[3], max);

  const tokens = input.split(/[\s,;]+/).filter(Boolean);
  if (tokens.length === 0) return empty;
  const values: number[] = [];
  for (const token of tokens) {
    if (RANGE.test(token)) {
      return { ok: false, message: `Write a range on its own with a step, e.g. "0.3-1.2 step 0.3" (found "${token}" in a list)` };
    }
    if (!LIST_NUMBER.test(token)) return { ok: false, message: `"${token}" is not a number` };
    const value = roundScale(Number(token));
    if (!inRange(value)) return { ok: false, message: outOfRange(token) };
    if (!values.includes(value)) values.push(value);
  }
  if (values.length > max) return { ok: false, message: tooMany(values.length, max) };
  return { ok: true, values };
}

function parseRange(fromText: string, toText: string, stepText: string | undefined, max: number): ParsedScaleValues {
  if (stepText === undefined) {
    return { ok: false, message: `Add a step to the range, e.g. "${fromText}-${toText} step 0.3"` };
  }
  // Work in whole hundredths: 0.3..1.2 step 0.3 is 30..120 step 30, so no 0.8999999 drift.
  let from = Math.round(roundScale(Number(fromText)) * 100);
  let to = Math.round(roundScale(Number(toText)) * 100);
  const step = Number(stepText) * 100;
  if (!inRange(from / 100)) return { ok: false, message: outOfRange(fromText) };
  if (!inRange(to / 100)) return { ok: false, message: outOfRange(toText) };
  if (!(step > 0)) return { ok: false, message: "The step must be greater than 0" };
  if (step < 1 - 1e-9) return { ok: false, message: "The step must be at least 0.01" };
  if (from > to) [from, to] = [to, from];
  // The small tolerance keeps the end when the step is not a whole number of hundredths (e.g. 1/3).
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > max) return { ok: false, message: tooMany(count, max) };
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const value = roundScale((from + i * step) / 100);
    if (!values.includes(value)) values.push(value);
  }
  return { ok: true, values };
}
