import http, { type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Loopback stand-ins for the Hugging Face, Civitai and Replicate metadata APIs, each on its
 * own 127.0.0.1 port (different origins, like the real ones). Answers are shaped like the
 * real APIs' (docs/lora-links.md, "Where LoRA metadata comes from"; Civitai's public API source; Replicate's models.get), with
 * made-up content. Every request is logged so tests can assert tokens and that nothing else
 * was fetched. `fault(path, …)` makes one path answer an error status or hang.
 *
 * Hugging Face  GET /api/models?search=&filter=&sort=downloads&limit=   (search: HF_REPOS + HF_SEARCH_ONLY)
 *               GET /api/models/{owner}/{repo}[/revision/{rev}]   401 unknown (no token) / 404 (token)
 *               GET /api/models/{owner}/{repo}/tree/{rev}[/{dir}]
 * Civitai       GET /api/v1/model-versions/{id}, GET /api/v1/models/{id}
 *               GET /api/v1/models?types=LORA&baseModels=&query=&sort=&limit=   (search)
 * Replicate     GET /v1/models/{owner}/{name}                    401 without the right token
 */

export interface HubRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export type Fault = { status: number; body?: unknown } | { hang: true };

export interface HubServer {
  origin: string;
  log: HubRequest[];
  clearLog(): void;
  /** Exact path (with query) → fault; `null` removes it. */
  fault(path: string, fault: Fault | null): void;
  close(): Promise<void>;
}

export interface HubServers {
  hf: HubServer & { endpoint: string };
  civitai: HubServer & { baseUrl: string };
  replicate: HubServer & { baseUrl: string; token: string };
  clearLogs(): void;
  close(): Promise<void>;
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> };
type Route = (path: string, headers: IncomingHttpHeaders, origin: string) => Answer;

async function startServer(route: Route, port = 0): Promise<HubServer> {
  const log: HubRequest[] = [];
  const faults = new Map<string, Fault>();
  let offline = false;
  const server = http.createServer((req, res: ServerResponse) => {
    const path = req.url ?? "/";
    // Browser tests run the hubs in another process: POST /__admin/offline makes every other
    // path answer 503 (the source is down), DELETE brings it back.
    if (path === "/__admin/offline") {
      offline = req.method === "POST";
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ offline }));
      return;
    }
    log.push({ method: req.method ?? "GET", path, headers: req.headers });
    const fault = offline ? { status: 503, body: { error: "Service Unavailable" } } : faults.get(path);
    if (fault && "hang" in fault) return; // never answers; close() cuts the socket
    const answer: Answer = fault ? { status: fault.status, body: fault.body ?? { error: "Internal Server Error" } } : route(path, req.headers, origin);
    const body = JSON.stringify(answer.body);
    res.writeHead(answer.status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), ...answer.headers });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    log,
    clearLog: () => void log.splice(0),
    fault: (path, f) => (f ? faults.set(path, f) : faults.delete(path)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---- Hugging Face -----------------------------------------------------------------------

const LICENSE_LINK = "https://huggingface.co/black-forest-labs/FLUX.1-dev/blob/main/LICENSE.md";
const FLUX_TAGS = ["diffusers", "text-to-image", "lora", "template:sd-lora", "base_model:black-forest-labs/FLUX.1-dev", "base_model:adapter:black-forest-labs/FLUX.1-dev", "license:other", "region:us"];

function hfRepo(id: string, extra: Record<string, unknown>, files: [string, number][]) {
  return {
    info: {
      _id: "66b1f0c2a7d3e5f4a1b2c3d4",
      id,
      modelId: id,
      author: id.split("/")[0],
      sha: "5e1d3c9a7b2f4e6d8c0a1b3d5f7e9a2c4b6d8f0e",
      lastModified: "2024-08-20T14:02:11.000Z",
      private: false,
      disabled: false,
      gated: false,
      pipeline_tag: "text-to-image",
      library_name: "diffusers",
      createdAt: "2024-08-09T10:31:45.000Z",
      downloads: 0,
      likes: 0,
      tags: FLUX_TAGS,
      siblings: [{ rfilename: ".gitattributes" }, { rfilename: "README.md" }, ...files.map(([rfilename]) => ({ rfilename }))],
      spaces: [],
      usedStorage: files.reduce((n, [, s]) => n + s, 0),
      ...extra,
    },
    files,
  };
}

export const HF_REPOS = {
  "multimodalart/flux-tarot-v1": hfRepo(
    "multimodalart/flux-tarot-v1",
    {
      downloads: 4312,
      likes: 412,
      cardData: {
        tags: ["text-to-image", "stable-diffusion", "lora", "diffusers", "template:sd-lora", "tarot", "illustration"],
        widget: [
          { text: "a trtcrd of a lighthouse keeper holding a lantern, \"the keeper\", in the style of TOK a trtcrd tarot style", output: { url: "images/keeper.png" } },
          { text: "a trtcrd of a fox in a library, in the style of TOK a trtcrd tarot style", output: { url: "images/fox.png" } },
        ],
        base_model: "black-forest-labs/FLUX.1-dev",
        instance_prompt: "in the style of TOK a trtcrd tarot style",
        license: "other",
        license_name: "flux-1-dev-non-commercial-license",
        license_link: LICENSE_LINK,
      },
    },
    [["flux_tarot_v1_lora.safetensors", 171969680], ["images/keeper.png", 1433211], ["images/fox.png", 1290033]],
  ),
  "XLabs-AI/flux-lora-collection": hfRepo(
    "XLabs-AI/flux-lora-collection",
    { downloads: 25311, likes: 530, tags: [...FLUX_TAGS, "Stable Diffusion", "image-generation", "Flux"], cardData: { license: "other", license_name: "flux-1-dev-non-commercial-license", license_link: LICENSE_LINK, tags: ["LoRA", "Stable Diffusion", "image-generation", "Flux"] } },
    [["anime_lora.safetensors", 22420600], ["art_lora.safetensors", 22420600], ["disney_lora.safetensors", 22420600], ["realism_lora.safetensors", 22420600], ["anime_lora_comfy_converted.safetensors", 22419512]],
  ),
  "acme/flux-styles": hfRepo(
    "acme/flux-styles",
    { cardData: { base_model: ["black-forest-labs/FLUX.1-dev"], instance_prompt: ["wbgmsst, white background"] } },
    [["loras/v1/style.safetensors", 19000000], ["loras/v2/style.safetensors", 19500000]],
  ),
  "bfl-fans/flux2-ink-wash": hfRepo(
    "bfl-fans/flux2-ink-wash",
    {
      downloads: 88,
      likes: 6,
      tags: ["diffusers", "lora", "base_model:black-forest-labs/FLUX.2-dev", "base_model:adapter:black-forest-labs/FLUX.2-dev"],
      cardData: { base_model: "black-forest-labs/FLUX.2-dev", instance_prompt: "inkwash painting", license: "apache-2.0" },
    },
    [["flux2_ink_wash.safetensors", 9830400]],
  ),
  "acme/flux-gated-style": hfRepo("acme/flux-gated-style", { gated: "manual", cardData: { base_model: "black-forest-labs/FLUX.1-dev", instance_prompt: null } }, [["gated_style.safetensors", 85000000]]),
  "acme/sdxl-watercolor": hfRepo(
    "acme/sdxl-watercolor",
    { tags: ["diffusers", "lora", "base_model:adapter:stabilityai/stable-diffusion-xl-base-1.0"], cardData: { base_model: "stabilityai/stable-diffusion-xl-base-1.0", instance_prompt: "wtrclr style" } },
    [["watercolor_sdxl.safetensors", 228_000_000]],
  ),
  "acme/sd15-pickled": hfRepo(
    "acme/sd15-pickled",
    { tags: ["diffusers", "lora", "base_model:runwayml/stable-diffusion-v1-5", "not-for-all-audiences", "license:creativeml-openrail-m"], cardData: { base_model: "runwayml/stable-diffusion-v1-5", instance_prompt: "sks person" } },
    [["pytorch_lora_weights.bin", 3278925]],
  ),
} as const;

function treeOf(files: readonly (readonly [string, number])[], dir: string) {
  const prefix = dir ? `${dir}/` : "";
  const entries = new Map<string, unknown>();
  for (const [path, size] of files) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    const child = rest.split("/")[0];
    const full = prefix + child;
    if (rest.includes("/")) entries.set(full, { type: "directory", oid: "d".repeat(40), size: 0, path: full });
    else entries.set(full, { type: "file", oid: "f".repeat(40), size, path: full, ...(path.endsWith(".safetensors") || path.endsWith(".bin") ? { lfs: { oid: "9".repeat(64), size, pointerSize: 135 } } : {}) });
  }
  return [...entries.values()];
}

