// Gallery query benchmark: `npm run bench:gallery` (or `npx tsx bench/gallery.ts`).
//
// A fresh SQLite database (and PostgreSQL when TEST_POSTGRES_URL is set) with the real
// migrations, 10,000 generations for one owner plus 10,000 for 200 other owners (with images
// and LoRAs, batch inserts), then the real listGallery / galleryTotals / galleryFacets timed:
// first pages, deep pages (following 200 cursors, and jumping with the cursor of the 4,800th
// row), filters and the cost sort; median and p95 over repeated runs. Last, the SQL Prisma
// generates for each case — captured from Prisma's query log, not written by hand — with the
// database's plan for it (SQLite EXPLAIN QUERY PLAN; PostgreSQL EXPLAIN ANALYZE).
//
// Env: BENCH_RUNS (default 40), BENCH_OWNER_ROWS (default 10000), BENCH_OTHER_ROWS (default 10000).

import { randomUUID } from "node:crypto";
import os from "node:os";
import { stats } from "./support";


const { freshPostgres, freshSqlite, migrateDeploy, TEST_POSTGRES_URL } = await import("../tests/support/test-database");
const { disconnectDb, getDb } = await import("../lib/db/client");
const { galleryFacets, galleryTotals, listGallery } = await import("../lib/gallery/list");
const { cursorAfter, encodeCursor } = await import("../lib/gallery/cursor");
type GalleryListOptions = import("../lib/gallery/list").GalleryListOptions;

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const OWNER_ROWS = Number(process.env.BENCH_OWNER_ROWS ?? 10_000);
const OTHER_ROWS = Number(process.env.BENCH_OTHER_ROWS ?? 10_000);
const OTHER_OWNERS = 200;
/** Deep-link row: 4,800 with the default 10,000 rows (about 9,200 of them visible). */
const JUMP_ROW = Math.min(4_800, Math.floor(OWNER_ROWS * 0.48));
const OWNER = "owner-bench-000000000000";
const DEV = "black-forest-labs/FLUX.1-dev-lora";
const FLUX2 = "black-forest-labs/FLUX.2-dev";
const LORAS = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? `https://huggingface.co/artist${i}/flux-style-${i}` : `artist${i}/flux-lora-${i}`));
const WORDS = "lighthouse dusk harbour fox snow portrait cat neon city forest mountain river tarot watercolor ink pastel robot castle garden ocean desert dragon train market bridge".split(" ");

// Deterministic data: the same rows every run.
let state = 42;
const rand = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];

interface Rows {
  generations: Record<string, unknown>[];
  images: Record<string, unknown>[];
  loras: Record<string, unknown>[];
}

function makeRows(ownerOf: (i: number) => string, count: number, start: number): Rows {
  const rows: Rows = { generations: [], images: [], loras: [] };
  const year = 365 * 86_400_000;
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const n = 1 + Math.floor(rand() * 4);
    const r = rand();
    const status = r < 0.94 ? "succeeded" : r < 0.97 ? "failed" : "pending";
    const words = Array.from({ length: 5 }, () => pick(WORDS)).join(" ");
    const loraCount = Math.floor(rand() * 3);
    const paths = [...new Set(Array.from({ length: loraCount }, () => pick(LORAS)))];
    // Whole seconds: plenty of createdAt ties for the id tie-break.
    const createdAt = new Date(Math.floor((start - rand() * year) / 1000) * 1000);
    rows.generations.push({
      id,
      ownerId: ownerOf(i),
      clientRequestId: randomUUID(),
      userPrompt: `a ${words}`,
      prompt: paths.length ? `in the style of TOK, a ${words}` : `a ${words}`,
      model: rand() < 0.8 ? DEV : FLUX2,
      width: 1024,
      height: 768,
      steps: 28,
      n,
      seed: Math.floor(rand() * 2 ** 31),
      guidance: 3.5,
      provider: rand() < 0.9 ? "simulator" : "together",
      status,
      billedMegapixels: status === "succeeded" ? n : 0,
      costMicroUsd: status === "succeeded" ? 35_000 * n : 0,
      estimateMicroUsd: 35_000 * n,
      createdAt,
      updatedAt: createdAt,
      deletedAt: rand() < 0.02 ? new Date(start) : null,
    });
    if (status === "succeeded") {
      for (let index = 0; index < n; index++) {
        rows.images.push({ id: randomUUID(), generationId: id, index, storageKey: `images/${id}-${index}.jpg`, contentHash: randomUUID().replace(/-/g, "").repeat(2), mimeType: "image/jpeg", width: 1024, height: 768, byteSize: 150_000, thumbKey: `thumbs/${id}-${index}.webp`, thumbWidth: 384, thumbHeight: 288 });
      }
    }
    paths.forEach((path, p) => rows.loras.push({ id: randomUUID(), generationId: id, position: p + 1, path, scale: 0.8 }));
  }
  return rows;
}

