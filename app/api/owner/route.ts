import { isCrossSite } from "@/lib/http/same-origin";
import { ensureOwnerId } from "@/lib/owner/session";

export const dynamic = "force-dynamic";

/**
 * Gives this browser its anonymous owner cookie (the studio asks once, on a first visit).
 * A route handler rather than a server action on purpose: a server action that sets a cookie
 * makes Next refresh the page, and a refresh that lands after the studio has rewritten its
 * address remounts the studio from that address — losing what was typed meanwhile.
 */
export async function POST(request: Request) {
  if (isCrossSite(request)) return Response.json({ ok: false }, { status: 403 });
  await ensureOwnerId();
  return Response.json({ ok: true });
}
