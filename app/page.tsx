import { Studio } from "@/components/studio/studio";
import { env } from "@/lib/env";
import { exploreFromSearchParams } from "@/lib/explore/settings";
import { listRecentGenerations } from "@/lib/db/queries";
import { toGenerationView } from "@/lib/generation/view";
import { getLimits } from "@/lib/limits/limits";
import { toLimitsView } from "@/lib/limits/view";
import { describeOwnApiKey } from "@/lib/owner/own-key";
import { getOwnerId } from "@/lib/owner/session";
import { stateFromSearchParams } from "@/lib/studio/state";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

function toURLSearchParams(params: SearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(key, v);
  }
  return out;
}

export default async function StudioPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [params, ownerId, ownKey] = await Promise.all([searchParams, getOwnerId(), describeOwnApiKey()]);
  const [recent, limits] = await Promise.all([
    ownerId ? listRecentGenerations(ownerId, 6) : [],
    getLimits(ownerId, { ownKey: ownKey.set }),
  ]);
  const query = toURLSearchParams(params);
  return (
    <>
      <h1 className="sr-only">Studio</h1>
      <Studio
        initialState={stateFromSearchParams(query)}
        initialExplore={exploreFromSearchParams(query)}
        sweepConcurrency={env().sweepConcurrency}
        initialResults={recent.map(toGenerationView)}
        initialLimits={toLimitsView(limits)}
        initialOwnKey={ownKey}
        hasOwner={ownerId !== null}
      />
    </>
  );
}
