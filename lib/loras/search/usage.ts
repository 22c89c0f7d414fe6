import "server-only";
import { createUsedLora, incrementLoraUsage } from "@/lib/db/lora-catalog-queries";
import { parseOnlyCatalogRow } from "@/lib/loras/starter";
import { invalidateCatalogCache } from "./catalog";

/**
 * Counts one successful generation for each LoRA path (search ranks by it). A path never
 * resolved gets a minimal parse-only row. Callers treat failures as non-fatal.
 */
export async function recordLoraUsage(paths: string[], at = new Date()): Promise<void> {
  const unique = [...new Set(paths)];
  if (unique.length === 0) return;
  for (const path of unique) {
    if (await incrementLoraUsage(path, at)) continue;
    const row = parseOnlyCatalogRow(path, {}, at);
    if (!row) continue;
    // The row's path is canonical; generation paths already are (parseLoraLink made them).
    row.path = path;
    if (!(await createUsedLora(row, at))) await incrementLoraUsage(path, at);
  }
  invalidateCatalogCache();
}
