import "server-only";
import { modesFor, type OwnKeys } from "@/lib/providers";
import { currentDiscovery, discoveryForPage } from "@/lib/together/discovery";
import type { Catalog, ImageModel } from "./catalog";
import type { DiscoverySnapshot } from "./discovery";
import { refusalsFor } from "./refusals";
import { getCatalog, pricedModel } from "./registry";
import { studioCatalog, studioModels, type StudioModel } from "./status";

/** The models one person sees, with states and effective prices, and the catalog the studio validates with. */
export async function modelsForPerson(own: OwnKeys, options: { waitMs?: number } = {}): Promise<{ models: StudioModel[]; catalog: Catalog; together: DiscoverySnapshot }> {
  const modes = modesFor(own);
  const [together, refusals] = await Promise.all([
    modes.together === "needs-key" ? Promise.resolve(currentDiscovery(null)) : discoveryForPage(own.together, options.waitMs),
    refusalsFor(own),
  ]);
  const catalog = getCatalog();
  const models = studioModels(catalog, { modes, together, refusals });
  return { models, catalog: studioCatalog(models, catalog.defaultModel), together };
}

/** The model priced as the server charges it for this person (never waits for discovery). */
export function chargedModel(id: string, ownTogetherKey: string | null): ImageModel {
  return pricedModel(id, currentDiscovery(ownTogetherKey));
}
