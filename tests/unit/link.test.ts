import { describe, expect, it } from "vitest";
import { loraLabel } from "@/lib/gallery/format";
import { loraNameFromPath } from "@/lib/sharing/view";
import { checkLoraPath, isHuggingFaceRepoId, loraDisplayName, looksLikeLoraLink, MAX_LINK_LENGTH, parseLoraLink, type ParsedLoraLinkOk } from "@/lib/loras/link";

const V = "d0d48e298e5d2f8b4b5f2c3b5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f";
const HF = "https://huggingface.co";
const CIVITAI_DL = (v: number) => `https://civitai.com/api/download/models/${v}?type=Model&format=SafeTensor`;

type Accept = { path: string | null; source: ParsedLoraLinkOk["source"]; notice?: RegExp; has?: Partial<ParsedLoraLinkOk> };
type Reject = { code: string; reason: RegExp };

// Every `path` in /work/shared/data/starter-loras.json, as Together receives it.
const STARTER_PATHS = [
  `${HF}/multimodalart/flux-tarot-v1`,
  `${HF}/XLabs-AI/flux-RealismLora`,
  `${HF}/Shakker-Labs/FLUX.1-dev-LoRA-add-details`,
  `${HF}/strangerzonehf/Flux-Super-Realism-LoRA`,
  `${HF}/prithivMLmods/Flux-Dalle-Mix-LoRA`,
  `${HF}/strangerzonehf/Flux-Animeo-v1-LoRA`,
  `${HF}/strangerzonehf/Flux-Midjourney-Mix2-LoRA`,
  `${HF}/prithivMLmods/Flux-Long-Toon-LoRA`,
  `${HF}/strangerzonehf/Flux-Isometric-3D-Cinematography`,
  `${HF}/strangerzonehf/Flux-Isometric-3D-LoRA`,
  `${HF}/strangerzonehf/Flux-Cute-3D-Kawaii-LoRA`,
  `${HF}/prithivMLmods/Flux-Toonic-2.5D-LoRA`,
  `${HF}/prithivMLmods/Flux-Chill-Guy-Zone`,
  `${HF}/alvdansen/softserve_anime`,
  `${HF}/alvdansen/softpasty-flux-dev`,
  `${HF}/gokaygokay/Flux-Game-Assets-LoRA-v2`,
  `${HF}/aleksa-codes/flux-ghibsky-illustration`,
  `${HF}/prithivMLmods/Flux-Dev-Real-Anime-LoRA`,
  `${HF}/prithivMLmods/Canopus-LoRA-Flux-FaceRealism`,
  `${HF}/prithivMLmods/Canopus-LoRA-Flux-UltraRealism-2.0`,
  `${HF}/prithivMLmods/Purple-Dreamy-Flux-LoRA`,
  `${HF}/Shakker-Labs/FLUX.1-dev-LoRA-One-Click-Creative-Template`,
  `${HF}/p1atdev/flux.1-schnell-pvc-style-lora`,
];

