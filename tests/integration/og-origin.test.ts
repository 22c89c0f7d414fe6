import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generationInputSchema } from "@/lib/generation/schema";
import { newOwnerId } from "@/lib/owner/token";
import { freshSqlite, migrateDeploy, type TestDatabase } from "../support/test-database";

// A shared result's preview card (og:image) as a crawler gets it, with the request headers a
// client chooses (next/headers mocked): X-Forwarded-Host must not move the card's origin unless
// TRUST_PROXY says a proxy sets it; APP_URL (or the older PUBLIC_BASE_URL) wins over all of it.

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => request.headers,
}));

const APP_SECRET = "og-origin-test-secret-0123456789abcdef";
const OWNER = newOwnerId();
const FORGED = { host: "lorascope.test:8080", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-og-data-"));

describe("og:image origin", () => {
  let database: TestDatabase;
  let slug: string;
  const saved = { ...process.env };

  /** The absolute og:image URL of the shared result under these settings and request headers. */
  async function ogImage(settings: Record<string, string>, headers: Record<string, string>): Promise<URL> {
    process.env = { ...saved, DATABASE_URL: database.url, DATA_DIR: dataDir, TOGETHER_API_KEY: "", APP_SECRET, S3_BUCKET: "", APP_URL: "", PUBLIC_BASE_URL: "", TRUST_PROXY: "", ...settings };
    request.headers = new Headers(headers);
    vi.resetModules();
    const db = await import("@/lib/db/client");
    try {
      const page = await import("@/app/s/[slug]/page");
      const meta = await page.generateMetadata({ params: Promise.resolve({ slug }) } as never);
      const og = meta.openGraph as { images: { url: string }[] };
      return new URL(og.images[0].url, meta.metadataBase!);
    } finally {
      await db.disconnectDb();
    }
  }

  beforeAll(async () => {
    database = await freshSqlite();
    migrateDeploy(database.url);
    process.env = { ...saved, DATABASE_URL: database.url, DATA_DIR: dataDir, TOGETHER_API_KEY: "", APP_SECRET, S3_BUCKET: "" };
    vi.resetModules();
    const db = await import("@/lib/db/client");
    const { generate } = await import("@/lib/generation/generate");
    const { createTogetherProvider } = await import("@/lib/together/client");
    const { shareGeneration } = await import("@/lib/db/share-queries");
    const g = await generate({
      ownerId: OWNER,
      provider: createTogetherProvider(),
      input: generationInputSchema.parse({ clientRequestId: randomUUID(), prompt: "a fox", model: "black-forest-labs/FLUX.1-dev-lora", width: 256, height: 256, steps: 4, n: 1, seed: 7, loras: [] }),
    });
    slug = (await shareGeneration(g.id, OWNER))!;
    await db.disconnectDb();
  }, 120_000);

  afterAll(async () => {
    process.env = saved;
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("ignores X-Forwarded-Host and -Proto by default: the Host the request came to", async () => {
    const url = await ogImage({}, FORGED);
    expect(url.origin).toBe("http://lorascope.test:8080");
    expect(url.pathname).toBe(`/s/${slug}/images/0`);
  });

  it("believes them with TRUST_PROXY=true", async () => {
    expect((await ogImage({ TRUST_PROXY: "true" }, FORGED)).origin).toBe("https://evil.example");
  });

  it("APP_URL wins over every header, trusted or not; PUBLIC_BASE_URL still works as its alias", async () => {
    expect((await ogImage({ APP_URL: "https://lorascope.example" }, FORGED)).origin).toBe("https://lorascope.example");
    expect((await ogImage({ APP_URL: "https://lorascope.example", TRUST_PROXY: "true" }, FORGED)).origin).toBe("https://lorascope.example");
    expect((await ogImage({ PUBLIC_BASE_URL: "https://old-name.example" }, FORGED)).origin).toBe("https://old-name.example");
    expect((await ogImage({ APP_URL: "https://new.example", PUBLIC_BASE_URL: "https://old.example" }, FORGED)).origin).toBe("https://new.example");
  });
});
