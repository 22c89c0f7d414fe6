import "server-only";
import { createLimiter } from "@/lib/async/limiter";
import { getImageStore } from "@/lib/storage";

/**
 * Rendered contact sheets, stored once per sweep state and size (contactSheetKey) in the image
 * store next to the images, so they survive restarts and are shared by every instance. A public
 * sheet used to be drawn on every request: 40 concurrent requests for a 5 × 5 sheet took the
 * server to 1.35 GB and a 21.7 s median.
 */

/** Renders at once in this process: each holds its decoded tiles and canvas (≈ 100 MB for 5 × 5 + baseline at 512 px). */
export const MAX_CONCURRENT_RENDERS = 2;
/** Renders queued behind those; beyond, the request is told to come back (503 + Retry-After). */
export const MAX_WAITING_RENDERS = 16;
/** Recently served sheets kept in memory, so a burst for one sheet reads the store once. */
const MEMORY_BYTES = 64 * 1024 * 1024;

const renders = createLimiter(MAX_CONCURRENT_RENDERS, MAX_WAITING_RENDERS);
const inFlight = new Map<string, Promise<Buffer>>();
const memory = new Map<string, Buffer>();
let memoryBytes = 0;

function remember(key: string, png: Buffer) {
  if (png.length > MEMORY_BYTES / 4 || memory.has(key)) return;
  memory.set(key, png);
  memoryBytes += png.length;
  for (const [oldest, bytes] of memory) {
    if (memoryBytes <= MEMORY_BYTES) break;
    memory.delete(oldest);
    memoryBytes -= bytes.length;
  }
}

function recall(key: string): Buffer | undefined {
  const png = memory.get(key);
  if (png) {
    // Most recently used last: Map keeps insertion order, so eviction takes the least recent.
    memory.delete(key);
    memory.set(key, png);
  }
  return png;
}

/**
 * The sheet stored under `key`, else `render()`'s, stored for next time. Requests for the same
 * sheet share one read or render; at most MAX_CONCURRENT_RENDERS renders run at once. Throws
 * BusyError (lib/async/limiter) when too many wait, and whatever reading the store or `render` throws.
 */
export async function storedContactSheet(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
  const hit = recall(key);
  if (hit) return hit;
  const pending = inFlight.get(key);
  if (pending) return pending;
  const work = (async () => {
    const store = getImageStore();
    const stored = await store.get(key);
    if (stored) {
      remember(key, stored);
      return stored;
    }
    const png = await renders.run(render);
    // A sheet that cannot be stored is still served; the next request draws it again.
    await store.put(key, png, "image/png").catch((err) => console.error("Storing a contact sheet failed:", err));
    remember(key, png);
    return png;
  })();
  inFlight.set(key, work);
  try {
    return await work;
  } finally {
    inFlight.delete(key);
  }
}
