import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { generate } from "@/lib/generation/generate";
import { generationInputSchema } from "@/lib/generation/schema";
import { resolveLoraCard } from "@/lib/loras/resolve-card";
import { ensureStarterCatalog } from "@/lib/loras/starter";
import { getLoraByKey } from "@/lib/db/queries";
import type { ImageProvider } from "@/lib/together/client";
import { startFileServer, type FileServer } from "../support/file-server";
import { startHubServers, type HubServers } from "../support/hub-servers";
import { safetensorsFixtures } from "../support/safetensors-fixtures";
import { freshSqlite, migrateDeploy, type TestDatabase } from "../support/test-database";

// Pasted link → card, end to end on loopback stand-ins: Hugging Face's API and its /resolve/
// redirect to where the bytes live, the file read with Range requests, the card cached.

const FLUX1 = "black-forest-labs/FLUX.1-dev-lora";
const FLUX2 = "black-forest-labs/FLUX.2-dev";
let database: TestDatabase;
let files: FileServer;
let hubs: HubServers;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-cards-"));

beforeAll(async () => {
  const f = safetensorsFixtures();
  files = await startFileServer({ files: { "tarot.safetensors": f["flux1-diffusers"], "secretly-sdxl.safetensors": f.sdxl } });
  hubs = await startHubServers({
    hfFileRedirects: {
      "multimodalart/flux-tarot-v1/flux_tarot_v1_lora.safetensors": files.url("/files/tarot.safetensors"),
      "XLabs-AI/flux-lora-collection/anime_lora.safetensors": files.url("/files/secretly-sdxl.safetensors"),
    },
  });
  database = await freshSqlite();
  migrateDeploy(database.url);
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    TOGETHER_API_KEY: "",
    HF_ENDPOINT: hubs.hf.endpoint,
    CIVITAI_BASE_URL: hubs.civitai.baseUrl,
    REPLICATE_BASE_URL: hubs.replicate.baseUrl,
    // The stand-ins live on 127.0.0.1: the explicit opt-in for tests.
    ALLOW_PRIVATE_FETCH: "true",
  });
}, 60_000);