const ACCEPTED: [string, Accept][] = [
  // docs/lora-links.md, as written
  [`${HF}/multimodalart/flux-tarot-v1`, { path: `${HF}/multimodalart/flux-tarot-v1`, source: "huggingface-repo", has: { hf: { repo: "multimodalart/flux-tarot-v1" } } }],
  [
    `${HF}/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors`,
    { path: `${HF}/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors`, source: "huggingface-file", has: { hf: { repo: "XLabs-AI/flux-lora-collection", revision: "main", file: "anime_lora.safetensors" } } },
  ],
  [`${HF}/XLabs-AI/flux-lora-collection/blob/main/anime_lora.safetensors`, { path: `${HF}/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors`, source: "huggingface-file", notice: /blob.*resolve.*web pages/ }],
  ["https://civitai.com/api/download/models/913438?type=Model&format=SafeTensor", { path: CIVITAI_DL(913438), source: "civitai", has: { civitai: { versionId: 913438 } } }],
  ["https://civitai.com/models/640459?modelVersionId=913438", { path: CIVITAI_DL(913438), source: "civitai", notice: /download link/, has: { civitai: { modelId: 640459, versionId: 913438 }, pageUrl: "https://civitai.com/models/640459?modelVersionId=913438" } }],
  ["https://replicate.com/fofr/flux-black-light", { path: "https://replicate.com/fofr/flux-black-light", source: "replicate-model", has: { replicate: { owner: "fofr", name: "flux-black-light" } } }],
  [`https://replicate.com/fofr/flux-black-light/versions/${V}`, { path: `https://replicate.com/fofr/flux-black-light/versions/${V}`, source: "replicate-version", has: { replicate: { owner: "fofr", name: "flux-black-light", version: V } } }],
  ["https://mybucket.s3.amazonaws.com/my_special_lora.safetensors", { path: "https://mybucket.s3.amazonaws.com/my_special_lora.safetensors", source: "direct-file", has: { fileUrl: "https://mybucket.s3.amazonaws.com/my_special_lora.safetensors" } }],
  // What people really paste: Hugging Face
  ["multimodalart/flux-tarot-v1", { path: `${HF}/multimodalart/flux-tarot-v1`, source: "huggingface-repo", notice: /Hugging Face repo/ }],
  ["XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors", { path: `${HF}/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors`, source: "huggingface-file" }],
  ["hf.co/multimodalart/flux-tarot-v1", { path: `${HF}/multimodalart/flux-tarot-v1`, source: "huggingface-repo" }],
  ["https://hf.co/XLabs-AI/flux-RealismLora", { path: `${HF}/XLabs-AI/flux-RealismLora`, source: "huggingface-repo" }],
  ["https://www.huggingface.co/multimodalart/flux-tarot-v1", { path: `${HF}/multimodalart/flux-tarot-v1`, source: "huggingface-repo" }],
  ["huggingface.co/multimodalart/flux-tarot-v1/", { path: `${HF}/multimodalart/flux-tarot-v1`, source: "huggingface-repo" }],
  [`${HF}/multimodalart/flux-tarot-v1?not-for-all-audiences=true#model-card`, { path: `${HF}/multimodalart/flux-tarot-v1`, source: "huggingface-repo" }],
  [`${HF}/multimodalart/flux-tarot-v1/tree/main`, { path: `${HF}/multimodalart/flux-tarot-v1`, source: "huggingface-repo", notice: /repo link/ }],
  [`${HF}/owner/repo/tree/main/loras/v2`, { path: `${HF}/owner/repo`, source: "huggingface-repo", notice: /loras\/v2/, has: { hf: { repo: "owner/repo", revision: "main", folder: "loras/v2" } } }],
  [`${HF}/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors?download=true`, { path: `${HF}/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors`, source: "huggingface-file" }],
  [`"${HF}/XLabs-AI/flux-lora-collection/blob/main/anime_lora.safetensors?download=true#L1"`, { path: `${HF}/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors`, source: "huggingface-file", notice: /resolve/ }],
  [`${HF}/owner/repo/raw/main/lora.safetensors`, { path: `${HF}/owner/repo/resolve/main/lora.safetensors`, source: "huggingface-file", notice: /LFS pointer/ }],
  [`${HF}/owner/repo/resolve/3f2a9c1/sub/dir/My%20Lora.safetensors`, { path: `${HF}/owner/repo/resolve/3f2a9c1/sub/dir/My%20Lora.safetensors`, source: "huggingface-file", has: { hf: { repo: "owner/repo", revision: "3f2a9c1", file: "sub/dir/My Lora.safetensors" } } }],
  [`${HF}/owner/repo/resolve/main/images/1.png`, { path: `${HF}/owner/repo`, source: "huggingface-repo", notice: /1\.png, not a LoRA file/ }],
  [`${HF}/owner/repo/discussions/3`, { path: `${HF}/owner/repo`, source: "huggingface-repo", notice: /discussions/ }],
  [`http://huggingface.co/multimodalart/flux-tarot-v1`, { path: `${HF}/multimodalart/flux-tarot-v1`, source: "huggingface-repo", notice: /https/ }],
  [`  <${HF}/multimodalart/flux-tarot-v1/>  `, { path: `${HF}/multimodalart/flux-tarot-v1`, source: "huggingface-repo" }],
  [`'${HF}/multimodalart/flux-tarot-v1'`, { path: `${HF}/multimodalart/flux-tarot-v1`, source: "huggingface-repo" }],
  [`“${HF}/multimodalart/flux-tarot-v1”`, { path: `${HF}/multimodalart/flux-tarot-v1`, source: "huggingface-repo" }],
  [`[Tarot](${HF}/multimodalart/flux-tarot-v1)`, { path: `${HF}/multimodalart/flux-tarot-v1`, source: "huggingface-repo" }],
  [`${HF}/multimodalart/flux-tarot-v1.`, { path: `${HF}/multimodalart/flux-tarot-v1`, source: "huggingface-repo" }],
  [`Trigger: trtcrd — ${HF}/multimodalart/flux-tarot-v1`, { path: `${HF}/multimodalart/flux-tarot-v1`, source: "huggingface-repo", notice: /pasted text/ }],
  [`${HF}/api/models/multimodalart/flux-tarot-v1`, { path: `${HF}/multimodalart/flux-tarot-v1`, source: "huggingface-repo" }],
  // Civitai
  ["https://civitai.com/models/640459", { path: null, source: "civitai", notice: /latest version/, has: { civitai: { modelId: 640459 }, pageUrl: "https://civitai.com/models/640459" } }],
  ["https://civitai.com/models/640459/pixel-art-style-flux/", { path: null, source: "civitai", has: { civitai: { modelId: 640459 } } }],
  ["https://civitai.com/models/640459/pixel-art-style-flux?modelVersionId=913438", { path: CIVITAI_DL(913438), source: "civitai", has: { civitai: { modelId: 640459, versionId: 913438 } } }],
  ["civitai.com/models/640459?modelVersionId=913438#comments", { path: CIVITAI_DL(913438), source: "civitai" }],
  ["https://www.civitai.com/models/640459?modelVersionId=913438", { path: CIVITAI_DL(913438), source: "civitai" }],
  ["https://civitai.com/api/download/models/913438", { path: CIVITAI_DL(913438), source: "civitai", has: { pageUrl: "https://civitai.com/model-versions/913438" } }],
  ["https://civitai.com/api/download/models/913438?format=SafeTensor&type=Model", { path: CIVITAI_DL(913438), source: "civitai" }],
  ["https://civitai.com/api/download/models/913438?type=Model&format=SafeTensor&size=pruned&fp=fp16", { path: `${CIVITAI_DL(913438)}&size=pruned&fp=fp16`, source: "civitai" }],
  ["https://civitai.com/api/download/models/913438?type=Model&format=SafeTensor&token=0123456789abcdef", { path: CIVITAI_DL(913438), source: "civitai", notice: /Removed the API token/ }],
  ["https://civitai.com/api/v1/model-versions/913438", { path: CIVITAI_DL(913438), source: "civitai", notice: /download link/ }],
  ["https://civitai.com/model-versions/913438", { path: CIVITAI_DL(913438), source: "civitai" }],
  ["urn:air:flux1:lora:civitai:640459@913438", { path: CIVITAI_DL(913438), source: "civitai", has: { civitai: { modelId: 640459, versionId: 913438 } } }],
  // Replicate
  ["replicate.com/fofr/flux-black-light/", { path: "https://replicate.com/fofr/flux-black-light", source: "replicate-model" }],
  ["https://replicate.com/fofr/flux-black-light/examples", { path: "https://replicate.com/fofr/flux-black-light", source: "replicate-model", notice: /examples/ }],
  ["https://replicate.com/fofr/flux-black-light?input=python", { path: "https://replicate.com/fofr/flux-black-light", source: "replicate-model" }],
  [`https://replicate.com/fofr/flux-black-light/versions/${V}/api`, { path: `https://replicate.com/fofr/flux-black-light/versions/${V}`, source: "replicate-version" }],
  [`https://replicate.com/fofr/flux-black-light/versions/${V.toUpperCase()}`, { path: `https://replicate.com/fofr/flux-black-light/versions/${V}`, source: "replicate-version" }],
  [`fofr/flux-black-light:${V}`, { path: `https://replicate.com/fofr/flux-black-light/versions/${V}`, source: "replicate-version", notice: /Replicate model version/ }],
  // Direct files
  ["https://cdn.example.com/loras/My%20Style.SAFETENSORS?X-Amz-Signature=abc#x", { path: "https://cdn.example.com/loras/My%20Style.SAFETENSORS?X-Amz-Signature=abc", source: "direct-file" }],
  ["mybucket.s3.amazonaws.com/my_special_lora.safetensors", { path: "https://mybucket.s3.amazonaws.com/my_special_lora.safetensors", source: "direct-file" }],
  ["https://www.dropbox.com/s/abc123/style.safetensors?dl=0", { path: "https://www.dropbox.com/s/abc123/style.safetensors?dl=1", source: "direct-file", notice: /dl=1/ }],
  ["https://github.com/me/loras/blob/main/style.safetensors", { path: "https://github.com/me/loras/raw/main/style.safetensors", source: "direct-file", notice: /raw/ }],
];

