import "server-only";
import { z } from "zod";
import { lorasByPath } from "@/lib/db/grid-queries";
import { parseLoraLink } from "@/lib/loras/link";
import { ensureStarterCatalog } from "@/lib/loras/starter";

export interface KnownLora {
  /** As the person typed it in the axis. */
  path: string;
  title: string;
  triggers: string[];
}

/** The exact path a typed link stands for ("owner/repo" and its hub URL are one LoRA). */
function canonical(path: string): string {
  const link = parseLoraLink(path);
  return link.ok && link.path ? link.path : path.trim();
}

/**
 * Titles and trigger phrases for the LoRAs typed into a grid axis, from the starter set and
 * cached cards — matched by the exact path, so a repo id and its link find the same LoRA.
 */
export async function describeLoras(paths: string[]): Promise<KnownLora[]> {
  await ensureStarterCatalog();
  const wanted = paths.map((path) => ({ path, exact: canonical(path) }));
  const rows = await lorasByPath([...new Set(wanted.flatMap((w) => [w.path, w.exact]))]);
  return wanted.flatMap(({ path, exact }) => {
    const row = rows.find((r) => r.path === exact || r.key === path || r.key === exact);
    if (!row) return [];
    let triggers: string[] = [];
    try {
      triggers = z.array(z.string()).parse(JSON.parse(row.triggers)).slice(0, 20);
    } catch {
      // A row without readable phrases just adds none.
    }
    return [{ path, title: row.title, triggers }];
  });
}
