import "server-only";
import { listRecentGenerations } from "@/lib/db/queries";
import { getLimits } from "@/lib/limits/limits";
import { toLimitsView, type LimitsView } from "@/lib/limits/view";
import { toGenerationView, type GenerationView } from "./view";

/** How many recent results the studio's column starts with. */
export const STUDIO_RECENT = 6;

/** What the studio's results column and limits note start from, for one owner (or a new browser). */
export async function loadStudioResults(ownerId: string | null, ownKey: boolean): Promise<{ results: GenerationView[]; limits: LimitsView }> {
  const [recent, limits] = await Promise.all([ownerId ? listRecentGenerations(ownerId, STUDIO_RECENT) : [], getLimits(ownerId, { ownKey })]);
  return { results: recent.map(toGenerationView), limits: toLimitsView(limits) };
}
