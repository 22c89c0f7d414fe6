// Serving a public contact sheet under load: `npm run bench:contact-sheet-serve`.
//
// A shared 5 × 5 + baseline sweep of 1024×768 simulator images (SQLite, local files), then
// 40 concurrent requests for its sheet at 512 px, in two fresh processes:
//   before — what the route did until now: load the sweep, read its images and draw the PNG on
//            every request (the same library calls, with no store and no bound);
//   after  — the route as it is: drawn once per sweep state and size, stored, then served
//            (a cold wave with nothing stored, then a warm wave).
// Prints per wave: median (p50) and p95 latency, and the process's peak RSS.
//
// Env: BENCH_REQUESTS (default 40), BENCH_SIZE (default 512).

import "./support";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stats } from "./support";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const SIZE = Number(process.env.BENCH_SIZE ?? 512);
const MB = 1024 * 1024;

interface Wave {
  label: string;
  median: number;
  p95: number;
  peakRssMb: number;
  startRssMb: number;
}

/** 40 concurrent requests, each read to its last byte, sampling RSS meanwhile. */
async function wave(label: string, request: () => Promise<Response>): Promise<Wave> {
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const times = await Promise.all(
    Array.from({ length: REQUESTS }, async () => {
      const start = performance.now();
      const res = await request();
      if (res.status !== 200) throw new Error(`${label}: ${res.status} ${await res.text()}`);
      // Read to the last byte like a client would, without keeping the bytes (the client's memory is not the server's).
      let bytes = 0;
      const reader = res.body!.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.byteLength;
      if (bytes < 1000) throw new Error(`${label}: only ${bytes} bytes`);
      return performance.now() - start;
    }),
  );
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const { median, p95 } = stats(times);
  return { label, median, p95, peakRssMb: peak / MB, startRssMb: startRss / MB };
}

async function child(phase: "before" | "after", slug: string) {
  const { getSharedContactSheetSource } = await import("../lib/db/contact-sheet-queries");
  const { parseAxes, parseCell } = await import("../lib/sharing/view");
  const { sheetTiles } = await import("../lib/explore/contact-sheet-request");
  const { renderContactSheet } = await import("../lib/explore/contact-sheet");
  const { getImageStore } = await import("../lib/storage");
  const route = await import("../app/c/[slug]/contact-sheet/route");
  const { disconnectDb } = await import("../lib/db/client");
  await getSharedContactSheetSource(slug); // connect and warm the query before measuring
  global.gc?.();

  const waves: Wave[] = [];
  if (phase === "before") {
    // The old route's work, per request: no store, no bound on concurrent renders.
    const renderEveryTime = async () => {
      const source = (await getSharedContactSheetSource(slug))!;
      const axes = parseAxes(source.axes)!;
      const tiles = sheetTiles(axes, source.items.map((i) => ({ cell: parseCell(i.cell), storageKey: i.generation.images[0]?.storageKey ?? null })));
      const images = await Promise.all(tiles.map((t) => (t.item.storageKey ? getImageStore().get(t.item.storageKey) : null)));
      const png = await renderContactSheet({ axes, cells: tiles.map((t, i) => ({ ...t.cell, image: images[i] })), cellSize: SIZE });
      return new Response(new Uint8Array(png), { headers: { "content-type": "image/png" } });
    };
    waves.push(await wave("before: drawn on every request", renderEveryTime));
  } else {
    const get = () => route.GET(new Request(`http://127.0.0.1/c/${slug}/contact-sheet?size=${SIZE}`), { params: Promise.resolve({ slug }) } as never);
    waves.push(await wave("after: cold (nothing stored yet)", get));
    waves.push(await wave("after: warm (stored)", get));
  }
  await disconnectDb();
  process.stdout.write(JSON.stringify(waves));
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-bench-sheet-"));
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: `file:${dataDir}/bench.db`, TOGETHER_API_KEY: "", S3_BUCKET: "", APP_SECRET: "bench-secret-0123456789abcdef" };
  Object.assign(process.env, env);
  try {
    const { migrateDeploy } = await import("../tests/support/test-database");
    migrateDeploy(env.DATABASE_URL);
    const { generate } = await import("../lib/generation/generate");
    const { createTogetherProvider } = await import("../lib/together/client");
    const { generationInputSchema } = await import("../lib/generation/schema");
    const { createCollection, addGenerationToCollection } = await import("../lib/db/collection-queries");
    const { shareCollection } = await import("../lib/db/share-queries");
    const { cellJson } = await import("../lib/explore/cell");
    const { disconnectDb } = await import("../lib/db/client");
    const owner = randomUUID();
    const values = [0.2, 0.4, 0.6, 0.8, 1.0];
    const axes = { x: { name: "LoRA 1 scale", values }, y: { name: "LoRA 2 scale", values } };
    const collection = await createCollection(owner, { name: "Bench sweep", kind: "sweep", axes: JSON.stringify(axes) });
    const make = (loras: { path: string; scale: number }[]) =>
      generate({
        ownerId: owner,
        provider: createTogetherProvider(),
        input: generationInputSchema.parse({ clientRequestId: randomUUID(), prompt: "a lighthouse at dusk", model: "black-forest-labs/FLUX.1-dev-lora", width: 1024, height: 768, steps: 4, n: 1, seed: 7, loras: loras.map((l) => ({ ...l, triggers: [] })) }),
      });
    process.stderr.write("making the 5 × 5 + baseline sweep…\n");
    for (const [y, ys] of values.entries()) {
      for (const [x, xs] of values.entries()) {
        const g = await make([{ path: "https://huggingface.co/a/one", scale: xs }, { path: "https://huggingface.co/a/two", scale: ys }]);
        await addGenerationToCollection(collection.id, g.id, owner, { cell: cellJson({ x, y }) });
      }
    }
    const baseline = await make([]);
    await addGenerationToCollection(collection.id, baseline.id, owner, { cell: cellJson({ baseline: true }) });
    const slug = (await shareCollection(collection.id, owner))!;
    await disconnectDb();

    console.log(`contact sheet serving · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"} · Node ${process.version} · 5 × 5 + baseline at ${SIZE} px · ${REQUESTS} concurrent requests`);
    for (const phase of ["before", "after"] as const) {
      const out = execFileSync(process.execPath, [...process.execArgv, "--expose-gc", fileURLToPath(import.meta.url), phase, slug], { env, encoding: "utf8", maxBuffer: 16 * MB, stdio: ["ignore", "pipe", "inherit"] });
      for (const w of JSON.parse(out) as Wave[]) {
        console.log(`${w.label.padEnd(34)} p50 ${(w.median / 1000).toFixed(2)} s, p95 ${(w.p95 / 1000).toFixed(2)} s, peak RSS ${w.peakRssMb.toFixed(0)} MB (from ${w.startRssMb.toFixed(0)} MB)`);
      }
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const [phase, slug] = process.argv.slice(2);
if (phase === "before" || phase === "after") await child(phase, slug);
else await main();
