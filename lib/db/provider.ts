import path from "node:path";

// Which database we talk to follows from DATABASE_URL alone. Shared by prisma.config.ts (CLI),
// lib/db/client.ts (app) and the tests, so it stays pure: no server-only, no I/O.

export type DbProvider = "sqlite" | "postgres";

export interface DatabaseConfig {
  provider: DbProvider;
  /** Connection URL; for SQLite always `file:<absolute path>`. */
  url: string;
  /** Folder holding this provider's schema.prisma and migrations/, relative to the project root. */
  schemaDir: string;
  schemaPath: string;
  migrationsDir: string;
  /** Absolute path of the database file (SQLite only). */
  sqliteFile?: string;
}

type Env = Record<string, string | undefined>;

export function resolveDatabaseConfig(env: Env = process.env, cwd: string = process.cwd()): DatabaseConfig {
  // Empty strings count as unset, as in lib/env.ts.
  const dataDir = path.resolve(cwd, env.DATA_DIR?.trim() || "data");
  const url = env.DATABASE_URL?.trim() || `file:${path.join(dataDir, "lorascope.db")}`;

  if (url.startsWith("file:")) {
    // Relative SQLite paths are made absolute here, so the CLI (whose engine may run in another
    // directory) and the app always open the same file. Query options (`?…`) are not used by
    // better-sqlite3 and are dropped.
    const file = url.slice("file:".length).split("?")[0];
    if (!file) throw new Error("DATABASE_URL file: needs a file path");
    const sqliteFile = path.resolve(cwd, file);
    return { provider: "sqlite", url: `file:${sqliteFile}`, sqliteFile, ...dirs("sqlite") };
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    return { provider: "postgres", url, ...dirs("postgres") };
  }
  throw new Error(
    `Unsupported DATABASE_URL scheme "${url.split(":")[0]}:" (use file:… for SQLite or postgres://… for PostgreSQL)`,
  );
}

function dirs(provider: DbProvider) {
  const schemaDir = `prisma/${provider}`;
  return { schemaDir, schemaPath: `${schemaDir}/schema.prisma`, migrationsDir: `${schemaDir}/migrations` };
}
