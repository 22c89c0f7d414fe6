/**
 * True when a browser sent this request from another site. Route handlers that act with the
 * owner cookie refuse those (server actions get the same check from Next itself). A request
 * with no Origin header (curl, old browsers on same-origin GETs) is not cross-site.
 */
export function isCrossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.get("host");
  } catch {
    return true;
  }
}
