import path from "node:path";
import { defineConfig } from "prisma/config";
import { resolveDatabaseConfig } from "./lib/db/provider";

// Prisma's native schema engine is downloaded from a host we cannot reach; our stand-in drives
// the WebAssembly build of the same engine instead (see the script's header).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "scripts/prisma-schema-engine.mjs");

// DATABASE_URL picks the provider: unset or file:… -> prisma/sqlite, postgres(ql)://… -> prisma/postgres.
const db = resolveDatabaseConfig(process.env, import.meta.dirname);

export default defineConfig({
  schema: path.join(import.meta.dirname, db.schemaPath),
  migrations: { path: path.join(import.meta.dirname, db.migrationsDir) },
  datasource: { url: db.url },
});
