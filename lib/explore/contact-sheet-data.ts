import "server-only";
import { getContactSheetSourceForOwner, getSharedContactSheetSource, type ContactSheetSource } from "@/lib/db/contact-sheet-queries";
import { getLoraInfoForPaths } from "@/lib/db/share-queries";
import { parseAxes, parseCell, toSharedResult } from "@/lib/sharing/view";
import { getImageStore } from "@/lib/storage";
import { contactSheetFileName, contentDisposition, type ImageFileName } from "@/lib/storage/file-name";
import { BusyError } from "@/lib/async/limiter";
import { contactSheetLayout, renderContactSheet } from "./contact-sheet";
import { contactSheetKey } from "./contact-sheet-key";
import { SHEET_SIZE_DEFAULT, SHEET_SIZE_MAX, SHEET_SIZE_MIN } from "./contact-sheet-request";
import type { SheetTile } from "./contact-sheet-request";
import { gridSheet, sweepSheet, toSheetItem, type SheetSpec } from "./contact-sheet-spec";
import { layoutGrid } from "@/lib/grid/layout";
import { storedContactSheet } from "./contact-sheet-store";

/**
 * A sweep's or a grid's contact sheet, for the owner's and the public download routes: load the
 * collection (the query decides who may), place its items as the page's grid does, name the axes
 * and caption the sheet from the items' recipes (as the shared page shows them), and serve the
 * sheet stored for exactly that state and size — drawing it (each tile's first full image, read
 * from the store and scaled by the renderer) only the first time (contact-sheet-store).
 */

export type ContactSheetOutcome =
  | { ok: true; png: Buffer; name: ImageFileName }
  | { ok: false; reason: "not_found" | "not_a_sweep" | "too_large" | "storage_unavailable" | "busy"; message: string };

/** About 6000 × 6000: far above any real sweep (5 × 5 + baseline at 512 px is ≈ 9 MP), low enough to bound memory. */
export const MAX_SHEET_PIXELS = 36_000_000;
/** Images read from the store at once. */
const READ_CONCURRENCY = 4;
/** Seconds a "busy" answer asks the client to wait. */
const BUSY_RETRY_SECONDS = 5;

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

interface SheetEntry {
  storageKey: string | null;
  result: ReturnType<typeof toSharedResult>;
}

/** The tiles and spec of a sweep or grid collection; null for a plain one (or axes that do not read). */
function sheetOf(source: ContactSheetSource, items: (SheetEntry & { cell: string | null })[]): { tiles: SheetTile<SheetEntry>[]; hasBaseline: boolean; spec: SheetSpec } | null {
  if (source.kind === "grid") {
    const layout = layoutGrid(source.axes, items.map((item) => ({ item, cell: item.cell })));
    return layout && gridSheet(layout, (i) => toSheetItem(i.result, null));
  }
  const axes = source.kind === "sweep" ? parseAxes(source.axes) : null;
  if (!axes) return null;
  return sweepSheet(
    axes,
    items.map((i) => ({ ...i, cell: parseCell(i.cell) })),
    (i) => toSheetItem(i.result, i.cell),
  );
}

