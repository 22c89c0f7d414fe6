import { z } from "zod";
import { cancelGeneration } from "@/lib/generation/in-flight";
import { readJsonBody } from "@/lib/http/json-body";
import { isCrossSite } from "@/lib/http/same-origin";
import { getOwnerId } from "@/lib/owner/session";

const bodySchema = z.object({ clientRequestId: z.uuid() });
/** A cancel is one id: a kilobyte is plenty. */
const CANCEL_BODY_LIMIT = 1024;

/** Stops this browser's running generation on whichever instance runs it; that request then answers "cancelled". */
export async function POST(request: Request) {
  // Same-origin only: the owner cookie must not let another site cancel someone's work.
  if (isCrossSite(request)) return Response.json({ cancelled: false }, { status: 403 });
  const body = await readJsonBody(request, CANCEL_BODY_LIMIT);
  if (!body.ok) return Response.json({ cancelled: false, error: body.error }, { status: body.status });
  const parsed = bodySchema.safeParse(body.value);
  const ownerId = await getOwnerId();
  if (!parsed.success || !ownerId) return Response.json({ cancelled: false }, { status: 400 });
  // Through the database: the generation may be running on another instance.
  return Response.json({ cancelled: await cancelGeneration(ownerId, parsed.data.clientRequestId) });
}
