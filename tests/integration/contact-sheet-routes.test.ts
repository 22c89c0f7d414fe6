import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cellJson, type SweepCellRef } from "@/lib/explore/cell";
import { contactSheetLayout, type SheetAxes } from "@/lib/explore/contact-sheet";
import { generationInputSchema } from "@/lib/generation/schema";
import { newOwnerId, signOwnerToken } from "@/lib/owner/token";
import type { SweepAxes } from "@/lib/sharing/view";
import { databaseLanes, migrateDeploy, type TestDatabase } from "../support/test-database";

// The contact sheet downloads on every database lane: the owner's route (owner cookie mocked
// through next/headers) and the public one under a share slug, called directly with real
// simulator images in the local store. Also the owner's and the public page for a sweep.

const cookie = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "lorascope_owner" && cookie.value ? { name, value: cookie.value } : undefined),
    set: () => undefined,
  }),
  headers: async () => new Headers({ host: "lorascope.test" }),
}));

const APP_SECRET = "contact-sheet-test-secret-0123456789";
const A = newOwnerId();
const B = newOwnerId();
const TAROT = "https://huggingface.co/multimodalart/flux-tarot-v1";
const AXES: SweepAxes = { x: { name: "LoRA 1 scale", values: [0.3, 0.6, 0.9] }, y: { name: "LoRA 2 scale", values: [0.5, 1, 1.5] } };
/** What the sheet draws around these 512 × 384 cells: landscape tiles and a two-line caption. */
const LOOK = { aspect: 512 / 384, caption: ["Prompt: a lighthouse at dusk", "Seed 1234 | FLUX.1 [dev] + LoRA | Together AI (simulated)"] };
const sheetLayout = (baseline: boolean, cellSize = 256) => contactSheetLayout(AXES, baseline, cellSize, LOOK);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-sheet-data-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function loadApp() {
  vi.resetModules();
  return {
    db: await import("@/lib/db/client"),
    generate: (await import("@/lib/generation/generate")).generate,
    provider: (await import("@/lib/together/client")).createTogetherProvider(),
    share: await import("@/lib/db/share-queries"),
    collections: await import("@/lib/db/collection-queries"),
    ownerRoute: await import("@/app/api/collections/[id]/contact-sheet/route"),
    publicRoute: await import("@/app/c/[slug]/contact-sheet/route"),
    ownerPage: await import("@/app/collections/[id]/page"),
    cPage: await import("@/app/c/[slug]/page"),
  };
}
type App = Awaited<ReturnType<typeof loadApp>>;

const as = (owner: string | null) => {
  cookie.value = owner ? signOwnerToken(owner, APP_SECRET) : undefined;
};

/**
 * How many pixels of the tile at (col, row) have colour. The sheet's background, empty tiles and
 * their dash (anti-aliased edges included) are all neutral grey; the simulator's images are not.
 */
async function imagePixels(png: Buffer, axes: SheetAxes, baseline: boolean, col: number, row: number, cellSize = 256, section = 0): Promise<number> {
  const L = contactSheetLayout(axes, baseline, cellSize, LOOK);
  const { left, top } = L.tile(col, row, section);
  const { data, info } = await sharp(png).extract({ left, top, width: L.tileWidth, height: L.tileHeight }).raw().toBuffer({ resolveWithObject: true });
  let count = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    if (!(data[i] === data[i + 1] && data[i + 1] === data[i + 2])) count++;
  }
  return count;
}
const isFilled = async (...args: Parameters<typeof imagePixels>) => (await imagePixels(...args)) > 5_000;

