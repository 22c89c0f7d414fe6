/**
 * Who sees a catalog LoRA. A pasted link is private to the browser that pasted it (a direct
 * link can carry a signed token): everyone sees the starter set and the LoRAs of results that
 * were shared; an owner also sees what they resolved, used or marked. Live hub results are
 * public anyway and come from the hubs, not from here.
 */
export interface LoraAudience {
  /** Paths this owner resolved, used or has preferences for (empty for a new browser). */
  ownPaths: ReadonlySet<string>;
  /** Paths of LoRAs in shared results. */
  sharedPaths: ReadonlySet<string>;
}

export function visibleLoras<T extends { path: string; starter: boolean }>(entries: readonly T[], audience: LoraAudience): T[] {
  return entries.filter((e) => e.starter || audience.sharedPaths.has(e.path) || audience.ownPaths.has(e.path));
}
