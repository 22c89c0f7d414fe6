import { providerLabel } from "@/lib/providers/names";
import type { ProviderMode } from "@/lib/providers/modes";
import type { ProviderId } from "@/lib/providers/types";

/**
 * Which key pays for a grid, in words, before it starts: each provider its cells use runs on the
 * person's own key when they set one, else on this server's key (or its simulator). Pure.
 */
export function gridKeyNote(providers: readonly ProviderId[], own: Record<ProviderId, { set: boolean; hint: string | null }>, modes: Partial<Record<ProviderId, ProviderMode>>): string {
  const used = [...new Set(providers)];
  if (used.length === 0) return "";
  const simulated = used.filter((p) => !own[p].set && modes[p] === "simulated");
  const paid = used.filter((p) => !simulated.includes(p)).map((p) => (own[p].set ? `your ${providerLabel(p)} key${own[p].hint ? ` ${own[p].hint}` : ""}` : `this server's ${providerLabel(p)} key`));
  const parts = [
    paid.length ? `Paid with ${paid.join(" and ")}` : null,
    simulated.length ? `${paid.length ? simulated.map(providerLabel).join(" and ") + " images are" : "Images are"} simulated, nothing is paid` : null,
  ].filter(Boolean);
  return `${parts.join("; ")}. It keeps running after you close this tab.`;
}