const REJECTED: [string, Reject][] = [
  ["", { code: "empty", reason: /empty/ }],
  ["   \n\t ", { code: "empty", reason: /empty/ }],
  ['""', { code: "empty", reason: /empty/ }],
  [`${HF}/${"a".repeat(MAX_LINK_LENGTH)}`, { code: "too_long", reason: /2048 characters/ }],
  ["tarot style please", { code: "spaces", reason: /no link/ }],
  [`${HF}/a/b ${HF}/c/d`, { code: "multiple_links", reason: /one LoRA link at a time/ }],
  ["flux tarot", { code: "spaces", reason: /no link/ }],
  ["tarot", { code: "not_a_url", reason: /not a link.*huggingface\.co/ }],
  ["javascript:alert(1)", { code: "unsupported_scheme", reason: /not a web link/ }],
  ["ftp://example.com/lora.safetensors", { code: "unsupported_scheme", reason: /https/ }],
  ["s3://mybucket/my_special_lora.safetensors", { code: "unsupported_scheme", reason: /s3\.amazonaws\.com/ }],
  ["http://mybucket.s3.amazonaws.com/my_special_lora.safetensors", { code: "insecure_http", reason: /https/ }],
  ["https://user:pw@example.com/lora.safetensors", { code: "credentials", reason: /password/ }],
  [`${HF}/datasets/owner/repo`, { code: "hf_dataset", reason: /dataset.*model repos/ }],
  [`${HF}/spaces/multimodalart/flux-lora-the-explorer`, { code: "hf_space", reason: /Space.*app/ }],
  [`${HF}/collections/owner/flux-loras-123`, { code: "hf_not_a_model", reason: /not a model repo/ }],
  [`${HF}/multimodalart`, { code: "hf_incomplete", reason: /owner and a repo/ }],
  [`${HF}/owner/repo/resolve/main`, { code: "hf_incomplete", reason: /revision and a file/ }],
  [`${HF}/-owner/repo`, { code: "hf_invalid_name", reason: /not a valid/ }],
  [`${HF}/owner/repo/resolve/main/pytorch_lora_weights.bin`, { code: "pickled", reason: /pickled.*huggingface\.co\/owner\/repo/ }],
  ["https://example.com/lora.ckpt", { code: "pickled", reason: /\.ckpt.*pickled.*safetensors/ }],
  ["https://example.com/lora.pt", { code: "pickled", reason: /pickled/ }],
  ["https://example.com/lora.pth", { code: "pickled", reason: /pickled/ }],
  ["https://example.com/lora.pkl", { code: "pickled", reason: /pickled/ }],
  ["https://civitai.com/api/download/models/913438?type=Model&format=PickleTensor", { code: "pickled", reason: /PickleTensor/ }],
  ["https://civitai.com/api/download/models/913438?type=Training%20Data", { code: "civitai_not_model_file", reason: /Training Data/ }],
  ["https://civitai.com/api/download/models/abc", { code: "civitai_not_a_model", reason: /version number/ }],
  ["https://civitai.com/images/12345678", { code: "civitai_not_a_model", reason: /image page/ }],
  ["https://civitai.com/user/someone/models", { code: "civitai_not_a_model", reason: /user page/ }],
  ["https://civitai.com/articles/4567/flux-guide", { code: "civitai_not_a_model", reason: /article page/ }],
  ["https://civitai.com/models/pixel-art", { code: "civitai_not_a_model", reason: /model number/ }],
  ["https://civitai.com/", { code: "civitai_not_a_model", reason: /home page/ }],
  ["https://replicate.com/fofr", { code: "replicate_not_a_model", reason: /model link/ }],
  ["https://replicate.com/explore", { code: "replicate_not_a_model", reason: /model link/ }],
  ["https://replicate.com/p/abc123xyz", { code: "replicate_not_a_model", reason: /model link/ }],
  ["https://replicate.com/fofr/flux-black-light/versions/not-hex!", { code: "replicate_bad_version", reason: /version id/ }],
  ["https://drive.google.com/file/d/1AbC/view?usp=sharing", { code: "share_page", reason: /Google Drive/ }],
  ["https://example.com/lora", { code: "unsupported_host", reason: /example\.com.*\.safetensors/ }],
  ["https://example.com/lora.safetensors.zip", { code: "not_safetensors", reason: /\.zip/ }],
  ["https://localhost/lora.safetensors", { code: "not_accepted", reason: /public internet/ }],
  ["https://192.168.1.5/lora.safetensors", { code: "not_accepted", reason: /cannot reach/ }],
];

