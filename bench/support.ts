// Resolves `server-only` to an empty module for the app's modules loaded after this one
// (tests/support/allow-server-only.ts), so it must come before them.
import "../tests/support/allow-server-only";

/** Median and 95th percentile (nearest rank) of timings in ms. */
export function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}
