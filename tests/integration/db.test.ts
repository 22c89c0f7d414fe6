import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb, type Db } from "@/lib/db/client";
import { getMigrationStatus } from "@/lib/db/migration-status";
import { resolveDatabaseConfig } from "@/lib/db/provider";
import { TEST_POSTGRES_URL, freshPostgres, freshSqlite, migrateDeploy, prismaCli, type TestDatabase } from "../support/test-database";

// The same suite on a fresh SQLite file and, when TEST_POSTGRES_URL is set (an admin URL, e.g.
// from scripts/start-test-postgres.sh), on a fresh PostgreSQL database created for this run.
// Migrations are applied by the real Prisma CLI, as in deployment (npm run db:migrate).

function databaseSuite(provider: "sqlite" | "postgres", create: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let db: Db;
  let config: ReturnType<typeof resolveDatabaseConfig>;
  let before: Awaited<ReturnType<typeof getMigrationStatus>>;
  const savedUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    database = await create();
    config = resolveDatabaseConfig({ DATABASE_URL: database.url });
    expect(config.provider).toBe(provider);
    // getDb() reads DATABASE_URL once; point it at this run's database.
    process.env.DATABASE_URL = database.url;
    await disconnectDb();
    before = await getMigrationStatus(getDb(), config);
    // Close first: in WAL mode an open SQLite connection that has read the database blocks the
    // schema engine's exclusive lock (P1008), as a running app would.
    await disconnectDb();
    migrateDeploy(database.url);
    db = getDb();
  }, 120_000);

  afterAll(async () => {
    await disconnectDb();
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
    await database?.drop();
  });

  const newGeneration = (ownerId: string, clientRequestId: string) => ({
    id: randomUUID(),
    ownerId,
    clientRequestId,
    userPrompt: "a lighthouse",
    prompt: "a lighthouse, trigger",
    model: "black-forest-labs/FLUX.1-dev-lora",
    width: 1024,
    height: 768,
    steps: 28,
    n: 2,
    seed: 42,
    guidance: 3.5,
    provider: "simulator",
    status: "pending",
  });

  it("sees every migration on disk as pending before deploy, and none after", async () => {
    const onDisk = fs.readdirSync(config.migrationsDir, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(onDisk.length).toBeGreaterThan(0);
    expect(before).toEqual({ applied: [], pending: onDisk.map((e) => e.name).sort(), current: false });

    const after = await getMigrationStatus(db, config);
    expect(after).toEqual({ applied: before.pending, pending: [], current: true });
  });

  it("has committed migrations that build exactly the schema", () => {
    // Replays them on a shadow database and compares; exits 2 (and throws here) on any drift.
    const args = ["--from-migrations", config.migrationsDir, "--to-schema", config.schemaPath, "--exit-code"];
    expect(prismaCli(database.url, "migrate", "diff", ...args)).toContain("No difference detected");
  });

  it("gives one client per process", () => {
    expect(getDb()).toBe(db);
  });

  it("stores a generation with its images and LoRAs and reads it back", async () => {
    const created = await db.generation.create({
      data: {
        ...newGeneration("owner-1", "req-1"),
        images: {
          create: [1, 0].map((index) => ({
            id: randomUUID(),
            index,
            storageKey: `images/${index}.png`,
            contentHash: `${index}`.repeat(64),
            mimeType: "image/png",
            width: 1024,
            height: 768,
            byteSize: 1000 + index,
          })),
        },
        loras: {
          create: [
            { id: randomUUID(), position: 2, path: "user/style-b", scale: 0.5 },
            { id: randomUUID(), position: 1, path: "user/style-a", scale: 1 },
          ],
        },
      },
    });

    const found = await db.generation.findUnique({
      where: { id: created.id },
      include: { images: { orderBy: { index: "asc" } }, loras: { orderBy: { position: "asc" } } },
    });
    expect(found).toMatchObject({ ownerId: "owner-1", guidance: 3.5, billedMegapixels: 0, costMicroUsd: 0 });
    expect(found!.createdAt).toBeInstanceOf(Date);
    expect(found!.images.map((i) => [i.index, i.storageKey, i.byteSize])).toEqual([
      [0, "images/0.png", 1000],
      [1, "images/1.png", 1001],
    ]);
    expect(found!.loras.map((l) => [l.position, l.path, l.scale])).toEqual([
      [1, "user/style-a", 1],
      [2, "user/style-b", 0.5],
    ]);
  });

  it("rejects a second generation with the same (ownerId, clientRequestId)", async () => {
    await db.generation.create({ data: newGeneration("owner-2", "req-dup") });
    await expect(db.generation.create({ data: newGeneration("owner-2", "req-dup") })).rejects.toMatchObject({
      code: "P2002",
    });
    // Another owner may reuse the key.
    await expect(db.generation.create({ data: newGeneration("owner-3", "req-dup") })).resolves.toBeTruthy();
  });

  it("deletes images and LoRAs with their generation", async () => {
    const { id } = await db.generation.create({
      data: {
        ...newGeneration("owner-4", "req-4"),
        images: {
          create: [
            { id: randomUUID(), index: 0, storageKey: "k", contentHash: "h", mimeType: "image/png", width: 1, height: 1, byteSize: 1 },
          ],
        },
        loras: { create: [{ id: randomUUID(), position: 1, path: "p", scale: 1 }] },
      },
    });
    await db.generation.delete({ where: { id } });
    expect(await db.generationImage.count({ where: { generationId: id } })).toBe(0);
    expect(await db.generationLora.count({ where: { generationId: id } })).toBe(0);
  });

  if (provider === "sqlite") {
    it("runs SQLite in WAL mode", async () => {
      const rows = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      expect(rows[0].journal_mode).toBe("wal");
    });
  }
}

describe("database (SQLite)", () => databaseSuite("sqlite", freshSqlite));

describe.skipIf(!TEST_POSTGRES_URL)(
  `database (PostgreSQL)${TEST_POSTGRES_URL ? "" : " - skipped: set TEST_POSTGRES_URL=postgres://… (scripts/start-test-postgres.sh prints one)"}`,
  () => databaseSuite("postgres", () => freshPostgres(TEST_POSTGRES_URL!)),
);
