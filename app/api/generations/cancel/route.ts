import { z } from "zod";
import { cancelGeneration } from "@/lib/generation/in-flight";
import { isCrossSite } from "@/lib/http/same-origin";
import { getOwnerId } from "@/lib/owner/session";

const bodySchema = z.object({ clientRequestId: z.uuid() });

/** Stops this browser's running generation on whichever instance runs it; that request then answers "cancelled". */
export async function POST(request: Request) {
  // Same-origin only: the owner cookie must not let another site cancel someone's work.
  if (isCrossSite(request)) return Response.json({ cancelled: false }, { status: 403 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  const ownerId = await getOwnerId();
  if (!parsed.success || !ownerId) return Response.json({ cancelled: false }, { status: 400 });
  // Through the database: the generation may be running on another instance.
  return Response.json({ cancelled: await cancelGeneration(ownerId, parsed.data.clientRequestId) });
}
