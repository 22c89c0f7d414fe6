import { Studio } from "@/components/studio/studio";
import { listRecentGenerations } from "@/lib/db/queries";
import { toGenerationView } from "@/lib/generation/view";
import { getOwnerId } from "@/lib/owner/session";

export const dynamic = "force-dynamic";

export default async function StudioPage() {
  const ownerId = await getOwnerId();
  const recent = ownerId ? await listRecentGenerations(ownerId, 6) : [];
  return (
    <>
      <h1 className="sr-only">Studio</h1>
      <Studio initialResults={recent.map(toGenerationView)} />
    </>
  );
}
