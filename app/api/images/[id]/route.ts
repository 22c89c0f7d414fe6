import { getImageWithOwner } from "@/lib/db/queries";
import { getOwnerId } from "@/lib/owner/session";
import { getImageStore } from "@/lib/storage";

const EXT: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/** Image bytes for their owner only. Bytes behind an id never change, so they cache for a year. */
export async function GET(request: Request, ctx: RouteContext<"/api/images/[id]">) {
  const { id } = await ctx.params;
  const [image, ownerId] = await Promise.all([getImageWithOwner(id), getOwnerId()]);
  // Same 404 for "missing" and "not yours": an id guess learns nothing.
  if (!image || !ownerId || image.generation.ownerId !== ownerId) {
    return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  }
  const etag = `"${image.contentHash}"`;
  const headers: Record<string, string> = {
    "cache-control": "private, max-age=31536000, immutable",
    etag,
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });

  const bytes = await getImageStore().get(image.storageKey);
  if (!bytes) return new Response("Image bytes missing", { status: 410 });
  const fileName = `lorascope-${image.generation.seed}-${image.index + 1}.${EXT[image.mimeType] ?? "bin"}`;
  const download = new URL(request.url).searchParams.has("download");
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...headers,
      "content-type": image.mimeType,
      "content-length": String(bytes.length),
      "content-disposition": `${download ? "attachment" : "inline"}; filename="${fileName}"`,
      "x-content-type-options": "nosniff",
    },
  });
}