afterAll(async () => {
  await disconnectDb();
  await Promise.all([files.close(), hubs.close(), database.drop()]);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("resolveLoraCard", () => {
  it("a Hugging Face repo link → title, trigger, preview, FLUX.1 from the header, a verdict per model", async () => {
    const { card, cached } = await resolveLoraCard("https://huggingface.co/multimodalart/flux-tarot-v1");
    expect(cached).toBe(false);
    expect(card).toMatchObject({
      path: "https://huggingface.co/multimodalart/flux-tarot-v1",
      source: "huggingface-repo",
      triggers: ["in the style of TOK a trtcrd tarot style"],
      base: "flux1",
      metadataAvailable: true,
      fileName: "flux_tarot_v1_lora.safetensors",
    });
    expect(card.previewUrl).toContain("images/keeper.png");
    expect(card.inspection).toMatchObject({ base: "flux1", keyFamily: "diffusers" });
    expect(card.verdicts[FLUX1].status).toBe("compatible");
    expect(card.verdicts[FLUX2]).toMatchObject({ status: "incompatible", reason: expect.stringContaining("FLUX.1") });
    // Only the header was read: two small ranged requests, never the whole file.
    const ranged = files.log.filter((r) => r.path === "/files/tarot.safetensors");
    expect(ranged.map((r) => r.range)).toEqual(["bytes=0-7", expect.stringMatching(/^bytes=8-\d+$/)]);
  });

  it("a repeat answers from the database without touching the network", async () => {
    hubs.clearLogs();
    files.clearLog();
    const { card, cached } = await resolveLoraCard("  https://huggingface.co/multimodalart/flux-tarot-v1/  ");
    expect(cached).toBe(true);
    expect(card.title).toBeTruthy();
    expect(hubs.hf.log).toHaveLength(0);
    expect(files.log).toHaveLength(0);
  });

  it("a blob link is corrected, and the header shows it is really an SDXL LoRA", async () => {
    const { card, notices } = await resolveLoraCard("https://huggingface.co/XLabs-AI/flux-lora-collection/blob/main/anime_lora.safetensors");
    expect(card.path).toBe("https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors");
    expect(notices.join(" ")).toMatch(/resolve/);
    expect(card.base).toBe("sdxl");
    expect(card.verdicts[FLUX1]).toMatchObject({ status: "incompatible", reason: expect.stringContaining("SDXL") });
  });

  it("generating with a LoRA known to be incompatible is refused before anything is paid", async () => {
    let calls = 0;
    const provider: ImageProvider = { id: "together", name: "simulator", simulated: true, generate: async () => (calls++, []) };
    const input = generationInputSchema.parse({
      clientRequestId: randomUUID(),
      prompt: "a fox",
      model: FLUX1,
      width: 1024,
      height: 768,
      steps: 28,
      n: 1,
      seed: 1,
      loras: [{ path: "https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors", scale: 1, triggers: [] }],
    });
    await expect(generate({ ownerId: "owner-x", input, provider })).rejects.toMatchObject({ code: "incompatible_lora", message: expect.stringContaining("SDXL") });
    expect(calls).toBe(0);
  });

  it("upstream down: the card says metadata is unavailable instead of failing, and refreshes later", async () => {
    hubs.hf.fault("/api/models/acme/flux-styles", { status: 503 });
    const offline = await resolveLoraCard("https://huggingface.co/acme/flux-styles");
    expect(offline.card.metadataAvailable).toBe(false);
    expect(offline.card.warnings.map((w) => w.code)).toContain("metadata_unavailable");
    expect(offline.card.title).toContain("acme/flux-styles");
    hubs.hf.fault("/api/models/acme/flux-styles", null);
    const online = await resolveLoraCard("https://huggingface.co/acme/flux-styles", { refresh: true });
    expect(online.card.metadataAvailable).toBe(true);
    expect(online.card.triggers).toEqual(["wbgmsst", "white background"]);
    expect(online.card.warnings.map((w) => w.code)).toContain("multiple_files");
    expect(online.card.fileChoices.map((c) => c.path)).toEqual([
      "https://huggingface.co/acme/flux-styles/resolve/main/loras/v1/style.safetensors",
      "https://huggingface.co/acme/flux-styles/resolve/main/loras/v2/style.safetensors",
    ]);
  });

  it("a failed lookup never downgrades what an earlier lookup, a header reading or the starter set established", async () => {
    // Tarot was resolved above (FLUX.1 from its header). Now Hugging Face is down and a refresh is asked for.
    hubs.hf.fault("/api/models/multimodalart/flux-tarot-v1", { status: 503 });
    const kept = await resolveLoraCard("https://huggingface.co/multimodalart/flux-tarot-v1", { refresh: true });
    hubs.hf.fault("/api/models/multimodalart/flux-tarot-v1", null);
    expect(kept.card).toMatchObject({ base: "flux1", triggers: ["in the style of TOK a trtcrd tarot style"], metadataAvailable: true });
    expect(kept.card.inspection).toMatchObject({ base: "flux1" });
    expect(kept.card.verdicts[FLUX2].status).toBe("incompatible");
    expect(kept.card.warnings.map((w) => w.code)).toEqual(["metadata_unavailable"]);

    // A starter LoRA the stand-in does not know, offline: its curated base and phrase stay.
    await ensureStarterCatalog();
    const softpasty = "https://huggingface.co/alvdansen/softpasty-flux-dev";
    hubs.hf.fault("/api/models/alvdansen/softpasty-flux-dev", { status: 503 });
    const starter = await resolveLoraCard(softpasty);
    hubs.hf.fault("/api/models/alvdansen/softpasty-flux-dev", null);
    expect(starter.card).toMatchObject({ base: "flux1", triggers: ["araminta_illus illustration style"] });
    expect(starter.card.verdicts[FLUX1].status).toBe("compatible");
    expect(starter.card.verdicts[FLUX2].status).toBe("incompatible");
    expect(starter.card.warnings).toHaveLength(1);
    expect((await getLoraByKey(softpasty))?.base).toBe("flux1");
  });

  it("refuses links Together cannot use, with the reason", async () => {
    await expect(resolveLoraCard("https://huggingface.co/spaces/multimodalart/flux-lora-the-explorer")).rejects.toMatchObject({ code: "invalid_input" });
    await expect(resolveLoraCard("http://example.com/x.safetensors")).rejects.toMatchObject({ code: "invalid_input", message: expect.stringMatching(/https/) });
  });
});