async function load(rows: Rows) {
  const db = getDb();
  const chunk = async <T>(items: T[], size: number, insert: (batch: T[]) => Promise<unknown>) => {
    for (let i = 0; i < items.length; i += size) await insert(items.slice(i, i + size));
  };
  await chunk(rows.generations, 500, (data) => db.generation.createMany({ data: data as never }));
  await chunk(rows.images, 1000, (data) => db.generationImage.createMany({ data: data as never }));
  await chunk(rows.loras, 1000, (data) => db.generationLora.createMany({ data: data as never }));
}


async function time(fn: () => Promise<unknown>, runs: number) {
  for (let i = 0; i < 3; i++) await fn(); // warm caches and the query compiler
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

/** The cursor of the nth row (1-based) in this order: how a deep link into the gallery looks. */
async function cursorAtRow(nth: number, options: GalleryListOptions): Promise<string> {
  let cursor: string | null = null;
  let seen = 0;
  for (;;) {
    const page = await listGallery(OWNER, { ...options, limit: 60, cursor });
    if (seen + page.items.length >= nth) return encodeCursor(cursorAfter(page.items[nth - seen - 1], options.sort ?? "newest"));
    seen += page.items.length;
    if (!page.nextCursor) throw new Error(`fewer than ${nth} rows`);
    cursor = page.nextCursor;
  }
}

interface Case {
  name: string;
  run: () => Promise<unknown>;
  runs?: number;
  /** Cases whose SQL plan is printed. */
  plan?: () => Promise<unknown>;
}

async function benchLane(provider: "sqlite" | "postgres", url: string) {
  process.env.DATABASE_URL = url;
  await disconnectDb();
  const started = performance.now();
  const now = Date.now();
  await load(makeRows(() => OWNER, OWNER_ROWS, now));
  await load(makeRows((i) => `owner-other-${String(i % OTHER_OWNERS).padStart(4, "0")}`, OTHER_ROWS, now));
  // Fresh statistics, as a long-lived database would have (both databases take the same statement).
  await getDb().$executeRawUnsafe("ANALYZE");
  const counts = await Promise.all([getDb().generation.count(), getDb().generationImage.count(), getDb().generationLora.count()]);
  console.log(`\n## ${provider}: ${counts[0]} generations, ${counts[1]} images, ${counts[2]} LoRA rows loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const jumpNewest = await cursorAtRow(JUMP_ROW, { sort: "newest" });
  const jumpCost = await cursorAtRow(JUMP_ROW, { sort: "cost" });
  const jumpOldest = await cursorAtRow(JUMP_ROW, { sort: "oldest" });
  const lora = LORAS[3];
  const thirtyDays = { from: new Date(now - 30 * 86_400_000), to: new Date(now + 86_400_000) };

  const cases: Case[] = [
    { name: "newest, first page", run: () => listGallery(OWNER, { sort: "newest" }) },
    { name: `newest, jump past row ${JUMP_ROW}`, run: () => listGallery(OWNER, { sort: "newest", cursor: jumpNewest }) },
    {
      name: "newest, page 200 by following 199 cursors (whole walk)",
      runs: 5,
      run: async () => {
        let cursor: string | null = null;
        for (let p = 0; p < 200; p++) cursor = (await listGallery(OWNER, { sort: "newest", cursor })).nextCursor;
        return cursor;
      },
    },
    { name: `oldest, jump past row ${JUMP_ROW}`, run: () => listGallery(OWNER, { sort: "oldest", cursor: jumpOldest }) },
    { name: "cost, first page", run: () => listGallery(OWNER, { sort: "cost" }) },
    { name: `cost, jump past row ${JUMP_ROW}`, run: () => listGallery(OWNER, { sort: "cost", cursor: jumpCost }) },
    { name: "search 'lighthouse', first page", run: () => listGallery(OWNER, { filters: { q: "lighthouse" } }) },
    { name: "search 'LIGHTHOUSE dusk fox', first page", run: () => listGallery(OWNER, { filters: { q: "LIGHTHOUSE dusk fox" } }) },
    { name: "LoRA filter, first page", run: () => listGallery(OWNER, { filters: { lora } }) },
    { name: "model + provider, cost sort", run: () => listGallery(OWNER, { sort: "cost", filters: { model: FLUX2, provider: "together" } }) },
    { name: "last 30 days, first page", run: () => listGallery(OWNER, { filters: thirtyDays }) },
    { name: "search 'zebra' (no match: reads all)", run: () => listGallery(OWNER, { filters: { q: "zebra" } }) },
    { name: "totals (today, month, all time)", run: () => galleryTotals(OWNER) },
    { name: "facets (LoRAs, models)", run: () => galleryFacets(OWNER) },
  ];

  const table: { case: string; "median ms": string; "p95 ms": string; runs: number }[] = [];
  for (const c of cases) {
    const runs = c.runs ?? RUNS;
    const s = await time(c.run, runs);
    table.push({ case: c.name, "median ms": s.median.toFixed(2), "p95 ms": s.p95.toFixed(2), runs });
  }
  console.table(table);

  await printPlans(provider, url, [
    { name: "newest, first page", run: () => listGallery(OWNER, { sort: "newest" }) },
    { name: `newest, jump past row ${JUMP_ROW}`, run: () => listGallery(OWNER, { sort: "newest", cursor: jumpNewest }) },
    { name: `cost, jump past row ${JUMP_ROW}`, run: () => listGallery(OWNER, { sort: "cost", cursor: jumpCost }) },
    { name: "search + LoRA filter", run: () => listGallery(OWNER, { filters: { q: "lighthouse", lora } }) },
  ]);
}

/** Runs each case once on a client that logs its SQL, then asks the database for the plan of the Generation query. */
async function printPlans(provider: "sqlite" | "postgres", url: string, cases: { name: string; run: () => Promise<unknown> }[]) {
  await disconnectDb();
  const logged: { query: string; params: string }[] = [];
  const client = await loggingClient(provider, url, (e) => logged.push(e));
  (globalThis as unknown as { lorascopeDb?: unknown }).lorascopeDb = client;
  try {
    for (const c of cases) {
      logged.length = 0;
      await c.run();
      const main = logged.find((q) => /FROM [`"](\w+[`"]\.[`"])?Generation[`"]/.test(q.query));
      if (!main) {
        console.log(`\n### ${c.name}: no Generation query logged`);
        continue;
      }
      const params = JSON.parse(main.params) as unknown[];
      console.log(`\n### ${provider} plan — ${c.name}\nSQL (from Prisma's query log): ${main.query}\nparams: ${JSON.stringify(params)}`);
      console.log(await explain(provider, url, main.query, params));
    }
  } finally {
    await disconnectDb();
  }
}

