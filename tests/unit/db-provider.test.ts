import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveDatabaseConfig } from "@/lib/db/provider";

const cwd = "/srv/lorascope";

describe("resolveDatabaseConfig", () => {
  it("defaults to SQLite at <cwd>/data/lorascope.db", () => {
    expect(resolveDatabaseConfig({}, cwd)).toEqual({
      provider: "sqlite",
      url: "file:/srv/lorascope/data/lorascope.db",
      sqliteFile: "/srv/lorascope/data/lorascope.db",
      schemaDir: "prisma/sqlite",
      schemaPath: "prisma/sqlite/schema.prisma",
      migrationsDir: "prisma/sqlite/migrations",
    });
  });

  it("puts the default database under DATA_DIR, resolved to an absolute path", () => {
    expect(resolveDatabaseConfig({ DATA_DIR: "var/db" }, cwd).sqliteFile).toBe("/srv/lorascope/var/db/lorascope.db");
    expect(resolveDatabaseConfig({ DATA_DIR: "/tmp/x" }, cwd).url).toBe("file:/tmp/x/lorascope.db");
  });

  it("treats empty values as unset", () => {
    expect(resolveDatabaseConfig({ DATABASE_URL: "", DATA_DIR: " " }, cwd).url).toBe(
      "file:/srv/lorascope/data/lorascope.db",
    );
  });

  it("makes relative file: URLs absolute and drops query options", () => {
    const c = resolveDatabaseConfig({ DATABASE_URL: "file:./dev.db?connection_limit=1" }, cwd);
    expect(c).toMatchObject({ provider: "sqlite", url: "file:/srv/lorascope/dev.db", sqliteFile: "/srv/lorascope/dev.db" });
  });

  it("keeps absolute file: URLs", () => {
    expect(resolveDatabaseConfig({ DATABASE_URL: "file:/var/lib/l.db" }, cwd).sqliteFile).toBe("/var/lib/l.db");
  });

  it.each(["postgres://u:p@db:5432/lorascope", "postgresql://u:p@db/lorascope?schema=app"])(
    "selects PostgreSQL for %s, keeping the URL as is",
    (url) => {
      expect(resolveDatabaseConfig({ DATABASE_URL: url, DATA_DIR: "ignored" }, cwd)).toEqual({
        provider: "postgres",
        url,
        schemaDir: "prisma/postgres",
        schemaPath: "prisma/postgres/schema.prisma",
        migrationsDir: "prisma/postgres/migrations",
      });
    },
  );

  it("rejects other schemes", () => {
    expect(() => resolveDatabaseConfig({ DATABASE_URL: "mysql://u@h/db" }, cwd)).toThrow(/Unsupported DATABASE_URL/);
    expect(() => resolveDatabaseConfig({ DATABASE_URL: "file:" }, cwd)).toThrow(/file path/);
  });

  it("resolves against process.cwd() by default", () => {
    expect(resolveDatabaseConfig({}).sqliteFile).toBe(path.join(process.cwd(), "data", "lorascope.db"));
  });
});
