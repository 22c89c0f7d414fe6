/**
 * A collection name as the Collection row keeps it: 1–80 characters after tidying. Pure, so
 * the forms and actions (through lib/collections/limits.ts) and the queries share one rule.
 */
export const COLLECTION_NAME_MAX = 80;

/** Runs of whitespace become one space, ends trimmed. */
export function tidyCollectionName(name: string): string {
  return name.replace(/\s+/g, " ").trim();
}

/** Trimmed name, 1–80 characters; null when it does not fit. */
export function normalizeCollectionName(name: string): string | null {
  const trimmed = tidyCollectionName(name);
  return trimmed.length >= 1 && trimmed.length <= COLLECTION_NAME_MAX ? trimmed : null;
}
