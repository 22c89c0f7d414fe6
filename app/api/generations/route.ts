import { z } from "zod";
import { sweepCellSchema } from "@/lib/explore/cell";
import { generateForOwner } from "@/lib/generation/generate-for-owner";
import { readJsonBody } from "@/lib/http/json-body";
import { isCrossSite } from "@/lib/http/same-origin";

const bodySchema = z.object({
  input: z.unknown(),
  sweep: z.object({ collectionId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/), cell: sweepCellSchema }).optional(),
});

/**
 * One generation, as JSON: the Explore sweep's cells run through here because Next runs one
 * server action at a time per page, and a sweep needs several requests in flight. Answers the
 * same `{ ok, … }` result as the studio's action (200 either way: failures are data here).
 */
export async function POST(request: Request) {
  if (isCrossSite(request)) return Response.json({ ok: false, error: { code: "permission_denied", message: "Cross-site request refused." } }, { status: 403 });
  if (!(request.headers.get("content-type") ?? "").startsWith("application/json")) {
    return Response.json({ ok: false, error: { code: "bad_request", message: "Send JSON." } }, { status: 415 });
  }
  const body = await readJsonBody(request);
  if (!body.ok) return Response.json({ ok: false, error: body.error }, { status: body.status });
  const parsed = bodySchema.safeParse(body.value);
  if (!parsed.success) return Response.json({ ok: false, error: { code: "invalid_input", message: "The request was not understood." } }, { status: 400 });
  const result = await generateForOwner(parsed.data.input, { sweep: parsed.data.sweep });
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}
