import fs from "node:fs";
import { describe, expect, it } from "vitest";

// prisma/sqlite and prisma/postgres must describe the same models: the app switches between the
// two generated clients by configuration and types itself with the SQLite one.
const read = (provider: string) => fs.readFileSync(`prisma/${provider}/schema.prisma`, "utf8");

/** Removes what may differ: the header comment, the generator output and the datasource provider. */
function normalise(schema: string, provider: string, datasourceProvider: string) {
  const lines = schema.split("\n");
  const firstCode = lines.findIndex((l) => l.trim() !== "" && !l.startsWith("//"));
  return lines
    .slice(firstCode)
    .join("\n")
    .replace(`output       = "../../lib/db/generated/${provider}"`, "output = <generated>")
    .replace(`provider = "${datasourceProvider}"`, "provider = <datasource>");
}

describe("Prisma schemas", () => {
  const sqlite = read("sqlite");
  const postgres = read("postgres");

  it("point each generator at its own output and datasource", () => {
    expect(sqlite).toContain('output       = "../../lib/db/generated/sqlite"');
    expect(sqlite).toMatch(/datasource db \{\s*provider = "sqlite"\s*\}/);
    expect(postgres).toContain('output       = "../../lib/db/generated/postgres"');
    expect(postgres).toMatch(/datasource db \{\s*provider = "postgresql"\s*\}/);
  });

  it("are otherwise identical", () => {
    expect(normalise(postgres, "postgres", "postgresql")).toBe(normalise(sqlite, "sqlite", "sqlite"));
  });
});