describe.each(databaseLanes)("contact sheet routes on $provider", ({ create }) => {
  let database: TestDatabase;
  let app: App;
  const saved = { ...process.env };
  /** generation ids by "x,y", and the baseline's. */
  const cells = new Map<string, string>();
  let baselineId: string;

  const make = async (ownerId: string, loras: { path: string; scale: number }[], seed = 1234) =>
    app.generate({
      ownerId,
      provider: app.provider,
      input: generationInputSchema.parse({
        clientRequestId: randomUUID(),
        prompt: "a lighthouse at dusk",
        model: "black-forest-labs/FLUX.1-dev-lora",
        width: 512,
        height: 384,
        steps: 4,
        n: 1,
        seed,
        loras: loras.map((l) => ({ ...l, triggers: [] })),
      }),
    });

  /** A sweep collection of A's with the 3 × 3 cells (and the baseline when asked). */
  const sweep = async (name: string, options: { baseline?: boolean; axes?: string | null; kind?: "manual" | "sweep" } = {}) => {
    const c = await app.collections.createCollection(A, { name, kind: options.kind ?? "sweep", axes: options.axes === undefined ? JSON.stringify(AXES) : options.axes });
    const put = (generationId: string, cell: SweepCellRef) => app.collections.addGenerationToCollection(c.id, generationId, A, { cell: cellJson(cell) });
    if (options.baseline) expect(await put(baselineId, { baseline: true })).toBe(true);
    for (const [key, id] of cells) {
      const [x, y] = key.split(",").map(Number);
      expect(await put(id, { x, y })).toBe(true);
    }
    return c;
  };

  const ownerSheet = (id: string, query = "") =>
    app.ownerRoute.GET(new Request(`http://127.0.0.1/api/collections/${id}/contact-sheet${query}`), { params: Promise.resolve({ id }) } as never);
  const publicSheet = (slug: string, query = "") =>
    app.publicRoute.GET(new Request(`http://127.0.0.1/c/${slug}/contact-sheet${query}`), { params: Promise.resolve({ slug }) } as never);
  const png = async (res: Response) => {
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get("content-length")).toBe(String(body.length));
    const meta = await sharp(body).metadata();
    expect(meta.format).toBe("png");
    return { body, width: meta.width, height: meta.height };
  };

  beforeAll(async () => {
    database = await create();
    migrateDeploy(database.url);
    process.env = { ...saved, DATABASE_URL: database.url, DATA_DIR: dataDir, TOGETHER_API_KEY: "", APP_SECRET, S3_BUCKET: "", PUBLIC_BASE_URL: "" };
    app = await loadApp();
    await app.db.disconnectDb();
    // One image per cell: LoRA 1 at the x scale, LoRA 2 at the y scale, same prompt and seed.
    for (const [y, ys] of AXES.y!.values.entries()) {
      for (const [x, xs] of AXES.x!.values.entries()) {
        const g = await make(A, [
          { path: TAROT, scale: xs },
          { path: `${TAROT}-second`, scale: ys },
        ]);
        cells.set(`${x},${y}`, g.id);
      }
    }
    baselineId = (await make(A, [])).id;
  }, 180_000);

  afterAll(async () => {
    await app?.db.disconnectDb();
    process.env = saved;
    await database?.drop();
  });

  it("owner: a 3 × 3 sweep of landscape images is an 886 × 696 PNG download (landscape tiles, a caption), every tile filled, never cached", async () => {
    const c = await sweep("Tarot × second, scales");
    as(A);
    const res = await ownerSheet(c.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="lorascope-sweep-tarot-second-scales\.png"; filename\*=UTF-8''/);
    const sheet = await png(res);
    // 256 × 192 tiles: 48 + 3·192 + 2·8 + 8 = 648 for the grid, two caption lines (2·20 + 8) under it.
    expect([sheet.width, sheet.height]).toEqual([886, 696]);
    expect([sheet.width, sheet.height]).toEqual([sheetLayout(false).width, sheetLayout(false).height]);
    for (let row = 0; row < 3; row++) for (let col = 0; col < 3; col++) expect(await isFilled(sheet.body, AXES, false, col, row), `${col},${row}`).toBe(true);
  });

  it("owner: a baseline adds a leading column; ?size= changes the tile size and is validated", async () => {
    const c = await sweep("With baseline", { baseline: true });
    as(A);
    const withBaseline = sheetLayout(true, 256);
    const sheet = await png(await ownerSheet(c.id));
    expect([sheet.width, sheet.height]).toEqual([withBaseline.width, withBaseline.height]);
    expect(sheet.width).toBe(886 + 256 + 8);
    expect(await isFilled(sheet.body, AXES, true, 0, 0)).toBe(true); // the baseline, first row
    expect(await imagePixels(sheet.body, AXES, true, 0, 1)).toBe(0); // nothing under it
    expect(await isFilled(sheet.body, AXES, true, 3, 2)).toBe(true);

    const small = await png(await ownerSheet(c.id, "?size=128"));
    const at128 = sheetLayout(true, 128);
    expect([small.width, small.height]).toEqual([at128.width, at128.height]);
    for (const bad of ["?size=100", "?size=513", "?size=abc", "?size=256.5"]) {
      const res = await ownerSheet(c.id, bad);
      expect(res.status, bad).toBe(400);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.text()).toMatch(/size/);
    }
  });

  it("owner: a removed or deleted result leaves its tile empty; the sheet keeps its size", async () => {
    const c = await sweep("Gaps");
    expect(await app.collections.removeGenerationFromCollection(c.id, cells.get("1,1")!, A)).toBe(true);
    await app.db.getDb().generation.update({ where: { id: cells.get("2,0")! }, data: { deletedAt: new Date() } });
    try {
      as(A);
      const sheet = await png(await ownerSheet(c.id));
      expect([sheet.width, sheet.height]).toEqual([886, 696]);
      expect(await imagePixels(sheet.body, AXES, false, 1, 1)).toBe(0);
      expect(await imagePixels(sheet.body, AXES, false, 2, 0)).toBe(0);
      expect(await isFilled(sheet.body, AXES, false, 0, 0)).toBe(true);
    } finally {
      await app.db.getDb().generation.update({ where: { id: cells.get("2,0")! }, data: { deletedAt: null } });
    }
  });

  it("owner: another owner, no cookie, an unknown or malformed id all get the same 404", async () => {
    const c = await sweep("Private");
    for (const [who, id] of [[B, c.id], [null, c.id], [A, randomUUID()], [A, "../etc"]] as const) {
      as(who);
      const res = await ownerSheet(id);
      expect(res.status, `${who} ${id}`).toBe(404);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("content-type")).not.toBe("image/png");
      expect(await res.text()).toBe("Not found");
    }
  });

  it("a collection that is not a sweep (manual, or unreadable axes) has no sheet", async () => {
    const manual = await sweep("Manual", { kind: "manual", axes: null });
    const broken = await sweep("Broken axes", { axes: "{not json" });
    as(A);
    for (const c of [manual, broken]) {
      const res = await ownerSheet(c.id);
      expect(res.status).toBe(404);
      expect(await res.text()).toMatch(/not a sweep/i);
      const slug = (await app.share.shareCollection(c.id, A))!;
      const shared = await publicSheet(slug);
      expect(shared.status).toBe(404);
      expect(await shared.text()).toMatch(/not a sweep/i);
    }
  });

  it("public: the sheet works while shared, with no cookie; revoked or unknown slugs are 404", async () => {
    const c = await sweep("Shared sweep", { baseline: true });
    const slug = (await app.share.shareCollection(c.id, A))!;
    as(null);
    const res = await publicSheet(slug);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-robots-tag")).toBe("noindex");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="lorascope-sweep-shared-sweep\.png"/);
    const sheet = await png(res);
    const L = sheetLayout(true, 256);
    expect([sheet.width, sheet.height]).toEqual([L.width, L.height]);
    expect((await publicSheet(slug, "?size=9999")).status).toBe(400);

    expect(await app.share.unshareCollection(c.id, A)).toBe(true);
    const gone = await publicSheet(slug);
    expect(gone.status).toBe(404);
    expect(gone.headers.get("cache-control")).toBe("no-store");
    for (const unknown of ["A".repeat(24), "short", "../x"]) expect((await publicSheet(unknown)).status).toBe(404);
  });

  it("pages: the owner's sweep page gets the grid with owner image URLs; the public page links the sheet", async () => {
    const c = await sweep("Pages", { baseline: true });
    as(A);
    const element = (await app.ownerPage.default({ params: Promise.resolve({ id: c.id }) } as never)) as { props: { sweep: { axes: SweepAxes; items: { key: string; cell: SweepCellRef | null; images: { url: string }[] }[]; contactSheetHref: string } | null } };
    const { sweep: grid } = element.props;
    expect(grid).not.toBeNull();
    // Named after the LoRAs whose scales follow them (no card here, so read from the links), as the sheet names them.
    expect(grid!.axes).toEqual({ x: { ...AXES.x, name: "flux tarot v1 scale" }, y: { ...AXES.y, name: "flux tarot v1 second scale" } });
    expect(grid!.contactSheetHref).toBe(`/api/collections/${c.id}/contact-sheet`);
    expect(grid!.items).toHaveLength(10);
    expect(grid!.items[0]).toMatchObject({ key: baselineId, cell: { baseline: true } });
    expect(grid!.items.find((i) => i.key === cells.get("2,1"))!.cell).toEqual({ x: 2, y: 1 });
    for (const item of grid!.items) expect(item.images[0].url).toMatch(/^\/api\/images\/[^/?]+\?v=[0-9a-f]{16}$/);

    const manual = await sweep("Not a grid", { kind: "manual", axes: null });
    const plain = (await app.ownerPage.default({ params: Promise.resolve({ id: manual.id }) } as never)) as { props: { sweep: unknown } };
    expect(plain.props.sweep).toBeNull();

    const slug = (await app.share.shareCollection(c.id, A))!;
    as(null);
    const html = renderToStaticMarkup((await app.cPage.default({ params: Promise.resolve({ slug }) } as never)) as never);
    expect(html).toMatch(new RegExp(`<a href="/c/${slug}/contact-sheet" download=""[^>]*><span aria-hidden="true">⤓</span>Download contact sheet</a>`));
    expect(html).toContain("No LoRA");
    expect(html).toContain('rowSpan="3"');
  });

  it("og tags: a shared sweep previews as its contact sheet (the grid, at its real size), titled at a word boundary", async () => {
    const name = "Tarot 0.3–0.9 × second 0.5–1.5 · a lighthouse at dusk above the harbour wall";
    const c = await sweep(name, { baseline: true });
    const slug = (await app.share.shareCollection(c.id, A))!;
    as(null);
    const meta = await app.cPage.generateMetadata({ params: Promise.resolve({ slug }) } as never);
    const og = meta.openGraph as { title: string; images: { url: string; width: number; height: number; alt: string }[] };
    const L = sheetLayout(true, 256);
    expect(og.images).toHaveLength(1);
    expect(og.images[0]).toMatchObject({ url: `/c/${slug}/contact-sheet`, width: L.width, height: L.height });
    expect(og.images[0].alt).toMatch(/^Contact sheet of /);
    expect((meta.twitter as { images: { url: string }[] }).images[0].url).toBe(`/c/${slug}/contact-sheet`);
    // What the og:image URL serves is that grid, at the size announced.
    const sheet = await png(await publicSheet(slug));
    expect([sheet.width, sheet.height]).toEqual([L.width, L.height]);
    // The title: within 70 characters, cut after a whole word, with an ellipsis.
    expect(og.title.length).toBeLessThanOrEqual(70);
    expect(og.title.endsWith("…")).toBe(true);
    const kept = og.title.slice(0, -1);
    expect(name.startsWith(kept)).toBe(true);
    expect(name[kept.length]).toBe(" ");
    expect(meta.title).toBe(og.title);
  });

  it("a grid collection: labelled pages, a sheet with one grid per Z value, its og:image; a malformed plan is a plain list, never a 500", async () => {
    const plan = {
      axes: {
        x: { kind: "lora1-scale", name: "Tarot scale", labels: ["0.3", "0.6", "0.9"] },
        z: { kind: "lora2-scale", name: "Second scale", labels: ["0.5", "1", "1.5"] },
      },
      separateBaseline: true,
    };
    const make = async (name: string, axes: string) => {
      const c = await app.collections.createCollection(A, { name, kind: "grid", axes });
      await app.collections.addGenerationToCollection(c.id, baselineId, A, { cell: JSON.stringify({ z: 1, baseline: true }) });
      for (const [key, id] of cells) {
        const [x, y] = key.split(",").map(Number);
        expect(await app.collections.addGenerationToCollection(c.id, id, A, { cell: JSON.stringify({ z: y, x, y: null }) })).toBe(true);
      }
      return c;
    };
    const good = await make("A grid", JSON.stringify(plan));
    as(A);
    const element = (await app.ownerPage.default({ params: Promise.resolve({ id: good.id }) } as never)) as {
      props: { collection: { kind: string }; grid: { layout: { slices: { label: string; baseline: { item: unknown } | null; rows: { slots: { item: { key: string } | null }[] }[] }[] }; contactSheetHref: string } | null };
    };
    expect(element.props.collection.kind).toBe("grid");
    const layout = element.props.grid!.layout;
    expect(layout.slices.map((s) => s.label)).toEqual(["0.5", "1", "1.5"]);
    expect(layout.slices.map((s) => s.baseline?.item !== null)).toEqual([false, true, false]);
    expect(layout.slices[2].rows[0].slots[1].item!.key).toBe(cells.get("1,2"));

    // The sheet: one 3-column grid (plus the baseline column) per Z value, stacked, as announced by og:image.
    const owner = await png(await ownerSheet(good.id));
    const slug = (await app.share.shareCollection(good.id, A))!;
    as(null);
    const shared = await png(await publicSheet(slug));
    expect([shared.width, shared.height]).toEqual([owner.width, owner.height]);
    const sheetAxes: SheetAxes = { x: { name: "Tarot scale", labels: plan.axes.x.labels }, z: { name: "Second scale", labels: plan.axes.z.labels } };
    const L = contactSheetLayout(sheetAxes, true, 256, LOOK);
    expect([L.sections, L.cols, L.rows, L.width, L.height]).toEqual([3, 4, 1, shared.width, shared.height]);
    // Only Z 1 has its baseline; every scale tile of every Z is filled.
    expect(await Promise.all([0, 1, 2].map((z) => isFilled(shared.body, sheetAxes, true, 0, 0, 256, z)))).toEqual([false, true, false]);
    for (const z of [0, 1, 2]) for (const col of [1, 2, 3]) expect(await isFilled(shared.body, sheetAxes, true, col, 0, 256, z), `${col} ${z}`).toBe(true);
    const og = (await app.cPage.generateMetadata({ params: Promise.resolve({ slug }) } as never)).openGraph as { images: { url: string; width: number; height: number }[] };
    expect(og.images[0]).toMatchObject({ url: `/c/${slug}/contact-sheet`, width: shared.width, height: shared.height });
    const html = renderToStaticMarkup((await app.cPage.default({ params: Promise.resolve({ slug }) } as never)) as never);
    expect(html).toContain("Shared grid");
    expect(html).toContain('role="tablist"');
    expect(html).toContain('alt="Tarot scale 0.6, Second scale 1.5"');

    // An unreadable plan: the plain list on both pages, no sheet.
    const bad = await make("A broken grid", '{"axes":{"x":{"name":"x"}}}');
    as(A);
    const plain = (await app.ownerPage.default({ params: Promise.resolve({ id: bad.id }) } as never)) as { props: { grid: unknown; sweep: unknown } };
    expect([plain.props.grid, plain.props.sweep]).toEqual([null, null]);
    expect((await ownerSheet(bad.id)).status).toBe(404);
    const badSlug = (await app.share.shareCollection(bad.id, A))!;
    as(null);
    const badHtml = renderToStaticMarkup((await app.cPage.default({ params: Promise.resolve({ slug: badSlug }) } as never)) as never);
    expect(badHtml).toContain("Shared collection");
    expect(badHtml).not.toContain("<table");
    expect((await publicSheet(badSlug)).status).toBe(404);
  });
});
