import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
// Both clients are generated (npm run db:generate) so DATABASE_URL alone picks the database.
// Imported as source files (prisma-client generator, moduleFormat esm): Turbopack bundles them.
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { resolveDatabaseConfig } from "./provider";

/**
 * The app's Prisma client. Both generated clients have the same models and API, so the SQLite
 * one's type stands for both.
 */
export type Db = SqliteClient;

/** How long a SQLite writer waits for another one's lock before failing (ms). */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/** A new client for the given database URL (the app uses getDb(); tests use this directly). */
export function createDb(url: string): Db {
  const config = resolveDatabaseConfig({ DATABASE_URL: url });
  if (config.provider === "sqlite") {
    const adapter = new PrismaBetterSqlite3({ url: config.sqliteFile!, timeout: SQLITE_BUSY_TIMEOUT_MS });
    // WAL lets readers (page loads) run while a generation is being written.
    const connect = adapter.connect.bind(adapter);
    adapter.connect = async () => {
      const connection = await connect();
      await connection.executeScript("PRAGMA journal_mode = WAL");
      return connection;
    };
    return new SqliteClient({ adapter });
  }
  // Prisma's `?schema=` is not a libpq parameter: the adapter takes it as an option.
  const pgUrl = new URL(config.url);
  const schema = pgUrl.searchParams.get("schema") ?? undefined;
  pgUrl.searchParams.delete("schema");
  const adapter = new PrismaPg({ connectionString: pgUrl.toString() }, { schema });
  return new PostgresClient({ adapter }) as unknown as Db;
}

// Kept on globalThis so that dev hot reloads reuse one client (and one connection pool).
const globalForDb = globalThis as unknown as { lorascopeDb?: Db };

/** The process-wide client for the configured database (DATABASE_URL, SQLite by default). */
export function getDb(): Db {
  globalForDb.lorascopeDb ??= createDb(resolveDatabaseConfig(process.env).url);
  return globalForDb.lorascopeDb;
}

export async function disconnectDb(): Promise<void> {
  const db = globalForDb.lorascopeDb;
  globalForDb.lorascopeDb = undefined;
  await db?.$disconnect();
}