describe("parseLoraLink accepts", () => {
  it.each(ACCEPTED)("%s", (input, want) => {
    const got = parseLoraLink(input);
    expect(got, JSON.stringify(got)).toMatchObject({ ok: true, path: want.path, source: want.source, ...(want.has ?? {}) });
    if (!got.ok) return;
    if (want.notice) expect(got.notices.join(" ")).toMatch(want.notice);
    // Whatever the parser produces, Together's strict check accepts it as the same kind.
    if (got.path !== null) expect(checkLoraPath(got.path)).toEqual({ ok: true, source: got.source });
  });

  it.each(STARTER_PATHS)("starter %s unchanged", (path) => {
    const got = parseLoraLink(path);
    expect(got).toMatchObject({ ok: true, path, source: "huggingface-repo", notices: [] });
    expect(checkLoraPath(path).ok).toBe(true);
  });
});

describe("parseLoraLink rejects, saying what to paste instead", () => {
  it.each(REJECTED)("%j", (input, want) => {
    const got = parseLoraLink(input);
    expect(got, JSON.stringify(got)).toMatchObject({ ok: false, code: want.code });
    if (!got.ok) expect(got.reason).toMatch(want.reason);
  });

  it("never throws on odd input", () => {
    for (const odd of ["%", "https://", "https://huggingface.co/%E0%A4%A/x", "//", "<>", "[](x)", "urn:air:", "::::", "https://[::1", null as unknown as string]) {
      expect(() => parseLoraLink(odd)).not.toThrow();
    }
  });
});