/** Like the hub's LFS redirect to its CDN: `/{repo}/resolve/{rev}/{file}` → 302 to where the bytes live. */
function hfRoute(fileRedirects: Record<string, string>): Route {
  return (rawPath, headers) => {
    const path = decodeURIComponent(rawPath.split("?")[0]);
    const file = /^\/([^/]+\/[^/]+)\/resolve\/[^/]+\/(.+)$/.exec(path);
    if (file) {
      const target = fileRedirects[`${file[1]}/${file[2]}`];
      return target ? { status: 302, body: {}, headers: { location: target } } : { status: 404, body: { error: "Entry not found" } };
    }
    return hfApiRoute(rawPath, headers, "");
  };
}

/** Repos only the search lists (a search hit need not be resolvable here). */
export const HF_SEARCH_ONLY = [
  hfRepo("tarotworks/flux-tarot-deck", { downloads: 1210, likes: 77, tags: [...FLUX_TAGS, "tarot", "cards"] }, []).info,
  hfRepo("lowpoly/flux-anime-cel", { downloads: 980, likes: 40, tags: [...FLUX_TAGS, "anime"] }, []).info,
  hfRepo("bfl-fans/flux2-tarot-style", { downloads: 55, likes: 3, tags: ["diffusers", "lora", "base_model:adapter:black-forest-labs/FLUX.2-dev"] }, []).info,
];

