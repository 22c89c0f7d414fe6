// Contact sheet benchmark: `npm run bench:contact-sheet` (or `npx tsx bench/contact-sheet.ts`).
//
// Renders the PNG the contact-sheet routes send, from real 1024×768 JPEGs (the simulator's),
// for a 3 × 3 sweep and the largest one (5 × 5 plus a baseline), at 256 and 512 px tiles.
// The database and store reads are not included: this is the decode, scale and compose cost.
//
// Env: BENCH_RUNS (default 10).

import os from "node:os";
import { stats } from "./support";

const { renderContactSheet } = await import("../lib/explore/contact-sheet");
const { renderSimulatedImage } = await import("../lib/together/simulator/render");

const RUNS = Number(process.env.BENCH_RUNS ?? 10);

async function sweep(xs: number, ys: number, baseline: boolean) {
  const axes = { x: { name: "LoRA 1 scale", values: Array.from({ length: xs }, (_, i) => 0.2 * (i + 1)) }, y: { name: "LoRA 2 scale", values: Array.from({ length: ys }, (_, i) => 0.25 * (i + 1)) } };
  const cells = [];
  for (let y = 0; y < ys; y++) {
    for (let x = 0; x < xs; x++) {
      const image = await renderSimulatedImage({ prompt: "a lighthouse at dusk", seed: 7, width: 1024, height: 768, loras: [{ path: "a/b", scale: axes.x.values[x] }], index: 0, format: "jpeg" });
      cells.push({ x, y, image });
    }
  }
  if (baseline) cells.push({ x: null, y: null, baseline: true, image: await renderSimulatedImage({ prompt: "a lighthouse at dusk", seed: 7, width: 1024, height: 768, loras: [], index: 0, format: "jpeg" }) });
  return { axes, cells };
}

console.log(`contact sheets · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"} · Node ${process.version} · ${RUNS} runs`);
for (const [label, xs, ys, baseline] of [["3 × 3", 3, 3, false], ["5 × 5 + baseline", 5, 5, true]] as const) {
  const input = await sweep(xs, ys, baseline);
  for (const cellSize of [256, 512]) {
    await renderContactSheet({ ...input, cellSize }); // warm-up
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      bytes = (await renderContactSheet({ ...input, cellSize })).length;
      times.push(performance.now() - start);
    }
    const { median, p95 } = stats(times);
    console.log(`${label.padEnd(17)} @ ${cellSize}px: median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KiB`);
  }
}