describe("checkLoraPath accepts the forms in docs/lora-links.md", () => {
  it.each([
    ["https://huggingface.co/multimodalart/flux-tarot-v1", "huggingface-repo"],
    ["https://huggingface.co/strangerzonehf/Flux-Midjourney-Mix2-LoRA", "huggingface-repo"],
    ["https://huggingface.co/multimodalart/flux-tarot-v1/", "huggingface-repo"],
    ["https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors", "huggingface-file"],
    ["https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors?download=true", "huggingface-file"],
    ["https://huggingface.co/owner/repo/resolve/3f2a9c1/sub/dir/lora.safetensors", "huggingface-file"],
    ["https://civitai.com/api/download/models/913438?type=Model&format=SafeTensor", "civitai"],
    ["https://civitai.com/api/download/models/913438", "civitai"],
    ["https://replicate.com/fofr/flux-black-light", "replicate-model"],
    [`https://replicate.com/fofr/flux-black-light/versions/${V}`, "replicate-version"],
    ["https://mybucket.s3.amazonaws.com/my_special_lora.safetensors", "direct-file"],
    ["https://cdn.example.com/loras/My%20Style.SAFETENSORS?X-Amz-Signature=abc", "direct-file"],
  ])("%s → %s", (path, source) => {
    expect(checkLoraPath(path)).toEqual({ ok: true, source });
  });
});