async function loggingClient(provider: "sqlite" | "postgres", url: string, onQuery: (e: { query: string; params: string }) => void) {
  const { resolveDatabaseConfig } = await import("../lib/db/provider");
  const config = resolveDatabaseConfig({ DATABASE_URL: url });
  const log = [{ emit: "event" as const, level: "query" as const }];
  if (provider === "sqlite") {
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    const { PrismaClient } = await import("../lib/db/generated/sqlite/client");
    const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: config.sqliteFile! }), log });
    client.$on("query", onQuery);
    return client;
  }
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("../lib/db/generated/postgres/client");
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log });
  client.$on("query", onQuery);
  return client;
}

async function explain(provider: "sqlite" | "postgres", url: string, sql: string, params: unknown[]): Promise<string> {
  if (provider === "sqlite") {
    // Through the app's own client (better-sqlite3 underneath), with the logged parameters.
    const rows = await getDb().$queryRawUnsafe<{ id: number; parent: number; detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...params);
    const depth = new Map<number, number>([[0, -1]]);
    return rows.map((r) => (depth.set(Number(r.id), (depth.get(Number(r.parent)) ?? -1) + 1), `${"  ".repeat(depth.get(Number(r.id))!)}${r.detail}`)).join("\n");
  }
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${sql}`, params);
    return result.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
  } finally {
    await client.end();
  }
}

console.log(`# Lorascope gallery bench — ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}, ${RUNS} runs per case (whole walks: 5)`);
const lanes: { provider: "sqlite" | "postgres"; create: () => Promise<{ url: string; drop(): Promise<void> }> }[] = [
  { provider: "sqlite", create: freshSqlite },
  ...(TEST_POSTGRES_URL ? [{ provider: "postgres" as const, create: () => freshPostgres(TEST_POSTGRES_URL!) }] : []),
];
if (!TEST_POSTGRES_URL) console.log("(PostgreSQL skipped: set TEST_POSTGRES_URL to an admin URL, e.g. from scripts/start-test-postgres.sh)");
for (const lane of lanes) {
  const database = await lane.create();
  try {
    migrateDeploy(database.url);
    await benchLane(lane.provider, database.url);
  } finally {
    await disconnectDb();
    await database.drop();
  }
}