/** Like the hub's list endpoint: `search` is a case-insensitive substring of the repo id, `filter` a tag. */
function hfSearch(params: URLSearchParams): Answer {
  const search = (params.get("search") ?? "").toLowerCase();
  const filters = params.getAll("filter");
  const limit = Math.min(Number(params.get("limit") ?? 1000) || 1000, 1000);
  const all = [...Object.values(HF_REPOS).map((r) => r.info), ...HF_SEARCH_ONLY] as { id: string; downloads: number; likes: number; tags: readonly string[] }[];
  const hits = all
    .filter((r) => r.id.toLowerCase().includes(search) && filters.every((f) => r.tags.includes(f)))
    .sort((a, b) => (params.get("sort") === "downloads" ? b.downloads - a.downloads : 0))
    .slice(0, limit)
    .map((r) => ({ _id: "66b1f0c2a7d3e5f4a1b2c3d4", id: r.id, modelId: r.id, likes: r.likes, downloads: r.downloads, trendingScore: 0, private: false, tags: r.tags, pipeline_tag: "text-to-image", library_name: "diffusers", createdAt: "2024-08-09T10:31:45.000Z" }));
  return { status: 200, body: hits };
}

const hfApiRoute: Route = (rawPath, headers) => {
  const path = decodeURIComponent(rawPath.split("?")[0]);
  if (path === "/api/models") return hfSearch(new URL(rawPath, "http://x").searchParams);
  const m = /^\/api\/models\/([^/]+\/[^/]+)(?:\/(revision|tree)\/((?:refs\/pr\/\d+)|[^/]+)(?:\/(.*))?)?$/.exec(path);
  const repo = m && (HF_REPOS as Record<string, (typeof HF_REPOS)[keyof typeof HF_REPOS]>)[m[1]];
  if (!m || !repo) {
    // The hub hides private and missing repos alike; without a token it answers 401.
    const status = headers.authorization ? 404 : 401;
    return { status, body: { error: "Repository not found" }, headers: { "x-error-code": "RepoNotFound" } };
  }
  if (m[2] === "tree") return { status: 200, body: treeOf(repo.files, m[4] ?? "") };
  return { status: 200, body: repo.info };
};

// ---- Civitai ----------------------------------------------------------------------------

