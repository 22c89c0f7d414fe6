import type { AppErrorShape } from "@/lib/errors";

/**
 * Reading a JSON request body with a byte cap, for route handlers (server actions have Next's
 * own limit, see next.config.js). A declared Content-Length over the cap is refused before a
 * byte is read; otherwise the stream is counted as it arrives and dropped the moment it passes
 * the cap, so a huge or endless body costs at most `maxBytes` of memory.
 */

/** Room for a generation request with a 4,000-character prompt many times over. */
export const JSON_BODY_LIMIT = 64 * 1024;

export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413; error: AppErrorShape };

function tooLarge(maxBytes: number): JsonBodyResult {
  const kb = Math.floor(maxBytes / 1024);
  return { ok: false, status: 413, error: { code: "too_large", message: `The request is too large (at most ${kb} KB). Shorten the prompt or settings and try again.` } };
}

export async function readJsonBody(request: Request, maxBytes: number = JSON_BODY_LIMIT): Promise<JsonBodyResult> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return tooLarge(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString("utf8")) };
  } catch {
    return { ok: false, status: 400, error: { code: "invalid_input", message: "The request body is not valid JSON." } };
  }
}