async function buildSheet(source: ContactSheetSource | null, cellSize: number): Promise<ContactSheetOutcome> {
  if (!source) return { ok: false, reason: "not_found", message: "Not found" };

  // The LoRAs' names as the shared pages show them (card title, else read from the link).
  const info = await getLoraInfoForPaths(source.items.flatMap((i) => i.generation.loras.map((l) => l.path)));
  const items = source.items.map((i) => ({
    cell: i.cell,
    storageKey: i.generation.images[0]?.storageKey ?? null,
    result: toSharedResult(i.generation, () => "", info),
  }));
  const sheet = sheetOf(source, items);
  if (!sheet) return { ok: false, reason: "not_a_sweep", message: "Not a sweep or a grid (or its axes could not be read): only those have a contact sheet." };
  const { tiles, hasBaseline, spec } = sheet;
  const layout = contactSheetLayout(spec.axes, hasBaseline, cellSize, spec);
  if (layout.width * layout.height > MAX_SHEET_PIXELS) {
    return { ok: false, reason: "too_large", message: `The sheet would be ${layout.width}×${layout.height} pixels; ask for a smaller ?size=.` };
  }

  const draw = async () => {
    // Missing bytes (null) draw the empty tile; a store that cannot be reached fails the whole sheet.
    const images = await mapLimit(tiles, READ_CONCURRENCY, (t) => (t.item.storageKey ? getImageStore().get(t.item.storageKey) : Promise.resolve(null)));
    return renderContactSheet({ ...spec, cells: tiles.map((t, i) => ({ ...t.cell, image: images[i] })), cellSize });
  };
  const key = contactSheetKey({ ...spec, tiles: tiles.map((t) => ({ cell: t.cell, storageKey: t.item.storageKey })), cellSize });
  try {
    return { ok: true, png: await storedContactSheet(key, draw), name: contactSheetFileName(source.name) };
  } catch (err) {
    if (err instanceof BusyError) {
      return { ok: false, reason: "busy", message: `Many contact sheets are being drawn right now; try again in ${BUSY_RETRY_SECONDS} seconds.` };
    }
    // The store (images or the stored sheet) could not be read or written.
    console.error("Making a contact sheet failed:", err);
    return { ok: false, reason: "storage_unavailable", message: "Image storage unavailable; try again." };
  }
}

/** The owner's own sweep collection; anyone else's (or none) is "not_found". */
export async function ownerContactSheet(collectionId: string, ownerId: string, cellSize: number): Promise<ContactSheetOutcome> {
  return buildSheet(await getContactSheetSourceForOwner(collectionId, ownerId), cellSize);
}

/** The sweep collection shared under this slug; a revoked or unknown slug is "not_found". */
export async function sharedContactSheet(slug: string, cellSize: number): Promise<ContactSheetOutcome> {
  return buildSheet(await getSharedContactSheetSource(slug), cellSize);
}

const STATUS = { not_found: 404, not_a_sweep: 404, too_large: 400, storage_unavailable: 503, busy: 503 } as const;

/** The PNG in 64 KiB views of the one stored buffer: no copy per response, however many are in flight. */
function bytesStream(png: Buffer): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= png.length) return controller.close();
      const end = Math.min(offset + 64 * 1024, png.length);
      controller.enqueue(png.subarray(offset, end));
      offset = end;
    },
  });
}

/** The PNG as a download, or a plain-text refusal nothing caches. `headers` go on both (e.g. noindex). */
export function contactSheetResponse(outcome: ContactSheetOutcome, options: { cacheControl: string; headers?: Record<string, string> }): Response {
  if (!outcome.ok) {
    const retry: Record<string, string> = outcome.reason === "busy" ? { "retry-after": String(BUSY_RETRY_SECONDS) } : {};
    return new Response(outcome.message, { status: STATUS[outcome.reason], headers: { "cache-control": "no-store", ...retry, ...options.headers } });
  }
  return new Response(bytesStream(outcome.png), {
    headers: {
      "cache-control": options.cacheControl,
      "content-type": "image/png",
      "content-length": String(outcome.png.length),
      "content-disposition": contentDisposition("attachment", outcome.name),
      "x-content-type-options": "nosniff",
      ...options.headers,
    },
  });
}

/** Plain-text 400 for a bad `?size=`, uncached. */
export function badSheetSize(message: string, headers?: Record<string, string>): Response {
  const hint = `${SHEET_SIZE_MIN} to ${SHEET_SIZE_MAX} pixels per tile; leave it out for ${SHEET_SIZE_DEFAULT}`;
  return new Response(`${message} (${hint}).`, { status: 400, headers: { "cache-control": "no-store", ...headers } });
}
