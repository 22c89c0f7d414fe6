import "server-only";
import { getGenerationForOwner } from "@/lib/db/queries";
import { toGenerationView, type GenerationView } from "@/lib/generation/view";
import type { ImageModel } from "@/lib/models/catalog";
import { priceRequest, type PriceBreakdown } from "@/lib/models/pricing";
import { findModel } from "@/lib/models/registry";
import { providerBody, type ProviderBody } from "@/lib/providers/request-body";
import { studioHref } from "@/lib/studio/from-generation";
import { clip } from "@/lib/text/clip";

/** Everything the gallery's detail page shows about one of the owner's results. */
export interface GenerationDetail {
  generation: GenerationView;
  /** The catalog entry it was made with; null once the model left the catalog. */
  model: ImageModel | null;
  /** Today's price for the same request (null without a catalog entry). */
  price: PriceBreakdown | null;
  /** The exact body the provider got, rebuilt from the stored recipe. */
  request: ProviderBody | null;
  requestJson: string;
  /** The studio with this recipe: a new seed (remix) or the same one (re-run). */
  remixHref: string;
  rerunHref: string;
}

/** Ids are uuids; anything longer is not worth a query. */
const MAX_ID_LENGTH = 64;

/** The owner's generation as the detail page shows it; null when missing, deleted or someone else's (one answer for all three). */
export async function loadGenerationDetail(ownerId: string | null, id: string): Promise<GenerationDetail | null> {
  if (!ownerId || id.length > MAX_ID_LENGTH) return null;
  const row = await getGenerationForOwner(id, ownerId);
  if (!row) return null;
  const generation = toGenerationView(row);
  const model = findModel(generation.model) ?? null;
  const request = providerBody(generation.provider, generation);
  return {
    generation,
    model,
    price: model ? priceRequest(model, generation) : null,
    request,
    requestJson: JSON.stringify(request?.body ?? null, null, 2),
    remixHref: studioHref(generation, { keepSeed: false }),
    rerunHref: studioHref(generation),
  };
}

/** The page title: the typed prompt, shortened. */
export function detailTitle(userPrompt: string): string {
  return clip(userPrompt, 60);
}
