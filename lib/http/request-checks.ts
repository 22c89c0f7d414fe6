import type { AppErrorShape } from "@/lib/errors";
import { JSON_BODY_LIMIT } from "./json-body";

/**
 * Requests refused before Next routes them (proxy.ts), each with a 4xx and a sentence instead
 * of the 500 Next would answer. Pure.
 */

/**
 * Server actions' body cap; next.config.js sets the same for Next's own check (a test keeps
 * them equal). Above a 1 MB prompt, so an over-long prompt reaches the action and gets its typed
 * "too long" answer; bigger bodies are refused here with a 413 before they are read.
 */
export const SERVER_ACTION_BODY_LIMIT = 2 * 1024 * 1024;

export interface Refusal {
  status: 400 | 411 | 413;
  error: AppErrorShape;
}

/**
 * A path with a broken %-escape (`/gallery/%ff`) cannot be decoded into route parameters: Next
 * answered those with a 500. Null when every segment decodes.
 */
export function malformedPath(pathname: string): Refusal | null {
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return { status: 400, error: { code: "bad_request", message: "This address has a broken %-escape in it; check the link and try again." } };
    }
  }
  return null;
}

const tooLarge = (limit: number, what: string): Refusal => ({
  status: 413,
  error: { code: "too_large", message: `${what} is too long to send (at most ${Math.floor(limit / 1024)} KB). Shorten it and try again.` },
});

/**
 * Body-size rules by Content-Length: server actions (a `next-action` POST) must declare their
 * length (browsers always do) and stay under SERVER_ACTION_BODY_LIMIT; the JSON generation routes
 * under JSON_BODY_LIMIT (their handlers also count what actually arrives).
 */
export function oversizeBody(request: { method: string; pathname: string; headers: Headers }): Refusal | null {
  if (request.method !== "POST") return null;
  const raw = request.headers.get("content-length");
  const length = raw !== null && /^\d+$/.test(raw.trim()) ? Number(raw) : null;
  if (request.headers.has("next-action")) {
    if (length === null) return { status: 411, error: { code: "bad_request", message: "Send the request with a Content-Length." } };
    if (length > SERVER_ACTION_BODY_LIMIT) return tooLarge(SERVER_ACTION_BODY_LIMIT, "What you entered");
  }
  if ((request.pathname === "/api/generations" || request.pathname.startsWith("/api/generations/")) && length !== null && length > JSON_BODY_LIMIT) {
    return tooLarge(JSON_BODY_LIMIT, "The request");
  }
  return null;
}
