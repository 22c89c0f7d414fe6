import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db/client";
import { addOwnerLora, getLoraPreferences, saveLoraDefaults, setLoraFavorite } from "@/lib/db/lora-catalog-queries";
import { generate } from "@/lib/generation/generate";
import { generationInputSchema } from "@/lib/generation/schema";
import { invalidateCatalogCache } from "@/lib/loras/search/catalog";
import { civitaiSearchUrl, searchCivitai } from "@/lib/loras/search/civitai";
import { hfSearchUrl, searchHuggingFace } from "@/lib/loras/search/huggingface";
import { listCatalog, searchLoras } from "@/lib/loras/search/service";
import { ensureStarterCatalog, starterRows } from "@/lib/loras/starter";
import { createTogetherProvider } from "@/lib/together/client";
import { startHubServers, type HubServers } from "../support/hub-servers";
import { databaseLanes, migrateDeploy, type TestDatabase } from "../support/test-database";

// LoRA search end to end on each database lane: starter seeding, ranking with usage and
// favorites, per-owner defaults, and the remote adapters against loopback hub stand-ins.

const FLUX1 = "black-forest-labs/FLUX.1-dev-lora";
const TAROT = "https://huggingface.co/multimodalart/flux-tarot-v1";
const ISO = "https://huggingface.co/strangerzonehf/Flux-Isometric-3D-LoRA";
const ISO_CINE = "https://huggingface.co/strangerzonehf/Flux-Isometric-3D-Cinematography";
const NEW_PATH = "https://huggingface.co/acme/flux-styles/resolve/main/loras/v1/style.safetensors";
const ownerA = "owner-aaaaaaaaaaaaaaaaaaaa";
const ownerB = "owner-bbbbbbbbbbbbbbbbbbbb";

let hubs: HubServers;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-data-"));
const saved = Object.fromEntries(["DATABASE_URL", "DATA_DIR", "TOGETHER_API_KEY", "ALLOW_PRIVATE_FETCH", "HF_ENDPOINT", "CIVITAI_BASE_URL"].map((k) => [k, process.env[k]]));

beforeAll(async () => {
  hubs = await startHubServers();
  // Configuration is read once per process: set before anything calls env().
  Object.assign(process.env, { DATA_DIR: dataDir, TOGETHER_API_KEY: "", ALLOW_PRIVATE_FETCH: "true", HF_ENDPOINT: hubs.hf.endpoint, CIVITAI_BASE_URL: hubs.civitai.baseUrl });
});