describe("checkLoraPath rejects what Together cannot load", () => {
  it.each([
    ["https://huggingface.co/XLabs-AI/flux-lora-collection/blob/main/anime_lora.safetensors", /\/resolve\//],
    ["http://huggingface.co/multimodalart/flux-tarot-v1", /https/],
    ["http://mybucket.s3.amazonaws.com/my_special_lora.safetensors", /https/],
    ["ftp://example.com/lora.safetensors", /https/],
    ["https://example.com/lora.ckpt", /pickled.*safetensors/],
    ["https://example.com/lora.pt", /pickled/],
    ["https://example.com/pytorch_lora_weights.bin", /pickled/],
    // The parser always refused .pickle as pickled; the strict check used to miss it and say "not one of the forms".
    ["https://example.com/lora.pickle", /\.pickle files are pickled/],
    ["https://huggingface.co/owner/repo/resolve/main/lora.PICKLE", /pickled/],
    // Names that are Hugging Face / Replicate pages, not owners: the parser's lists, now the checker's too.
    ["https://huggingface.co/pricing/plans", /not a model repo/],
    ["https://replicate.com/playground/x", /must name a model/],
    ["https://huggingface.co/owner/repo/resolve/main/pytorch_lora_weights.bin", /pickled/],
    ["https://huggingface.co/owner/repo/resolve/main/README.md", /\.safetensors/],
    ["https://huggingface.co/owner/repo/resolve/main", /revision and a file/],
    ["https://huggingface.co/owner/repo/tree/main", /\/resolve\//],
    ["https://huggingface.co/owner/repo/raw/main/lora.safetensors", /\/resolve\//],
    ["https://huggingface.co/multimodalart", /owner and a repo/],
    ["https://huggingface.co/datasets/owner/repo", /not a model repo/],
    ["https://huggingface.co/spaces/owner/app", /not a model repo/],
    ["https://huggingface.co/owner/repo?library=diffusers", /query/],
    ["https://civitai.com/models/640459?modelVersionId=913438", /page link.*api\/download\/models/],
    ["https://civitai.com/api/download/models/abc", /download link/],
    ["https://replicate.com/fofr", /must name a model/],
    ["https://replicate.com/explore", /must name a model/],
    ["https://replicate.com/fofr/flux-black-light/versions/", /versions/],
    ["https://replicate.com/fofr/flux-black-light/versions/not-hex!", /versions/],
    ["https://example.com/lora", /not one of the forms/],
    ["https://example.com/lora.safetensors.zip", /not one of the forms/],
    ["https://localhost/lora.safetensors", /cannot reach localhost/],
    ["https://192.168.1.5/lora.safetensors", /cannot reach/],
    ["https://[::1]/lora.safetensors", /cannot reach/],
    ["https://user:pw@example.com/lora.safetensors", /password/],
    ["https://example.com/lora.safetensors#frag", /fragment/],
    [" https://huggingface.co/multimodalart/flux-tarot-v1", /spaces/],
    ["huggingface.co/multimodalart/flux-tarot-v1", /Not a URL/],
    ["multimodalart/flux-tarot-v1", /Not a URL/],
    ["", /empty/],
  ])("%j is rejected", (path, reason) => {
    const result = checkLoraPath(path);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});

describe("parseLoraLink and checkLoraPath share one rule for files", () => {
  it.each([".ckpt", ".pt", ".pth", ".bin", ".pkl", ".pickle"])("%s is refused as pickled by both", (ext) => {
    const url = `https://example.com/loras/style${ext}`;
    expect(parseLoraLink(url)).toMatchObject({ ok: false, code: "pickled" });
    const check = checkLoraPath(url);
    expect(!check.ok && check.reason).toMatch(/pickled/);
  });
});

describe("looksLikeLoraLink", () => {
  it.each([
    "https://huggingface.co/multimodalart/flux-tarot-v1",
    "http://example.com/x",
    "www.civitai.com/models/1",
    "hf.co/owner/repo",
    "civitai.green/models/640459",
    "replicate.com/fofr/flux-black-light",
    "multimodalart/flux-tarot-v1",
    "my_lora.safetensors",
    // A Civitai AIR is a link the parser reads; typed into the box it used to start a search.
    "urn:air:flux1:lora:civitai:640459@913438",
  ])("%s is a link", (text) => {
    expect(looksLikeLoraLink(text)).toBe(true);
    expect(looksLikeLoraLink(`  ${text} `)).toBe(true);
  });

  it.each(["tarot", "anime style", "", "flux 1.0", "civitai"])("%j is a search", (text) => {
    expect(looksLikeLoraLink(text)).toBe(false);
  });
});

describe("loraDisplayName", () => {
  it.each([
    ["https://huggingface.co/multimodalart/flux-tarot-v1", "multimodalart/flux-tarot-v1"],
    ["alvdansen/softserve_anime", "alvdansen/softserve_anime"],
    ["https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors", "XLabs-AI/flux-lora-collection · anime_lora.safetensors"],
    ["https://hf.co/a/b/blob/main/sub/style.safetensors", "a/b · style.safetensors"],
    ["https://huggingface.co/a/b/tree/main", "a/b"],
    ["https://replicate.com/fofr/flux-80s-cyberpunk", "fofr/flux-80s-cyberpunk"],
    [`https://replicate.com/owner/model/versions/${V}`, "owner/model"],
    // Two copies disagreed here ("Civitai 12345" vs "Civitai model version 12345"): the number is a version id, so say so.
    ["https://civitai.com/api/download/models/12345?type=Model", "Civitai model version 12345"],
    ["https://civitai.com/models/640459?modelVersionId=913438", "Civitai model version 913438"],
    ["https://civitai.com/model-versions/913438", "Civitai model version 913438"],
    ["https://civitai.com/models/640459/some-slug", "Civitai model 640459"],
    ["https://civitai.com/12345", "Civitai"],
    // Two copies disagreed here too ("my style.safetensors" vs "host · file"): the host keeps two hosts' files apart.
    ["https://example.com/files/my%20style.safetensors", "example.com · my style.safetensors"],
    ["https://www.example.com/", "example.com"],
    ["not a link", "not a link"],
    ["  https://huggingface.co/a/b  ", "a/b"],
  ])("%s → %s", (path, name) => {
    expect(loraDisplayName(path)).toBe(name);
  });

  it("is the one name: the gallery's and the shared pages' older names are the same function", () => {
    expect(loraLabel).toBe(loraDisplayName);
    expect(loraNameFromPath).toBe(loraDisplayName);
  });

  it("never throws on odd input", () => {
    for (const odd of ["%", "https://huggingface.co/%E0%A4%A/x", "https://civitai.com/api/download/models/", ""]) {
      expect(() => loraDisplayName(odd)).not.toThrow();
    }
  });
});

describe("isHuggingFaceRepoId", () => {
  it.each(["multimodalart/flux-tarot-v1", "XLabs-AI/flux-lora-collection", "a_b/c.d"])("%s is a repo id", (id) => {
    expect(isHuggingFaceRepoId(id)).toBe(true);
  });
  // The search adapter's copy of this rule let a trailing "-" or "." through.
  it.each(["owner-/repo", "owner/repo.", "-owner/repo", "owner", "a/b/c", "https://huggingface.co/a/b", "a:b/c", ""])("%j is not", (id) => {
    expect(isHuggingFaceRepoId(id)).toBe(false);
  });
});
