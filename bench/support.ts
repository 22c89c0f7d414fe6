import { register } from "node:module";

// lib/db/* starts with `import "server-only"`, which throws outside a React Server Component
// bundle; for benchmarks it resolves to an empty module, as in the tests (vitest.config.ts).
// Importing this file registers that resolver, so it must come before the app's modules.
register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
        return next(specifier, context);
      }`,
    ),
);

/** Median and 95th percentile (nearest rank) of timings in ms. */
export function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}
