import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "./client";
import { resolveDatabaseConfig, type DatabaseConfig } from "./provider";

export interface MigrationStatus {
  /** Migrations recorded as applied in the database (finished, not rolled back). */
  applied: string[];
  /** Migration folders on disk that the database has not applied yet. */
  pending: string[];
  /** True when nothing is pending. */
  current: boolean;
}

/**
 * Compares the migration folders of the configured provider (prisma/<provider>/migrations,
 * relative to the working directory, i.e. the project root) with the database's
 * _prisma_migrations table, without needing the Prisma CLI at runtime.
 */
export async function getMigrationStatus(
  db: Db,
  config: Pick<DatabaseConfig, "migrationsDir"> = resolveDatabaseConfig(process.env),
): Promise<MigrationStatus> {
  const entries = await fs.readdir(path.resolve(config.migrationsDir), { withFileTypes: true });
  const onDisk = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();

  let applied: string[] = [];
  try {
    // Same SQL on SQLite and PostgreSQL.
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    );
    applied = [...new Set(rows.map((r) => r.migration_name))];
  } catch (err) {
    // A database that was never migrated has no history table: everything is pending.
    if (!/_prisma_migrations/.test(String((err as Error)?.message))) throw err;
  }

  const done = new Set(applied);
  const pending = onDisk.filter((name) => !done.has(name));
  return { applied, pending, current: pending.length === 0 };
}