const img = (id: number, nsfwLevel: number, prompt?: string) => ({
  url: `https://image.civitai.com/xG1nkqKTMzGDvpLrqFT7WA/7a1c2e4f-${id}/original=true/${id}.jpeg`,
  nsfwLevel,
  width: 832,
  height: 1216,
  hash: "U9Bp+M~q00%M~qof%MWB00IU?bt7",
  type: "image",
  hasMeta: !!prompt,
  onSite: false,
  availability: "Public",
  metadata: { hash: "U9Bp+M~q00%M~qof%MWB00IU?bt7", size: 1201331, width: 832, height: 1216 },
  meta: prompt ? { prompt, steps: 28, sampler: "Euler", cfgScale: 3.5, seed: 1234567 } : null,
});

function civFile(origin: string, versionId: number, name: string, sizeKB: number, format: string, extra: Record<string, unknown> = {}) {
  return {
    id: versionId * 10 + 1,
    sizeKB,
    name,
    type: "Model",
    pickleScanResult: "Success",
    pickleScanMessage: "No Pickle imports",
    virusScanResult: "Success",
    virusScanMessage: null,
    scannedAt: "2024-10-02T08:11:04.512Z",
    metadata: { format, size: null, fp: null },
    hashes: { AutoV1: "A1B2C3D4", AutoV2: "0F1E2D3C4B", SHA256: "0F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C4B5A69788796A5B4C3D2E1F0", CRC32: "1A2B3C4D", BLAKE3: "B3".repeat(32), AutoV3: "AB12CD34EF56" },
    primary: true,
    downloadUrl: `${origin}/api/download/models/${versionId}`,
    ...extra,
  };
}

function civVersion(origin: string, v: { id: number; modelId: number; name: string; baseModel: string; trainedWords: string[]; files: unknown[]; images: unknown[] } & Record<string, unknown>) {
  return {
    description: null,
    baseModelType: "Standard",
    air: `urn:air:flux1:lora:civitai:${v.modelId}@${v.id}`,
    status: "Published",
    availability: "Public",
    nsfwLevel: 1,
    createdAt: "2024-10-02T08:00:00.000Z",
    updatedAt: "2024-10-02T09:00:00.000Z",
    publishedAt: "2024-10-02T09:00:00.000Z",
    uploadType: "Created",
    usageControl: "Download",
    earlyAccessConfig: null,
    earlyAccessEndsAt: null,
    trainingStatus: null,
    trainingDetails: null,
    stats: { downloadCount: 18211, thumbsUpCount: 2104 },
    downloadUrl: `${origin}/api/download/models/${v.id}`,
    ...v,
  };
}

