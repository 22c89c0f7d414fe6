import { Studio } from "@/components/studio/studio";
import { env } from "@/lib/env";
import { loadSweepForOwner } from "@/lib/explore/load-sweep";
import { loadStudioResults } from "@/lib/generation/recent";
import { modelsForPerson } from "@/lib/models/for-person";
import { describeOwnApiKey, getOwnApiKeys } from "@/lib/owner/own-key";
import { getOwnerId } from "@/lib/owner/session";
import { sweepIdOf } from "@/lib/studio/session";

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
  const [params, ownerId, ownKey, falKey, own] = await Promise.all([searchParams, getOwnerId(), describeOwnApiKey("together"), describeOwnApiKey("fal"), getOwnApiKeys()]);
  const query = toURLSearchParams(params);
  const { models, catalog } = await modelsForPerson(own);
  const [{ results, limits }, sweep] = await Promise.all([loadStudioResults(ownerId, ownKey.set), loadSweepForOwner(ownerId, sweepIdOf(query))]);
  return (
    <>
      <h1 className="sr-only">Studio</h1>
      {/* The studio reads its recipe from the address itself, also when Back shows a cached render. */}
      <Studio
        models={models}
        catalog={catalog}
        initialSweep={sweep}
        sweepConcurrency={env().sweepConcurrency}
        initialResults={results}
        initialLimits={limits}
        initialOwnKey={{ together: ownKey, fal: falKey }}
        hasOwner={ownerId !== null}
      />
    </>
  );
}
