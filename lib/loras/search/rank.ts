import { loraPathParts } from "@/lib/loras/link";
import type { LoraSearchEntry } from "./types";

/**
 * Pure ranking of LoRA catalog entries for the search box. Tokenised, case- and
 * diacritic-insensitive; every query token must match a title word, trigger word, repo-name
 * word or tag, exactly, as a prefix ("tar" → Tarot) or within a typo budget
 * (Damerau-Levenshtein ≤ 1 for 4–7 characters, ≤ 2 for 8+). Match quality (exact > prefix >
 * fuzzy; title > trigger > repo > tag) is then boosted by favorite, usage (log scale) and recency.
 */

export type RankableLora = Pick<LoraSearchEntry, "path" | "title" | "triggers" | "tags" | "source" | "base" | "usageCount" | "lastUsedAt" | "starter">;

export interface RankOptions {
  favorites?: ReadonlySet<string>;
  now?: Date;
  /** Default 50. */
  limit?: number;
}

export interface Ranked<T> {
  entry: T;
  score: number;
  /** Match part of the score (before boosts); 0 for an empty query. */
  match: number;
}

type Field = "title" | "trigger" | "repo" | "tag";
const FIELD_WEIGHT: Record<Field, number> = { title: 4, trigger: 3, repo: 2, tag: 1.5 };
const QUALITY = { exact: 1, prefix: 0.75, fuzzy: 0.5, fuzzyPrefix: 0.35 };
const DAY_MS = 86_400_000;

export function normalize(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

export function tokenize(text: string): string[] {
  return normalize(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** owner/name words from a LoRA path (Hugging Face repo, Replicate model; Civitai has none). */
export function repoWords(path: string): string[] {
  const p = loraPathParts(path);
  const stem = (file: string) => file.replace(/\.safetensors$/i, "");
  if (!p || p.kind === "civitai") return [];
  // A file inside a repo: its name counts as a repo word too.
  if (p.kind === "repo") return p.file ? [p.owner, p.name, stem(p.file)] : [p.owner, p.name];
  return p.file ? [stem(p.file)] : [];
}

interface Prepared {
  fields: [Field, string[]][];
}

// Entries are usually the same objects between searches (the catalog is cached): prepare once.
const prepared = new WeakMap<object, Prepared>();

function prepare(e: RankableLora): Prepared {
  let p = prepared.get(e);
  if (!p) {
    const uniq = (xs: string[]) => [...new Set(xs)];
    p = {
      fields: [
        ["title", uniq(tokenize(e.title))],
        ["trigger", uniq(e.triggers.flatMap(tokenize))],
        ["repo", uniq(repoWords(e.path).flatMap(tokenize))],
        ["tag", uniq(e.tags.flatMap(tokenize))],
      ],
    };
    prepared.set(e, p);
  }
  return p;
}

function typoBudget(len: number): number {
  if (len >= 8) return 2;
  if (len >= 4) return 1;
  return 0;
}

/** Damerau-Levenshtein (optimal string alignment), giving up above `max` (returns max + 1). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}

/** How well one query token matches one word (0 = not at all). */
function tokenQuality(q: string, word: string): number {
  if (word === q) return QUALITY.exact;
  if (word.length > q.length && word.startsWith(q)) return QUALITY.prefix;
  const budget = typoBudget(q.length);
  if (budget === 0) return 0;
  if (editDistance(q, word, budget) <= budget) return QUALITY.fuzzy;
  // A typo while still typing ("tarro" → tarot…): compare with the word's start.
  if (q.length >= 5 && word.length > q.length && editDistance(q, word.slice(0, q.length), 1) <= 1) return QUALITY.fuzzyPrefix;
  return 0;
}

/** Per query token, the quality of every word seen so far: catalogs repeat words, edit distances are the cost. */
type QualityMemo = Map<string, number>;

function memoQuality(q: string, w: string, memo: QualityMemo): number {
  let v = memo.get(w);
  if (v === undefined) {
    v = tokenQuality(q, w);
    memo.set(w, v);
  }
  return v;
}

function matchScore(queryTokens: string[], memos: QualityMemo[], p: Prepared): number {
  let total = 0;
  for (let i = 0; i < queryTokens.length; i++) {
    const q = queryTokens[i];
    const memo = memos[i];
    let best = 0;
    for (const [field, words] of p.fields) {
      const weight = FIELD_WEIGHT[field];
      if (weight * QUALITY.exact <= best) continue;
      for (const w of words) {
        const s = memoQuality(q, w, memo) * weight;
        if (s > best) best = s;
        if (best === weight * QUALITY.exact) break;
      }
    }
    if (best === 0) return 0; // every token must match
    total += best;
  }
  return total / queryTokens.length;
}

function boost(e: RankableLora, favorite: boolean, now: number): number {
  const usage = 0.12 * Math.log1p(Math.max(0, e.usageCount));
  const recency = e.lastUsedAt ? 0.1 * Math.exp(-Math.max(0, now - e.lastUsedAt.getTime()) / (30 * DAY_MS)) : 0;
  return 1 + (favorite ? 0.5 : 0) + usage + recency + (e.starter ? 0.02 : 0);
}

function byEmptyQuery<T extends RankableLora>(favorites: ReadonlySet<string>) {
  return (a: Ranked<T>, b: Ranked<T>) =>
    Number(favorites.has(b.entry.path)) - Number(favorites.has(a.entry.path)) ||
    b.entry.usageCount - a.entry.usageCount ||
    Number(b.entry.starter) - Number(a.entry.starter) ||
    (b.entry.lastUsedAt?.getTime() ?? 0) - (a.entry.lastUsedAt?.getTime() ?? 0) ||
    a.entry.title.localeCompare(b.entry.title);
}

export function rankLoras<T extends RankableLora>(query: string, entries: readonly T[], options: RankOptions = {}): Ranked<T>[] {
  const favorites = options.favorites ?? new Set<string>();
  const now = (options.now ?? new Date()).getTime();
  const limit = options.limit ?? 50;
  const queryTokens = [...new Set(tokenize(query))];

  if (queryTokens.length === 0) {
    const all = entries.map((entry) => ({ entry, score: boost(entry, favorites.has(entry.path), now), match: 0 }));
    return all.sort(byEmptyQuery(favorites)).slice(0, limit);
  }

  const out: Ranked<T>[] = [];
  const memos = queryTokens.map(() => new Map<string, number>());
  for (const entry of entries) {
    const match = matchScore(queryTokens, memos, prepare(entry));
    if (match === 0) continue;
    out.push({ entry, match, score: match * boost(entry, favorites.has(entry.path), now) });
  }
  return out.sort((a, b) => b.score - a.score || a.entry.title.localeCompare(b.entry.title)).slice(0, limit);
}
