import "server-only";
import { countRateEvent, oldestRateEventSince } from "@/lib/db/lease-queries";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isOver, secondsUntilFree, type WindowLimit } from "./window";

/**
 * Resolving a pasted LoRA link makes the server fetch from Hugging Face, Civitai, Replicate or
 * any https host: limited per browser (owner cookie) and per address, counted in the database
 * so every instance shares the count. A browser without the cookie is counted by address only.
 */
export function resolveLimits(): { perBrowser: WindowLimit; perAddress: WindowLimit } {
  const perMinute = env().loraResolvesPerMinute;
  // One address can be a whole office behind NAT: it gets four browsers' worth.
  return { perBrowser: { limit: perMinute, windowMs: 60_000 }, perAddress: { limit: perMinute * 4, windowMs: 60_000 } };
}

export async function enforceResolveLimit(
  who: { ownerId: string | null; addressKey: string | null },
  limits: { perBrowser: WindowLimit; perAddress: WindowLimit } = resolveLimits(),
  now = new Date(),
): Promise<void> {
  const checks: [bucket: string, key: string | null, limit: WindowLimit][] = [
    ["lora-resolve:browser", who.ownerId, limits.perBrowser],
    ["lora-resolve:address", who.addressKey, limits.perAddress],
  ];
  // Every lookup is counted in each of its buckets before deciding, refused ones included.
  const counted = [];
  for (const [bucket, key, limit] of checks) {
    if (!key || limit.limit <= 0) continue;
    const since = new Date(now.getTime() - limit.windowMs);
    counted.push({ bucket, key, limit, since, count: await countRateEvent(bucket, key, since, now) });
  }
  for (const { bucket, key, limit, since, count } of counted) {
    if (!isOver(count, limit)) continue;
    const wait = secondsUntilFree(await oldestRateEventSince(bucket, key, since), limit.windowMs, now);
    throw new AppError({
      code: "rate_limited",
      message: `Too many LoRA links looked up in a short time (at most ${limit.limit} a minute ${bucket.endsWith("browser") ? "per browser" : "from one address"}). Try again in ${wait} second${wait === 1 ? "" : "s"}.`,
      retryAfterSeconds: wait,
      field: "lora",
    });
  }
}