afterAll(async () => {
  await hubs?.close();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.each(databaseLanes)("LoRA search on $provider", ({ create }) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await create();
    migrateDeploy(database.url);
    process.env.DATABASE_URL = database.url;
    await disconnectDb();
    invalidateCatalogCache();
  }, 120_000);

  afterAll(async () => {
    await disconnectDb();
    await database?.drop();
  });

  it("seeds the starter set once, idempotently", async () => {
    await Promise.all([ensureStarterCatalog(), ensureStarterCatalog()]);
    const db = getDb();
    const expected = starterRows().length;
    expect(await db.lora.count({ where: { starter: true } })).toBe(expected);
    await ensureStarterCatalog();
    expect(await db.lora.count()).toBe(expected);

    const tarot = await db.lora.findFirstOrThrow({ where: { path: TAROT } });
    expect(tarot).toMatchObject({ title: "Tarot", base: "flux1", starter: true, metadataAvailable: false, usageCount: 0 });
    expect(JSON.parse(tarot.triggers)).toEqual(["in the style of TOK a trtcrd tarot style"]);
    const card = JSON.parse(tarot.card);
    expect(card.verdicts[FLUX1].status).toBe("compatible");
    // A starter with a `weights` file keeps its repo link as the path.
    expect(await db.lora.count({ where: { path: "https://huggingface.co/strangerzonehf/Flux-Super-Realism-LoRA" } })).toBe(1);
  });

  it("finds Tarot first for 'tarot', with a prefix and with a typo, without remote", async () => {
    for (const q of ["tarot", "tar", "tarrot"]) {
      const out = await searchLoras(null, { query: q, modelId: FLUX1 });
      expect(out.remoteStatus).toBe("skipped");
      expect(out.local[0]).toMatchObject({ path: TAROT, title: "Tarot", starter: true, remote: false, favorite: false, preference: null });
    }
    const empty = await searchLoras(null, { query: "", modelId: FLUX1 });
    expect(empty.local.length).toBeGreaterThanOrEqual(20);
  });

  it("the browse page's search (q) narrows the catalog the same way, within the filters", async () => {
    const all = await listCatalog(null, { limit: 100 });
    for (const q of ["tarot", "  Tarrot ", "trtcrd"]) {
      const page = await listCatalog(null, { q, limit: 100 });
      expect(page.items[0]?.path, q).toBe(TAROT);
      expect(page.total).toBeLessThan(all.total);
      expect(page.total).toBe(page.items.length);
    }
    const iso = await listCatalog(null, { q: "isometric", limit: 100 });
    expect(iso.items.map((r) => r.path)).toEqual(expect.arrayContaining([ISO, ISO_CINE]));
    expect(iso.items.map((r) => r.path)).not.toContain(TAROT);
    // With a filter: only matches that also pass it.
    expect((await listCatalog(null, { q: "tarot", tag: "anime", limit: 100 })).total).toBe(0);
    expect((await listCatalog(null, { q: "tarot", tag: "card", limit: 100 })).items.map((r) => r.path)).toEqual([TAROT]);
    expect((await listCatalog(null, { q: "zzqxv nothing like it" })).total).toBe(0);
    // Blank is no search at all.
    expect((await listCatalog(null, { q: "   ", limit: 100 })).total).toBe(all.total);
  });

  it("records usage from a simulated generation, which raises the rank", async () => {
    const before = await searchLoras(null, { query: "isometric", modelId: FLUX1 });
    expect(before.local.slice(0, 2).map((r) => r.path)).toEqual([ISO, ISO_CINE]);

    const input = generationInputSchema.parse({
      clientRequestId: randomUUID(),
      prompt: "a city block",
      model: FLUX1,
      width: 512,
      height: 512,
      steps: 4,
      n: 1,
      seed: 7,
      loras: [
        { path: ISO_CINE, scale: 0.8, triggers: ["Isometric 3D Cinematography"] },
        { path: NEW_PATH, scale: 0.5, triggers: [] },
      ],
    });
    const row = await generate({ ownerId: ownerA, input, provider: createTogetherProvider() });
    expect(row.status).toBe("succeeded");

    const db = getDb();
    expect(await db.lora.findFirstOrThrow({ where: { path: ISO_CINE } })).toMatchObject({ usageCount: 1, lastUsedAt: expect.any(Date) });
    // Never resolved before: a minimal row appears, parse-only.
    expect(await db.lora.findFirstOrThrow({ where: { path: NEW_PATH } })).toMatchObject({ usageCount: 1, starter: false, metadataAvailable: false, source: "huggingface-file" });

    const after = await searchLoras(null, { query: "isometric", modelId: FLUX1 });
    expect(after.local[0]).toMatchObject({ path: ISO_CINE, usageCount: 1 });
    expect((await searchLoras(null, { query: "", modelId: FLUX1 })).local[0].usageCount).toBe(1);
  });

  it("a LoRA someone pasted or used stays theirs until a result with it is shared", async () => {
    const paths = async (owner: string | null) => (await searchLoras(owner, { query: "", modelId: FLUX1, limit: 100 })).local.map((r) => r.path);
    const browse = async (owner: string | null) => (await listCatalog(owner, { limit: 100 })).items.map((r) => r.path);
    // ownerA generated with NEW_PATH above; ownerB pastes a link of their own.
    const PASTED = "https://huggingface.co/acme/flux-styles";
    await getDb().lora.create({ data: { id: randomUUID(), key: PASTED, path: PASTED, source: "huggingface-repo", title: "flux styles", base: "flux1", card: "{}", metadataAvailable: true, fetchedAt: new Date() } });
    await addOwnerLora(ownerB, PASTED);
    invalidateCatalogCache();
    expect(await paths(ownerA)).toContain(NEW_PATH);
    expect(await paths(ownerA)).not.toContain(PASTED);
    expect(await paths(ownerB)).toContain(PASTED);
    expect(await paths(ownerB)).not.toContain(NEW_PATH);
    expect(await paths(null)).not.toContain(NEW_PATH);
    expect(await browse(null)).not.toContain(NEW_PATH);
    expect(await browse(ownerB)).toContain(PASTED);
    expect(await paths(null)).toContain(TAROT);

    const used = await getDb().generation.findFirstOrThrow({ where: { ownerId: ownerA, loras: { some: { path: NEW_PATH } } } });
    await getDb().generation.update({ where: { id: used.id }, data: { shareSlug: `slug-${randomUUID()}`, sharedAt: new Date() } });
    invalidateCatalogCache();
    expect(await paths(ownerB)).toContain(NEW_PATH);
    expect(await browse(null)).toContain(NEW_PATH);
  });

  it("keeps favorites and saved defaults per owner", async () => {
    await setLoraFavorite(ownerA, ISO, true);
    await saveLoraDefaults(ownerA, ISO, { scale: 0.65, triggers: JSON.stringify(["Isometric 3D"]), placement: "before" });

    const a = await searchLoras(ownerA, { query: "isometric", modelId: FLUX1 });
    expect(a.local[0]).toMatchObject({ path: ISO, favorite: true, preference: { scale: 0.65, triggers: ["Isometric 3D"], placement: "before" } });
    const b = await searchLoras(ownerB, { query: "isometric", modelId: FLUX1 });
    expect(b.local[0]).toMatchObject({ path: ISO_CINE, favorite: false });
    expect(b.local.find((r) => r.path === ISO)).toMatchObject({ favorite: false, preference: null });
    expect(await getLoraPreferences(ownerB)).toEqual([]);

    // Unfavoriting keeps the defaults.
    await setLoraFavorite(ownerA, ISO, false);
    expect(await getLoraPreferences(ownerA, [ISO])).toEqual([expect.objectContaining({ favorite: false, scale: 0.65, placement: "before" })]);
  });

  it("pages the catalog with filters", async () => {
    const first = await listCatalog(ownerA, { limit: 10 });
    expect(first.items).toHaveLength(10);
    expect(first.total).toBe(starterRows().length + 1);
    expect(first.items[0].usageCount).toBe(1);
    const second = await listCatalog(ownerA, { limit: 10, cursor: first.nextCursor! });
    expect(second.items.map((i) => i.path)).not.toContain(first.items[0].path);
    const anime = await listCatalog(null, { tag: "anime" });
    expect(anime.items.length).toBeGreaterThanOrEqual(3);
    expect(anime.items.every((i) => i.tags.includes("anime"))).toBe(true);
  });

  it("adds Hugging Face and Civitai hits, deduplicated against local ones", async () => {
    hubs.clearLogs();
    const out = await searchLoras(ownerA, { query: "tarot", modelId: FLUX1, includeRemote: true });
    expect(out.remoteStatus).toBe("ok");
    expect(out.local[0].path).toBe(TAROT);
    const paths = out.remote.map((r) => r.path);
    expect(paths).not.toContain(TAROT); // also on HF: shown once, as local
    expect(paths).toContain("https://huggingface.co/tarotworks/flux-tarot-deck");
    expect(paths).not.toContain("https://huggingface.co/bfl-fans/flux2-tarot-style"); // other family
    const civ = out.remote.find((r) => r.source === "civitai")!;
    expect(civ).toMatchObject({
      title: "Tarot Card Illustrations",
      path: "https://civitai.com/api/download/models/913500?type=Model&format=SafeTensor",
      pageUrl: "https://civitai.com/models/640460?modelVersionId=913500",
      triggers: ["tarot card", "arcana style"],
      remote: true,
    });
    expect(civ.previewUrl).toContain("35000002"); // the first SFW image, not the first image
    expect(hubs.hf.log.map((r) => r.path)).toEqual([hfSearchUrl("", "tarot", "flux1")]);
    expect(hubs.civitai.log.map((r) => r.path)).toEqual([civitaiSearchUrl("/api/v1", "tarot", "flux1")]);

    // Short queries and remote-off searches do not call upstream.
    hubs.clearLogs();
    expect((await searchLoras(ownerA, { query: "t", modelId: FLUX1, includeRemote: true })).remoteStatus).toBe("skipped");
    expect(hubs.hf.log).toHaveLength(0);
  });

  it("still answers locally when upstream fails or hangs", async () => {
    const hfPath = hfSearchUrl("", "tarot", "flux1");
    const civPath = civitaiSearchUrl("/api/v1", "tarot", "flux1");
    hubs.hf.fault(hfPath, { status: 500 });
    const partial = await searchLoras(null, { query: "tarot", modelId: FLUX1, includeRemote: true });
    expect(partial.remoteStatus).toBe("partial");
    expect(partial.remote.every((r) => r.source === "civitai")).toBe(true);

    hubs.civitai.fault(civPath, { hang: true });
    const started = Date.now();
    const down = await searchLoras(null, { query: "tarot", modelId: FLUX1, includeRemote: true }, { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(down).toMatchObject({ remoteStatus: "unavailable", remote: [] });
    expect(down.local[0].path).toBe(TAROT);
    hubs.hf.fault(hfPath, null);
    hubs.civitai.fault(civPath, null);
  });
});

describe("remote adapters", () => {
  it("map Hugging Face hits and never throw", async () => {
    const ok = await searchHuggingFace("anime", "flux1", { hfEndpoint: hubs.hf.endpoint, allowPrivate: true });
    expect(ok.ok).toBe(true);
    expect(ok.entries[0]).toMatchObject({ path: "https://huggingface.co/lowpoly/flux-anime-cel", base: "flux1", remote: true, downloads: 980, tags: ["anime"] });
    const aborted = new AbortController();
    aborted.abort();
    const failed = await searchHuggingFace("anime", "flux1", { hfEndpoint: hubs.hf.endpoint, allowPrivate: true, signal: aborted.signal });
    expect(failed).toMatchObject({ ok: false, entries: [] });
  });

  it("map Civitai hits for FLUX.1 only", async () => {
    const res = await searchCivitai("", "flux1", { civitaiBaseUrl: hubs.civitai.baseUrl, allowPrivate: true });
    expect(res.ok).toBe(true);
    const titles = res.entries.map((e) => e.title);
    expect(titles).toEqual(expect.arrayContaining(["Retro Pixel Art FLUX", "Tarot Card Illustrations"]));
    expect(titles).not.toContain("Watercolor XL");
    expect(titles).not.toContain("Full Flux Merge"); // a checkpoint
  });
});
