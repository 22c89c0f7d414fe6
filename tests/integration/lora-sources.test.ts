import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FetchGuardError } from "@/lib/net/guarded-fetch";
import { parseLoraLink, type ParsedLoraLinkOk } from "@/lib/loras/link";
import { baseFromStated } from "@/lib/loras/sources/base-model";
import { LoraNotFoundError, MetadataUnavailableError, resolveMetadata, type ResolveOptions } from "@/lib/loras/sources";
import { replicateTriggers } from "@/lib/loras/sources/replicate";
import { splitTriggers } from "@/lib/loras/sources/triggers";
import { BLACK_LIGHT_VERSION, startHubServers, type HubServers } from "../support/hub-servers";

let hubs: HubServers;
let opts: ResolveOptions;

beforeAll(async () => {
  hubs = await startHubServers();
});
afterAll(() => hubs.close());
beforeEach(() => {
  hubs.clearLogs();
  // Stand-ins live on 127.0.0.1; tokens are explicit so the developer's environment cannot leak in.
  opts = {
    allowPrivate: true,
    timeoutMs: 2000,
    hfEndpoint: hubs.hf.endpoint,
    hfToken: "",
    civitaiBaseUrl: hubs.civitai.baseUrl,
    civitaiToken: "",
    replicateBaseUrl: hubs.replicate.baseUrl,
    replicateToken: "",
  };
});

function parsed(link: string): ParsedLoraLinkOk {
  const p = parseLoraLink(link);
  if (!p.ok) throw new Error(`fixture link rejected: ${p.reason}`);
  return p;
}
const paths = (log: { path: string }[]) => log.map((r) => r.path);
const codes = (w: { code: string }[]) => w.map((x) => x.code);

