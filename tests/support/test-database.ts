import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";

// Fresh, migrated databases for integration tests: a temp SQLite file always, and a new
// PostgreSQL database per run when TEST_POSTGRES_URL (an admin URL) is set.

const prismaEntry = createRequire(import.meta.url).resolve("prisma/build/index.js");
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL?.trim() || undefined;

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Runs the real Prisma CLI against a database; returns what it printed. */
export function prismaCli(url: string, ...args: string[]): string {
  return execFileSync(process.execPath, [prismaEntry, ...args], {
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
    stdio: "pipe",
    encoding: "utf8",
  });
}

/** Applies migrations as deployment does (npm run db:migrate). */
export function migrateDeploy(url: string): void {
  prismaCli(url, "migrate", "deploy");
}

export async function freshSqlite(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-db-"));
  return { url: `file:${dir}/test.db`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function freshPostgres(adminUrl: string): Promise<TestDatabase> {
  const name = `lorascope_test_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The lanes a database suite runs on here: SQLite always, PostgreSQL when configured. */
export const databaseLanes: { provider: "sqlite" | "postgres"; create: () => Promise<TestDatabase> }[] = [
  { provider: "sqlite", create: freshSqlite },
  ...(TEST_POSTGRES_URL ? [{ provider: "postgres" as const, create: () => freshPostgres(TEST_POSTGRES_URL!) }] : []),
];