function civitaiData(origin: string) {
  const flux = civVersion(origin, {
    id: 913438,
    modelId: 640459,
    name: "v2.0",
    baseModel: "Flux.1 D",
    trainedWords: ["p1x3l art", "pixel art"],
    files: [
      civFile(origin, 913438, "retro_pixel_flux_v2.safetensors", 18750.2265625, "SafeTensor"),
      civFile(origin, 913438, "retro_pixel_flux_v2_dataset.zip", 50211.5, "Other", { id: 9134389, type: "Training Data", primary: false, downloadUrl: `${origin}/api/download/models/913438?type=Training%20Data` }),
    ],
    images: [img(31000001, 1, "p1x3l art, a lighthouse on a cliff at dusk, pixel art"), img(31000002, 2, "p1x3l art, a knight resting by a campfire")],
  });
  const fluxOld = civVersion(origin, { id: 850001, modelId: 640459, name: "v1.0", baseModel: "Flux.1 D", trainedWords: ["p1x3l art"], files: [civFile(origin, 850001, "retro_pixel_flux_v1.safetensors", 18750.2265625, "SafeTensor")], images: [img(30000001, 1)] });
  const sdxl = civVersion(origin, {
    id: 281190,
    modelId: 250002,
    name: "v1.0",
    baseModel: "SDXL 1.0",
    air: "urn:air:sdxl:lora:civitai:250002@281190",
    trainedWords: ["watercolor style"],
    files: [civFile(origin, 281190, "watercolor_xl.safetensors", 223101.375, "SafeTensor")],
    images: [img(32000001, 1, "watercolor style, a harbour town")],
  });
  const adult = civVersion(origin, {
    id: 888002,
    modelId: 777001,
    name: "v1",
    baseModel: "Pony",
    nsfwLevel: 28,
    trainedWords: ["glamour pinup"],
    files: [civFile(origin, 888002, "pinup_pony.safetensors", 55012.0, "SafeTensor")],
    images: [img(33000001, 8, "explicit prompt"), img(33000002, 16, "explicit prompt 2"), img(33000003, 1, "glamour pinup, portrait in a red dress")],
  });
  const pickleOnly = civVersion(origin, { id: 400004, modelId: 300003, name: "v3 (ckpt)", baseModel: "Flux.1 D", trainedWords: [], files: [civFile(origin, 400004, "style_v3.pt", 18000, "PickleTensor")], images: [] });
  const olderSafe = civVersion(origin, { id: 400003, modelId: 300003, name: "v2", baseModel: "Flux.1 S", trainedWords: ["ink sketch"], files: [civFile(origin, 400003, "style_v2.safetensors", 18000, "SafeTensor")], images: [img(34000001, 1)] });
  const early = civVersion(origin, { id: 990001, modelId: 990000, name: "v1", baseModel: "Flux.1 D", availability: "EarlyAccess", earlyAccessEndsAt: "2099-01-01T00:00:00.000Z", trainedWords: ["neon noir"], files: [civFile(origin, 990001, "neon_noir.safetensors", 38000, "SafeTensor")], images: [] });
  const tarotCards = civVersion(origin, { id: 913500, modelId: 640460, name: "v1.0", baseModel: "Flux.1 D", trainedWords: ["tarot card", "arcana style"], files: [civFile(origin, 913500, "tarot_cards_flux.safetensors", 18750.5, "SafeTensor")], images: [img(35000001, 8), img(35000002, 1, "tarot card, the moon, arcana style")] });
  const checkpoint = civVersion(origin, { id: 700002, modelId: 700001, name: "v1", baseModel: "Flux.1 D", trainedWords: [], files: [civFile(origin, 700002, "full_model_fp8.safetensors", 11623219, "SafeTensor")], images: [] });

  const models: Record<number, Record<string, unknown>> = {
    640459: { id: 640459, name: "Retro Pixel Art FLUX", type: "LORA", nsfw: false, creator: { username: "pixelsmith", image: null }, tags: ["pixel art", "style", "retro"], versions: [flux, fluxOld] },
    250002: { id: 250002, name: "Watercolor XL", type: "LORA", nsfw: false, creator: { username: "brushwork", image: null }, tags: ["watercolor"], versions: [sdxl] },
    777001: { id: 777001, name: "Pinup Glamour", type: "LORA", nsfw: true, creator: { username: "studio9", image: null }, tags: ["pinup"], versions: [adult] },
    300003: { id: 300003, name: "Ink Sketch", type: "LORA", nsfw: false, creator: { username: "inkwell", image: null }, tags: [{ name: "sketch" }], versions: [pickleOnly, olderSafe] },
    640460: { id: 640460, name: "Tarot Card Illustrations", type: "LORA", nsfw: false, creator: { username: "arcana", image: null }, tags: ["tarot", "illustration"], versions: [tarotCards] },
    990000: { id: 990000, name: "Neon Noir", type: "LORA", nsfw: false, creator: { username: "noir", image: null }, tags: [], versions: [early] },
    700001: { id: 700001, name: "Full Flux Merge", type: "Checkpoint", nsfw: false, creator: { username: "merger", image: null }, tags: [], versions: [checkpoint] },
  };
  const versions = new Map<number, unknown>();
  const modelPages = new Map<number, unknown>();
  for (const m of Object.values(models)) {
    const { versions: vs, ...model } = m as { versions: Record<string, unknown>[] } & Record<string, unknown>;
    for (const v of vs) versions.set(v.id as number, { ...v, model: { name: model.name, type: model.type, nsfw: model.nsfw, poi: false } });
    modelPages.set(model.id as number, {
      ...model,
      description: "<p>A made-up model for tests.</p>",
      allowNoCredit: true,
      allowCommercialUse: ["Image"],
      allowDerivatives: true,
      allowDifferentLicense: true,
      poi: false,
      minor: false,
      nsfwLevel: 1,
      availability: "Public",
      cosmetic: null,
      supportsGeneration: true,
      stats: { downloadCount: 20000, favoriteCount: 0, thumbsUpCount: 2300, thumbsDownCount: 3, commentCount: 41, ratingCount: 0, rating: 0, tippedAmountCount: 120 },
      modelVersions: vs.map((v, index) => ({ ...v, index })),
    });
  }
  return { versions, modelPages };
}

