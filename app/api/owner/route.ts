import { isCrossSite } from "@/lib/http/same-origin";
import { ensureOwnerId } from "@/lib/owner/session";

export const dynamic = "force-dynamic";

/**
 * Gives this browser its anonymous owner cookie (the studio asks once, on a first visit).
 * A route handler rather than a server action on purpose: a server action that sets a cookie
 * makes Next refresh the page, a whole server render of the studio for nothing, and the refresh
 * writes the address the page was rendered for over the studio's (which the studio then has to
 * put back: components/studio/use-studio-session.ts).
 */
export async function POST(request: Request) {
  if (isCrossSite(request)) return Response.json({ ok: false }, { status: 403 });
  await ensureOwnerId();
  return Response.json({ ok: true });
}
