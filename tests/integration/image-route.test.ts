import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generationInputSchema } from "@/lib/generation/schema";
import { sha256Hex } from "@/lib/storage/keys";
import { newOwnerId, signOwnerToken } from "@/lib/owner/token";
import { databaseLanes, migrateDeploy, type TestDatabase } from "../support/test-database";
import { startS3Server, type TestS3Server } from "../support/s3-server";

// Generate with the simulator, then ask the image route for what it stored: full image,
// thumbnail, 304, download, the owner check and soft delete, and the thumbnail made on first
// request for rows without one. On each database lane, with local files and with S3 (s3rver).

const cookie = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "lorascope_owner" && cookie.value ? { name, value: cookie.value } : undefined) }),
  headers: async () => new Headers(),
}));

const APP_SECRET = "image-route-test-secret-0123456789";
const PRIVATE = "private, max-age=31536000, immutable";
const owner = newOwnerId();
const stranger = newOwnerId();

/** Everything the route touches, loaded fresh for one configuration (env() and the store are cached per module instance). */
async function loadApp() {
  vi.resetModules();
  return {
    route: await import("@/app/api/images/[id]/route"),
    generate: (await import("@/lib/generation/generate")).generate,
    provider: (await import("@/lib/together/client")).createTogetherProvider(),
    store: (await import("@/lib/storage")).getImageStore(),
    serve: await import("@/lib/storage/serve-image"),
    db: await import("@/lib/db/client"),
  };
}
type App = Awaited<ReturnType<typeof loadApp>>;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-route-data-"));
let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startS3Server({ bucket: "lorascope-route-test" });
});
afterAll(async () => {
  await s3?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const lanes = databaseLanes.flatMap((db) => [
  { name: `${db.provider} + local files`, db, storage: "local" as const },
  { name: `${db.provider} + S3`, db, storage: "s3" as const },
]);

describe.each(lanes)("image route on $name", ({ db, storage }) => {
  let database: TestDatabase;
  let app: App;
  let generation: Awaited<ReturnType<App["generate"]>>;
  const saved = { ...process.env };

  const get = (id: string, query = "", headers: Record<string, string> = {}, as: string | null = owner) => {
    cookie.value = as ? signOwnerToken(as, APP_SECRET) : undefined;
    return app.route.GET(new Request(`http://127.0.0.1/api/images/${id}${query}`, { headers }), { params: Promise.resolve({ id }) });
  };

  beforeAll(async () => {
    database = await db.create();
    migrateDeploy(database.url);
    process.env = {
      ...saved,
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      TOGETHER_API_KEY: "",
      APP_SECRET,
      ...(storage === "s3" ? s3.env : { S3_BUCKET: "" }),
    };
    app = await loadApp();
    await app.db.disconnectDb();
    expect(app.store.kind).toBe(storage);
    const input = generationInputSchema.parse({
      clientRequestId: randomUUID(),
      prompt: "A lighthouse at dusk",
      model: "black-forest-labs/FLUX.1-dev-lora",
      width: 1024,
      height: 768,
      steps: 28,
      n: 2,
      seed: 1234,
      loras: [],
    });
    generation = await app.generate({ ownerId: owner, input, provider: app.provider });
  }, 120_000);

  afterAll(async () => {
    await app?.db.disconnectDb();
    process.env = saved;
    await database?.drop();
  });

  it("generation stores a WebP thumbnail per image and records it", async () => {
    expect(generation.images).toHaveLength(2);
    for (const image of generation.images) {
      expect(image).toMatchObject({ thumbWidth: 512, thumbHeight: 384 });
      expect(image.thumbKey).toMatch(/^images\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}\.webp$/);
      const bytes = await app.store.get(image.thumbKey!);
      expect(bytes, image.thumbKey!).not.toBeNull();
      expect((await sharp(bytes!).metadata()).format).toBe("webp");
    }
  });

  it("serves the full image to its owner, with its hash as ETag and a year of private caching", async () => {
    const image = generation.images[1];
    const res = await get(image.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("etag")).toBe(`"${image.contentHash}"`);
    expect(res.headers.get("cache-control")).toBe(PRIVATE);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toMatch(/^inline; filename="lorascope-a-lighthouse-at-dusk-seed-1234-2\.jpg"/);
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get("content-length")).toBe(String(body.length));
    expect(sha256Hex(body)).toBe(image.contentHash);
    expect(body.length).toBe(image.byteSize);
  });

  it("serves the thumbnail with ?size=thumb; its ETag is the thumbnail's own hash", async () => {
    const image = generation.images[0];
    const res = await get(image.id, "?size=thumb");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(res.headers.get("cache-control")).toBe(PRIVATE);
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get("etag")).toBe(`"${sha256Hex(body)}"`);
    expect(res.headers.get("etag")).not.toBe(`"${image.contentHash}"`);
    const meta = await sharp(body).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 512, 384]);
    expect(res.headers.get("content-disposition")).toContain('filename="lorascope-a-lighthouse-at-dusk-seed-1234-1-thumb.webp"');
  });

  it("answers 304 to a matching If-None-Match (plain, weak or in a list), 200 otherwise", async () => {
    const image = generation.images[0];
    const full = `"${image.contentHash}"`;
    for (const inm of [full, `W/${full}`, `"other", ${full}`, "*"]) {
      const res = await get(image.id, "", { "if-none-match": inm });
      expect(res.status, inm).toBe(304);
      expect(res.headers.get("etag")).toBe(full);
      expect(res.headers.get("cache-control")).toBe(PRIVATE);
      expect(await res.text()).toBe("");
    }
    expect((await get(image.id, "", { "if-none-match": '"something-else"' })).status).toBe(200);

    const thumbEtag = (await get(image.id, "?size=thumb")).headers.get("etag")!;
    expect((await get(image.id, "?size=thumb", { "if-none-match": thumbEtag })).status).toBe(304);
    // The full image's ETag does not validate the thumbnail, nor the other way round.
    expect((await get(image.id, "?size=thumb", { "if-none-match": full })).status).toBe(200);
    expect((await get(image.id, "", { "if-none-match": thumbEtag })).status).toBe(200);
  });

  it("downloads with a descriptive name in both Content-Disposition forms", async () => {
    const res = await get(generation.images[0].id, "?download=1");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="lorascope-a-lighthouse-at-dusk-seed-1234-1.jpg"; filename*=UTF-8''lorascope-a-lighthouse-at-dusk-seed-1234-1.jpg`,
    );
    expect((await get(generation.images[0].id, "?download=0")).headers.get("content-disposition")).toMatch(/^inline;/);
  });

  it("answers the same 404 for missing, not yours, no cookie and a deleted generation", async () => {
    const image = generation.images[0];
    const answers = [
      await get(randomUUID()),
      await get(image.id, "", {}, stranger),
      await get(image.id, "?size=thumb", {}, stranger),
      await get(image.id, "", {}, null),
    ];
    const prisma = app.db.getDb();
    await prisma.generation.update({ where: { id: generation.id }, data: { deletedAt: new Date() } });
    try {
      answers.push(await get(image.id), await get(image.id, "?size=thumb"), await get(image.id, "", { "if-none-match": `"${image.contentHash}"` }));
    } finally {
      await prisma.generation.update({ where: { id: generation.id }, data: { deletedAt: null } });
    }
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("etag")).toBeNull();
      expect(await res.text()).toBe("Not found");
    }
    expect((await get(image.id)).status).toBe(200);
  });

  it("makes a missing thumbnail on first request and records it (rows from before thumbnails)", async () => {
    const image = generation.images[1];
    const prisma = app.db.getDb();
    await prisma.generationImage.update({ where: { id: image.id }, data: { thumbKey: null, thumbWidth: null, thumbHeight: null } });
    await app.store.delete(image.thumbKey!);

    // Two at once, as a gallery page would ask: both succeed.
    const [a, b] = await Promise.all([get(image.id, "?size=thumb"), get(image.id, "?size=thumb")]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const body = Buffer.from(await a.arrayBuffer());
    expect(a.headers.get("etag")).toBe(`"${sha256Hex(body)}"`);
    expect((await sharp(body).metadata()).format).toBe("webp");

    const row = await prisma.generationImage.findUniqueOrThrow({ where: { id: image.id } });
    expect(row).toMatchObject({ thumbKey: image.thumbKey, thumbWidth: 512, thumbHeight: 384 });
    expect((await app.store.get(row.thumbKey!))?.equals(body)).toBe(true);
  });

  it("remakes a thumbnail whose object is gone, and says 410 when the image itself is gone", async () => {
    const image = generation.images[0];
    await app.store.delete(image.thumbKey!);
    const res = await get(image.id, "?size=thumb");
    expect(res.status).toBe(200);
    expect(await app.store.get(image.thumbKey!)).not.toBeNull();

    const original = (await app.store.get(image.storageKey))!;
    await app.store.delete(image.storageKey);
    try {
      const gone = await get(image.id);
      expect(gone.status).toBe(410);
      expect(gone.headers.get("cache-control")).toBe("no-store");
      // The thumbnail exists, so it is still served.
      expect((await get(image.id, "?size=thumb")).status).toBe(200);
    } finally {
      await app.store.put(image.storageKey, original, image.mimeType);
    }
  });

  it("refuses an unknown size", async () => {
    const res = await get(generation.images[0].id, "?size=huge");
    expect(res.status).toBe(400);
  });

  it("serveImageResponse serves public routes with the caching they ask for", async () => {
    const image = generation.images[0];
    const request = new Request(`http://127.0.0.1/s/slug/images/0?size=thumb`);
    const res = await app.serve.serveImageResponse(
      request,
      { ...image, generation: { seed: generation.seed, userPrompt: generation.userPrompt } },
      { variant: "thumb", cacheControl: app.serve.SHARED_REVALIDATE },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60, must-revalidate");
    expect(res.headers.get("content-type")).toBe("image/webp");
    // Without the prompt (a caller that did not select it) the name is still valid.
    const bare = await app.serve.serveImageResponse(new Request("http://127.0.0.1/x?download=1"), { ...image, generation: { seed: 9 } }, { variant: "full", cacheControl: "no-store" });
    expect(bare.headers.get("content-disposition")).toBe(`attachment; filename="lorascope-seed-9-1.jpg"; filename*=UTF-8''lorascope-seed-9-1.jpg`);
  });
});