/** Like Civitai's model search: `query` a case-insensitive substring of the name, `types` and `baseModels` filters. */
function civitaiSearch(data: ReturnType<typeof civitaiData>, params: URLSearchParams): Answer {
  const query = (params.get("query") ?? "").toLowerCase();
  const types = params.getAll("types");
  const bases = params.getAll("baseModels");
  const limit = Math.min(Number(params.get("limit") ?? 100) || 100, 100);
  const pages = [...data.modelPages.values()] as { name: string; type: string; stats: { downloadCount: number }; modelVersions: { baseModel: string }[] }[];
  const items = pages
    .filter((m) => m.name.toLowerCase().includes(query) && (types.length === 0 || types.includes(m.type)))
    .map((m) => ({ ...m, modelVersions: m.modelVersions.filter((v) => bases.length === 0 || bases.includes(v.baseModel)) }))
    .filter((m) => m.modelVersions.length > 0)
    .slice(0, limit);
  return { status: 200, body: { items, metadata: { totalItems: items.length, currentPage: 1, pageSize: limit, totalPages: 1 } } };
}

/** `downloads`: version id → URL its download link answers 307 to (Civitai's signed-URL redirect). */
function civitaiRoute(downloads: Record<string, string> = {}): Route {
  let data: ReturnType<typeof civitaiData> | undefined;
  return (rawPath, _headers, origin) => {
    data ??= civitaiData(origin);
    const path = rawPath.split("?")[0];
    const d = /^\/api\/download\/models\/(\d+)$/.exec(path);
    if (d && downloads[d[1]]) return { status: 307, body: {}, headers: { location: downloads[d[1]] } };
    if (path === "/api/v1/models") return civitaiSearch(data, new URL(rawPath, "http://x").searchParams);
    const v = /^\/api\/v1\/model-versions\/(\d+)$/.exec(path);
    if (v) return data.versions.has(Number(v[1])) ? { status: 200, body: data.versions.get(Number(v[1])) } : { status: 404, body: { error: "Model not found" } };
    const m = /^\/api\/v1\/models\/(\d+)$/.exec(path);
    if (m) return data.modelPages.has(Number(m[1])) ? { status: 200, body: data.modelPages.get(Number(m[1])) } : { status: 404, body: { error: `No model with id ${m[1]}` } };
    return { status: 404, body: { error: "Not found" } };
  };
}

// ---- Replicate --------------------------------------------------------------------------

export const REPLICATE_TOKEN = "r8_standin_0123456789abcdef";
export const BLACK_LIGHT_VERSION = "d0d48e298e5d2f8b4b5f2c3b5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f";

const fluxTrainerSchema = {
  openapi: "3.0.2",
  info: { title: "Cog", version: "0.1.0" },
  paths: {},
  components: {
    schemas: {
      Input: {
        type: "object",
        title: "Input",
        required: ["prompt"],
        properties: {
          prompt: { type: "string", title: "Prompt", "x-order": 0, description: "Prompt for generated image. If you include the `trigger_word` used in the training process you are more likely to activate the trained object, style, or concept in the resulting image." },
          model: { allOf: [{ $ref: "#/components/schemas/model" }], default: "dev", "x-order": 5, description: "Which model to run inference with." },
          lora_scale: { type: "number", title: "Lora Scale", default: 1, maximum: 3, minimum: -1, "x-order": 9 },
          extra_lora: { type: "string", title: "Extra Lora", "x-order": 11 },
          num_outputs: { type: "integer", default: 1, maximum: 4, minimum: 1, "x-order": 7 },
        },
      },
      model: { enum: ["dev", "schnell"], type: "string", title: "model", description: "An enumeration." },
      Output: { type: "array", items: { type: "string", format: "uri" }, title: "Output" },
    },
  },
};

