/** A JSON array of strings stored in a text column (SQLite and PostgreSQL alike); [] when absent or malformed. */
export function jsonList(text: string | null | undefined): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}
