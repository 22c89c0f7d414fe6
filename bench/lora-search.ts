// LoRA search benchmark: `npm run bench:lora-search` (or `npx tsx bench/lora-search.ts`).
//
// 10,000 synthetic catalog entries: rankLoras timed for a few queries (cold = first call on
// fresh objects, then median / p95 over repeated runs on the cached objects, as the server's
// few-second catalog cache gives), then the full local search path once through a fresh,
// migrated SQLite database (PostgreSQL too when TEST_POSTGRES_URL is set): cold (catalog
// loaded from the DB) and warm (cached).
//
// Env: BENCH_RUNS (default 30), BENCH_ENTRIES (default 10000).

import { randomUUID } from "node:crypto";
import os from "node:os";
import { stats } from "./support";


const { freshPostgres, freshSqlite, migrateDeploy, TEST_POSTGRES_URL } = await import("../tests/support/test-database");
const { disconnectDb, getDb } = await import("../lib/db/client");
const { rankLoras } = await import("../lib/loras/search/rank");
const { invalidateCatalogCache } = await import("../lib/loras/search/catalog");
const { searchLoras } = await import("../lib/loras/search/service");
type RankableLora = import("../lib/loras/search/rank").RankableLora;

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const N = Number(process.env.BENCH_ENTRIES ?? 10_000);
const QUERIES = ["tarot", "tar", "tarrot", "anime portrait", "isometric cinematography", "zzzz", ""];

// Deterministic pseudo-random words.
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const WORDS = ["anime", "tarot", "neon", "retro", "pixel", "portrait", "isometric", "cinematic", "watercolor", "sketch", "realism", "dreamy", "toon", "kawaii", "noir", "ink", "vapor", "glitch", "film", "studio", "cards", "mecha", "fantasy", "gothic", "pastel"];
const pick = () => WORDS[Math.floor(rnd() * WORDS.length)];
const word = () => pick() + (rnd() < 0.5 ? "" : Math.floor(rnd() * 100));

function synthetic(n: number): RankableLora[] {
  return Array.from({ length: n }, (_, i) => ({
    path: `https://huggingface.co/user${i % 997}/flux-${word()}-${word()}-${i}`,
    title: `${word()} ${word()} ${pick()}`,
    triggers: rnd() < 0.6 ? [`${word()} style`] : [],
    tags: [pick(), pick()],
    source: "huggingface-repo",
    base: "flux1",
    usageCount: rnd() < 0.2 ? Math.floor(rnd() * 500) : 0,
    lastUsedAt: rnd() < 0.2 ? new Date(Date.now() - rnd() * 90 * 86_400_000) : null,
    starter: i < 25,
  }));
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const f = (x: number) => x.toFixed(2);

console.log(`LoRA search benchmark: ${N} entries, ${RUNS} runs, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}\n`);
console.log("| rankLoras query | hits | cold ms | median ms | p95 ms |");
console.log("|---|---|---|---|---|");
const entries = synthetic(N);
const favorites = new Set(entries.slice(0, 50).map((e) => e.path));
for (const q of QUERIES) {
  const fresh = entries.map((e) => ({ ...e }));
  let t0 = process.hrtime.bigint();
  const hits = rankLoras(q, fresh, { favorites, limit: 30 });
  const cold = ms(t0);
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    t0 = process.hrtime.bigint();
    rankLoras(q, fresh, { favorites, limit: 30 });
    times.push(ms(t0));
  }
  const s = stats(times);
  console.log(`| ${JSON.stringify(q)} | ${hits.length} | ${f(cold)} | ${f(s.median)} | ${f(s.p95)} |`);
}

const lanes = [{ name: "SQLite", create: freshSqlite }, ...(TEST_POSTGRES_URL ? [{ name: "PostgreSQL", create: () => freshPostgres(TEST_POSTGRES_URL!) }] : [])];
console.log("\n| full local search (\"tarot\", via the DB) | rows | seed ms | cold ms | warm ms |");
console.log("|---|---|---|---|---|");
for (const lane of lanes) {
  const db = await lane.create();
  try {
    migrateDeploy(db.url);
    process.env.DATABASE_URL = db.url;
    await disconnectDb();
    invalidateCatalogCache();
    let t0 = process.hrtime.bigint();
    const rows = synthetic(N).map((e) => ({
      id: randomUUID(),
      key: e.path,
      path: e.path,
      source: e.source,
      title: e.title,
      base: e.base,
      card: "{}",
      metadataAvailable: true,
      fetchedAt: new Date(),
      triggers: JSON.stringify(e.triggers),
      tags: JSON.stringify(e.tags),
      usageCount: e.usageCount,
      lastUsedAt: e.lastUsedAt,
    }));
    for (let i = 0; i < rows.length; i += 500) await getDb().lora.createMany({ data: rows.slice(i, i + 500) });
    const seedMs = ms(t0);
    t0 = process.hrtime.bigint();
    await searchLoras("owner-bench", { query: "tarot", modelId: "black-forest-labs/FLUX.1-dev-lora" }); // seeds the starter set too
    const cold = ms(t0);
    const warm: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      t0 = process.hrtime.bigint();
      await searchLoras("owner-bench", { query: "tarot", modelId: "black-forest-labs/FLUX.1-dev-lora" });
      warm.push(ms(t0));
    }
    console.log(`| ${lane.name} | ${await getDb().lora.count()} | ${f(seedMs)} | ${f(cold)} | ${f(stats(warm).median)} (p95 ${f(stats(warm).p95)}) |`);
  } finally {
    await disconnectDb();
    await db.drop();
  }
}