function replicateModel(owner: string, name: string, extra: Record<string, unknown>) {
  return {
    url: `https://replicate.com/${owner}/${name}`,
    owner,
    name,
    description: null,
    visibility: "public",
    github_url: null,
    paper_url: null,
    license_url: null,
    run_count: 0,
    cover_image_url: null,
    default_example: null,
    latest_version: null,
    is_official: false,
    ...extra,
  };
}

const REPLICATE_MODELS: Record<string, unknown> = {
  "fofr/flux-black-light": replicateModel("fofr", "flux-black-light", {
    description: "A Flux LoRA trained on black light photography",
    run_count: 21876,
    cover_image_url: "https://tjzk.replicate.delivery/models_models_cover_image/0b1f2e3d-black-light.webp",
    default_example: {
      id: "q2w3e4r5t6y7u8i9o0p",
      model: "fofr/flux-black-light",
      version: BLACK_LIGHT_VERSION,
      input: { model: "dev", prompt: "a photo of a skateboarder in a dark alley, BLKLGHT, glowing UV paint, a sign that says \"NO ENTRY\"", lora_scale: 1, num_outputs: 1, output_format: "webp" },
      output: ["https://replicate.delivery/yhqm/black-light-out-0.webp"],
      status: "succeeded",
      created_at: "2024-08-20T11:01:02.000Z",
    },
    latest_version: { id: BLACK_LIGHT_VERSION, created_at: "2024-08-20T10:55:00.000Z", cog_version: "0.9.14", openapi_schema: fluxTrainerSchema },
  }),
  "acme/flux-tok-style": replicateModel("acme", "flux-tok-style", {
    description: 'Trained with ostris/flux-dev-lora-trainer. Trigger word: "in the style of TOK"',
    default_example: { input: { prompt: "A LOUD NEON STREET SIGN AT NIGHT IN THE RAIN" }, output: "https://replicate.delivery/yhqm/tok-out.webp" },
    latest_version: { id: "a".repeat(64), openapi_schema: { components: { schemas: { Input: { properties: { prompt: { type: "string" } } } } } } },
  }),
};

const replicateRoute: Route = (rawPath, headers) => {
  if (headers.authorization !== `Bearer ${REPLICATE_TOKEN}`) {
    return { status: 401, body: { title: "Unauthenticated", detail: "You did not pass a valid authentication token", status: 401 } };
  }
  const m = /^\/v1\/models\/([^/]+)\/([^/?]+)$/.exec(rawPath.split("?")[0]);
  const model = m && REPLICATE_MODELS[`${decodeURIComponent(m[1])}/${decodeURIComponent(m[2])}`];
  return model ? { status: 200, body: model } : { status: 404, body: { detail: "Not found.", status: 404 } };
};

// ---- all three --------------------------------------------------------------------------

/**
 * `hfFileRedirects`: "owner/repo/file.safetensors" → URL the hub's /resolve/ link redirects to.
 * `ports`: fixed ports (for a separately started app to be configured with); 0 = any free port.
 */
export async function startHubServers(
  options: {
    hfFileRedirects?: Record<string, string>;
    civitaiDownloads?: Record<string, string>;
    ports?: { hf?: number; civitai?: number; replicate?: number };
  } = {},
): Promise<HubServers> {
  const ports = options.ports ?? {};
  const [hf, civitai, replicate] = await Promise.all([
    startServer(hfRoute(options.hfFileRedirects ?? {}), ports.hf),
    startServer(civitaiRoute(options.civitaiDownloads), ports.civitai),
    startServer(replicateRoute, ports.replicate),
  ]);
  return {
    hf: { ...hf, endpoint: hf.origin },
    civitai: { ...civitai, baseUrl: `${civitai.origin}/api/v1` },
    replicate: { ...replicate, baseUrl: `${replicate.origin}/v1`, token: REPLICATE_TOKEN },
    clearLogs: () => [hf, civitai, replicate].forEach((s) => s.clearLog()),
    close: async () => void (await Promise.all([hf.close(), civitai.close(), replicate.close()])),
  };
}