describe("Hugging Face", () => {
  it("reads a single-file repo: triggers, base, preview, file, license, sizes", async () => {
    const meta = await resolveMetadata(parsed("https://huggingface.co/multimodalart/flux-tarot-v1"), opts);
    expect(meta).toMatchObject({
      title: "flux tarot v1",
      author: "multimodalart",
      triggers: ["in the style of TOK a trtcrd tarot style"],
      baseModel: "black-forest-labs/FLUX.1-dev",
      base: "flux1",
      previewUrl: `${hubs.hf.endpoint}/multimodalart/flux-tarot-v1/resolve/main/images/keeper.png`,
      fileUrl: `${hubs.hf.endpoint}/multimodalart/flux-tarot-v1/resolve/main/flux_tarot_v1_lora.safetensors`,
      fileName: "flux_tarot_v1_lora.safetensors",
      fileSize: 171969680,
      license: "flux-1-dev-non-commercial-license",
      nsfw: false,
      tags: ["tarot", "illustration"],
      stats: { downloads: 4312, likes: 412 },
    });
    expect(meta.examplePrompts).toHaveLength(2);
    expect(meta.triggers).not.toContain(meta.examplePrompts![0]);
    expect(meta.warnings).toEqual([]);
    expect(meta.path).toBeUndefined();
    expect(paths(hubs.hf.log)).toEqual(["/api/models/multimodalart/flux-tarot-v1", "/api/models/multimodalart/flux-tarot-v1/tree/main"]);
    expect(hubs.hf.log.every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it("sends HF_TOKEN as a bearer token on every hub request", async () => {
    await resolveMetadata(parsed("https://huggingface.co/multimodalart/flux-tarot-v1"), { ...opts, hfToken: "hf_test_token" });
    expect(hubs.hf.log).toHaveLength(2);
    expect(hubs.hf.log.every((r) => r.headers.authorization === "Bearer hf_test_token")).toBe(true);
  });

  it("lists the files of a multi-file repo link as /resolve/ choices with sizes", async () => {
    const meta = await resolveMetadata(parsed("https://huggingface.co/XLabs-AI/flux-lora-collection"), opts);
    expect(codes(meta.warnings)).toEqual(["multiple_files", "no_triggers"]);
    expect(meta.warnings[0].message).toMatch(/5 \.safetensors files.*anime_lora\.safetensors/);
    expect(meta.fileUrl).toBeNull();
    expect(meta.base).toBe("flux1"); // from the base_model: tag alone
    expect(meta.fileChoices).toHaveLength(5);
    expect(meta.fileChoices![0]).toEqual({ name: "anime_lora.safetensors", path: "https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors", size: 22420600 });
    for (const c of meta.fileChoices!) expect(parseLoraLink(c.path)).toMatchObject({ ok: true, source: "huggingface-file", path: c.path });
  });

  it("reads one file of a multi-file repo without asking to pick", async () => {
    const meta = await resolveMetadata(parsed("https://huggingface.co/XLabs-AI/flux-lora-collection/blob/main/anime_lora.safetensors"), opts);
    expect(meta).toMatchObject({ title: "flux lora collection: anime lora", fileName: "anime_lora.safetensors", fileSize: 22420600, fileUrl: `${hubs.hf.endpoint}/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors` });
    expect(codes(meta.warnings)).not.toContain("multiple_files");
    expect(meta.fileChoices).toBeUndefined();
  });

  it("narrows a /tree/ folder link to the one file in it and completes the path", async () => {
    const meta = await resolveMetadata(parsed("https://huggingface.co/acme/flux-styles/tree/main/loras/v2"), opts);
    expect(meta.path).toBe("https://huggingface.co/acme/flux-styles/resolve/main/loras/v2/style.safetensors");
    expect(meta).toMatchObject({ fileName: "style.safetensors", fileSize: 19500000, triggers: ["wbgmsst", "white background"] });
    expect(codes(meta.warnings)).toContain("link_rewritten");
    expect(paths(hubs.hf.log)).toContain("/api/models/acme/flux-styles/tree/main/loras/v2");
  });

  it("warns that a gated repo cannot be downloaded by Together", async () => {
    const meta = await resolveMetadata(parsed("https://huggingface.co/acme/flux-gated-style"), opts);
    expect(codes(meta.warnings)).toContain("gated");
    expect(meta.warnings.find((w) => w.code === "gated")!.message).toMatch(/access approval.*Together cannot download/);
  });

  it("warns when a repo has no .safetensors file, naming the pickled one", async () => {
    const meta = await resolveMetadata(parsed("acme/sd15-pickled"), opts);
    expect(meta.warnings[0]).toMatchObject({ code: "no_safetensors", message: expect.stringMatching(/pytorch_lora_weights\.bin/) });
    expect(meta).toMatchObject({ base: "sd15", nsfw: true, triggers: ["sks person"], license: "creativeml-openrail-m", fileUrl: null });
    expect(paths(hubs.hf.log)).toEqual(["/api/models/acme/sd15-pickled"]); // no tree: nothing to size
  });

  it("says a missing or private repo does not exist (401 without a token, 404 with one)", async () => {
    const p = parsed("https://huggingface.co/nobody/missing-lora");
    await expect(resolveMetadata(p, opts)).rejects.toThrow(LoraNotFoundError);
    await expect(resolveMetadata(p, opts)).rejects.toThrow(/does not exist or is private\.$/);
    await expect(resolveMetadata(p, { ...opts, hfToken: "hf_x" })).rejects.toThrow(/or HF_TOKEN is not valid/);
  });

  it("says when a linked file is not in the repo", async () => {
    await expect(resolveMetadata(parsed("https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/nope.safetensors"), opts)).rejects.toThrow(/has no file nope\.safetensors.*anime_lora/);
  });

  it("asks for the linked revision", async () => {
    await resolveMetadata(parsed("https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/refs%2Fpr%2F1/art_lora.safetensors"), opts);
    expect(hubs.hf.log[0].path).toBe("/api/models/XLabs-AI/flux-lora-collection/revision/refs%2Fpr%2F1");
  });

  it("turns upstream 500s and timeouts into MetadataUnavailableError", async () => {
    hubs.hf.fault("/api/models/multimodalart/flux-tarot-v1", { status: 500 });
    await expect(resolveMetadata(parsed("multimodalart/flux-tarot-v1"), opts)).rejects.toThrow(MetadataUnavailableError);
    hubs.hf.fault("/api/models/multimodalart/flux-tarot-v1", { hang: true });
    const started = Date.now();
    const err = await resolveMetadata(parsed("multimodalart/flux-tarot-v1"), { ...opts, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MetadataUnavailableError);
    expect(((err as Error).cause as FetchGuardError).code).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2000);
    hubs.hf.fault("/api/models/multimodalart/flux-tarot-v1", null);
  });

  it("still answers when only the file listing fails (sizes are optional)", async () => {
    hubs.hf.fault("/api/models/multimodalart/flux-tarot-v1/tree/main", { status: 500 });
    const meta = await resolveMetadata(parsed("multimodalart/flux-tarot-v1"), opts);
    expect(meta).toMatchObject({ fileName: "flux_tarot_v1_lora.safetensors", fileSize: null });
    hubs.hf.fault("/api/models/multimodalart/flux-tarot-v1/tree/main", null);
  });

  it("goes through the fetch guard: loopback is refused unless allowed", async () => {
    const err = await resolveMetadata(parsed("multimodalart/flux-tarot-v1"), { ...opts, allowPrivate: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MetadataUnavailableError);
    expect(hubs.hf.log).toHaveLength(0);
  });
});

describe("Civitai", () => {
  it("reads a FLUX version: trained words, base, SFW preview, primary SafeTensor file", async () => {
    const meta = await resolveMetadata(parsed("https://civitai.com/models/640459?modelVersionId=913438"), opts);
    expect(meta).toMatchObject({
      title: "Retro Pixel Art FLUX",
      triggers: ["p1x3l art", "pixel art"],
      baseModel: "Flux.1 D",
      base: "flux1",
      fileName: "retro_pixel_flux_v2.safetensors",
      fileSize: Math.round(18750.2265625 * 1024),
      fileUrl: `${hubs.civitai.origin}/api/download/models/913438`,
      nsfw: false,
      pageUrl: "https://civitai.com/models/640459?modelVersionId=913438",
      stats: { downloads: 18211, likes: 2104 },
    });
    expect(meta.previewUrl).toMatch(/31000001\.jpeg$/);
    expect(meta.examplePrompts).toEqual(["p1x3l art, a lighthouse on a cliff at dusk, pixel art", "p1x3l art, a knight resting by a campfire"]);
    expect(meta.warnings).toEqual([]);
    expect(meta.path).toBeUndefined(); // the parsed download path already stands
    expect(paths(hubs.civitai.log)).toEqual(["/api/v1/model-versions/913438"]);
    expect(hubs.civitai.log[0].headers.authorization).toBeUndefined();
  });

  it("sends CIVITAI_TOKEN as a bearer token", async () => {
    await resolveMetadata(parsed("https://civitai.com/api/download/models/913438"), { ...opts, civitaiToken: "civ_test" });
    expect(hubs.civitai.log.map((r) => r.headers.authorization)).toEqual(["Bearer civ_test"]);
  });

  it("resolves a model page link without a version to its newest version's download path", async () => {
    const p = parsed("https://civitai.com/models/640459/retro-pixel-art");
    expect(p.path).toBeNull();
    const meta = await resolveMetadata(p, opts);
    expect(meta.path).toBe("https://civitai.com/api/download/models/913438?type=Model&format=SafeTensor");
    expect(parseLoraLink(meta.path!)).toMatchObject({ ok: true, source: "civitai" });
    expect(meta).toMatchObject({ author: "pixelsmith", tags: ["pixel art", "style", "retro"], pageUrl: "https://civitai.com/models/640459?modelVersionId=913438" });
    expect(paths(hubs.civitai.log)).toEqual(["/api/v1/models/640459"]);
  });

  it("skips a newest version that has no SafeTensor file", async () => {
    const meta = await resolveMetadata(parsed("https://civitai.com/models/300003"), opts);
    expect(meta).toMatchObject({ path: "https://civitai.com/api/download/models/400003?type=Model&format=SafeTensor", base: "flux1", baseModel: "Flux.1 S", tags: ["sketch"] });
  });

  it("maps SDXL and Pony to sdxl", async () => {
    expect(await resolveMetadata(parsed("https://civitai.com/models/250002?modelVersionId=281190"), opts)).toMatchObject({ base: "sdxl", baseModel: "SDXL 1.0" });
    expect(await resolveMetadata(parsed("https://civitai.com/api/download/models/888002"), opts)).toMatchObject({ base: "sdxl", baseModel: "Pony" });
  });

  it("flags NSFW models and keeps adult previews and prompts out when a safe one exists", async () => {
    const meta = await resolveMetadata(parsed("https://civitai.com/api/download/models/888002"), opts);
    expect(meta.nsfw).toBe(true);
    expect(codes(meta.warnings)).toContain("nsfw");
    expect(meta.previewUrl).toMatch(/33000003\.jpeg$/);
    expect(meta.examplePrompts).toEqual(["glamour pinup, portrait in a red dress"]);
  });

  it("warns about early access and about models that are not LoRAs", async () => {
    const early = await resolveMetadata(parsed("https://civitai.com/api/download/models/990001"), opts);
    expect(early.warnings[0]).toMatchObject({ code: "needs_token", message: expect.stringMatching(/early access until 2099-01-01/) });
    const ckpt = await resolveMetadata(parsed("https://civitai.com/api/download/models/700002"), opts);
    expect(ckpt.warnings[0]).toMatchObject({ code: "not_lora", message: expect.stringMatching(/Checkpoint, not a LoRA/) });
  });

  it("says a missing version or model does not exist; 500 is unavailable", async () => {
    await expect(resolveMetadata(parsed("https://civitai.com/api/download/models/123"), opts)).rejects.toThrow(LoraNotFoundError);
    await expect(resolveMetadata(parsed("https://civitai.com/models/123"), opts)).rejects.toThrow(/Civitai model \(123\) does not exist/);
    hubs.civitai.fault("/api/v1/model-versions/913438", { status: 500, body: { error: "Failed to fetch model version details" } });
    await expect(resolveMetadata(parsed("https://civitai.com/api/download/models/913438"), opts)).rejects.toThrow(MetadataUnavailableError);
    hubs.civitai.fault("/api/v1/model-versions/913438", null);
  });

  it("treats an answer in the wrong shape as unavailable, not a crash", async () => {
    hubs.civitai.fault("/api/v1/model-versions/913438", { status: 200, body: ["not", "an", "object"] });
    await expect(resolveMetadata(parsed("https://civitai.com/api/download/models/913438"), opts)).rejects.toThrow(MetadataUnavailableError);
    hubs.civitai.fault("/api/v1/model-versions/913438", { status: 200, body: { id: 913438, files: "nope", images: [{ url: 42 }], trainedWords: "x" } });
    const meta = await resolveMetadata(parsed("https://civitai.com/api/download/models/913438"), opts);
    expect(meta).toMatchObject({ title: "Civitai model 913438", triggers: [], previewUrl: null, base: "unknown" });
    hubs.civitai.fault("/api/v1/model-versions/913438", null);
  });
});

describe("Replicate", () => {
  it("without a token: what the link says, a warning, and no request", async () => {
    const meta = await resolveMetadata(parsed("https://replicate.com/fofr/flux-black-light"), opts);
    expect(meta).toMatchObject({ title: "flux black light", author: "fofr", base: "unknown", triggers: [] });
    expect(meta.warnings).toEqual([{ code: "metadata_unavailable", message: "Replicate metadata needs REPLICATE_API_TOKEN; the link still works with Together." }]);
    expect(hubs.replicate.log).toHaveLength(0);
  });

  it("with a token: description trigger, cover preview, example prompt, FLUX.1 trainer schema", async () => {
    const meta = await resolveMetadata(parsed(`https://replicate.com/fofr/flux-black-light/versions/${BLACK_LIGHT_VERSION}`), { ...opts, replicateToken: hubs.replicate.token });
    expect(meta).toMatchObject({
      title: "flux black light",
      author: "fofr",
      triggers: ["BLKLGHT"],
      base: "flux1",
      previewUrl: "https://tjzk.replicate.delivery/models_models_cover_image/0b1f2e3d-black-light.webp",
      stats: { runs: 21876 },
    });
    expect(meta.examplePrompts![0]).toMatch(/BLKLGHT/);
    expect(meta.warnings).toEqual([]);
    expect(hubs.replicate.log.map((r) => [r.path, r.headers.authorization])).toEqual([["/v1/models/fofr/flux-black-light", `Bearer ${hubs.replicate.token}`]]);
  });

  it("takes a trigger the description states, and ignores a shouted prompt", async () => {
    const meta = await resolveMetadata(parsed("https://replicate.com/acme/flux-tok-style"), { ...opts, replicateToken: hubs.replicate.token });
    expect(meta.triggers).toEqual(["in the style of TOK"]);
    expect(meta.base).toBe("unknown");
    expect(meta.previewUrl).toBe("https://replicate.delivery/yhqm/tok-out.webp");
  });

  it("falls back to the link when the token is refused (401)", async () => {
    const meta = await resolveMetadata(parsed("https://replicate.com/fofr/flux-black-light"), { ...opts, replicateToken: "r8_wrong" });
    expect(meta.warnings[0]).toMatchObject({ code: "metadata_unavailable", message: expect.stringMatching(/refused REPLICATE_API_TOKEN \(HTTP 401\)/) });
  });

  it("says a missing model does not exist; 500 is unavailable", async () => {
    const withToken = { ...opts, replicateToken: hubs.replicate.token };
    await expect(resolveMetadata(parsed("https://replicate.com/nobody/nothing"), withToken)).rejects.toThrow(/Replicate model \(nobody\/nothing\) does not exist/);
    hubs.replicate.fault("/v1/models/fofr/flux-black-light", { status: 500 });
    await expect(resolveMetadata(parsed("https://replicate.com/fofr/flux-black-light"), withToken)).rejects.toThrow(MetadataUnavailableError);
    hubs.replicate.fault("/v1/models/fofr/flux-black-light", null);
  });
});

describe("direct files", () => {
  it("need no network: the title comes from the file name", async () => {
    const meta = await resolveMetadata(parsed("https://cdn.example.com/loras/Neon%20Noir_v2.safetensors?sig=abc"), opts);
    expect(meta).toMatchObject({ title: "Neon Noir v2", fileName: "Neon Noir_v2.safetensors", fileUrl: "https://cdn.example.com/loras/Neon%20Noir_v2.safetensors?sig=abc", base: "unknown", warnings: [] });
    expect([...hubs.hf.log, ...hubs.civitai.log, ...hubs.replicate.log]).toHaveLength(0);
  });
});

describe("heuristics", () => {
  it.each([
    ["black-forest-labs/FLUX.1-dev", "flux1"],
    ["black-forest-labs/FLUX.1-schnell", "flux1"],
    ["Flux.1 D", "flux1"],
    ["Flux.1 S", "flux1"],
    ["Flux.1 Kontext", "flux1"],
    ["black-forest-labs/FLUX.2-dev", "flux2"],
    ["Flux.2 D", "flux2"],
    ["Flux.2 Klein 9B", "unknown"],
    ["SDXL 1.0", "sdxl"],
    ["stabilityai/stable-diffusion-xl-base-1.0", "sdxl"],
    ["Pony", "sdxl"],
    ["Illustrious", "sdxl"],
    ["SD 1.5", "sd15"],
    ["runwayml/stable-diffusion-v1-5", "sd15"],
    ["SD 3.5", "unknown"],
    ["Wan Video 14B t2v", "unknown"],
  ])("base of %s is %s", (stated, base) => {
    expect(baseFromStated(stated)).toBe(base);
  });

  it("splits short trigger lists but keeps sentences whole", () => {
    expect(splitTriggers("wbgmsst, white background")).toEqual(["wbgmsst", "white background"]);
    expect(splitTriggers(["pvc figure", "nendoroid, figma"])).toEqual(["pvc figure", "nendoroid", "figma"]);
    const sentence = "The background is 4 real photos, and in the middle is a cartoon picture summarizing the real photos.";
    expect(splitTriggers(sentence)).toEqual([sentence]);
    expect(splitTriggers(null)).toEqual([]);
  });

  it("keeps Replicate triggers conservative", () => {
    expect(replicateTriggers("Use BLKLGHT in your prompt", undefined)).toEqual(["BLKLGHT"]);
    expect(replicateTriggers("The trigger is the word you trained with", { prompt: "a cat" })).toEqual([]);
    expect(replicateTriggers(null, { prompt: "a photo of TOK, RAW photo, HDR, 8K" })).toEqual(["TOK"]);
    expect(replicateTriggers(null, { prompt: 'a poster that says "GRAND OPENING"' })).toEqual([]);
    expect(replicateTriggers(null, { prompt: "A LOUD NEON SIGN" })).toEqual([]);
    expect(replicateTriggers(null, { prompt: "x", trigger_word: "ZXQ" })).toEqual(["ZXQ"]);
  });
});
