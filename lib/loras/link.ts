import { ipLiteral, isPublicAddress } from "@/lib/net/ip-policy";

/**
 * Everything Lorascope knows about LoRA links, in one place (docs/lora-links.md):
 * - `checkLoraPath`: the strict check of an `image_loras[].path` exactly as Together receives it;
 * - `parseLoraLink`: whatever a person pasted → that exact path, or a specific reason and what
 *   to paste instead (near-misses such as HF blob or Civitai page links are rewritten, with a notice);
 * - `looksLikeLoraLink`: whether typed text is a link to resolve rather than a search;
 * - `loraDisplayName`: a LoRA's short name from its path, for chips, selects and shared pages.
 * Pure, and safe in the browser: anything Together cannot load is refused before a request
 * or a cent is spent.
 */

// ---- the rules ---------------------------------------------------------------------------

export type LoraSource =
  | "huggingface-repo"
  | "huggingface-file"
  | "civitai"
  | "replicate-model"
  | "replicate-version"
  | "direct-file";

/** The one file format Together loads a LoRA from. */
const SAFETENSORS = /\.safetensors$/i;
/** Pickled checkpoint formats: refused with their own reason (they can run code when loaded). */
const PICKLED = /\.(ckpt|pt|pth|bin|pkl|pickle)$/i;

const HF = "https://huggingface.co";
/** Hosts a Hugging Face link may use; paths always use the canonical `huggingface.co`. */
const HF_HOSTS = new Set(["huggingface.co", "www.huggingface.co", "hf.co", "www.hf.co"]);
const CIVITAI_HOSTS = new Set(["civitai.com", "www.civitai.com", "civitai.green", "www.civitai.green"]);
const REPLICATE_HOSTS = new Set(["replicate.com", "www.replicate.com"]);
// Hugging Face repo and owner names: letters, digits, `-`, `_`, `.`; no leading/trailing `-`/`.`.
const HF_NAME = /^(?![-.])[A-Za-z0-9_.-]{1,96}(?<![-.])$/;
// First path segments on huggingface.co that are not a model owner.
const HF_NOT_MODELS = new Set(["datasets", "spaces", "api", "models", "docs", "blog", "collections", "organizations", "settings", "papers", "join", "login", "pricing", "search", "tasks", "learn", "posts", "chat", "enterprise", "new", "inference-endpoints"]);
const REPLICATE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
// First path segments on replicate.com that are not a model owner.
const REPLICATE_NOT_MODELS = new Set(["explore", "collections", "docs", "pricing", "account", "p", "blog", "about", "signin", "changelog", "deployments", "predictions", "trainings", "search", "home", "login", "signup", "playground", "create"]);
const HEX_VERSION = /^[0-9a-f]{8,64}$/i;
/** Text starting with a known LoRA host and a slash, scheme or not (`hf.co/…`, `www.civitai.com/…`). */
const KNOWN_HOST_PREFIX = new RegExp(`^(${[...HF_HOSTS, ...CIVITAI_HOSTS, ...REPLICATE_HOSTS].map((h) => h.replace(/\./g, "\\.")).join("|")})/`, "i");

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

function pickledReason(name: string): string {
  return `${extensionOf(name)} files are pickled checkpoints, which Together does not load: use the .safetensors version of the LoRA.`;
}

/** `owner/repo`: a Hugging Face repo id written without a link (fal takes these; people paste them). */
export function isHuggingFaceRepoId(text: string): boolean {
  const parts = text.split("/");
  return parts.length === 2 && parts.every((part) => HF_NAME.test(part));
}

// ---- the strict check: a path exactly as Together receives it -----------------------------

export type LoraPathCheck = { ok: true; source: LoraSource } | { ok: false; reason: string };

const FORMS_HINT =
  "Use a Hugging Face repo or /resolve/ file link, a Civitai https://civitai.com/api/download/models/{id} link, " +
  "a Replicate model or version link, or an https link to a .safetensors file.";

function refuse(reason: string): LoraPathCheck {
  return { ok: false, reason };
}

/** Together downloads the file from the public internet, so local and private hosts can never work. */
function isPrivateHost(host: string): boolean {
  const h = host.toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost") || h.endsWith(".local") || h.endsWith(".internal")) return true;
  const ip = ipLiteral(h);
  return ip !== null && !isPublicAddress(ip);
}

function segmentsOf(url: URL): string[] {
  const parts = url.pathname.split("/");
  if (parts[parts.length - 1] === "") parts.pop(); // one trailing slash is harmless
  return parts.slice(1);
}

function checkHuggingFace(url: URL, segments: string[]): LoraPathCheck {
  const [owner, repo, kind, revision, ...file] = segments;
  if (!owner || !repo) return refuse(`A Hugging Face link needs an owner and a repo: https://huggingface.co/{owner}/{repo}. ${FORMS_HINT}`);
  if (HF_NOT_MODELS.has(owner)) return refuse(`This Hugging Face link is not a model repo (/${owner}/…). LoRAs must come from a model repo.`);
  if (!HF_NAME.test(owner) || !HF_NAME.test(repo)) return refuse(`"${owner}/${repo}" is not a valid Hugging Face repo id.`);
  if (segments.some((s) => s === "" || s === "." || s === "..")) return refuse("The Hugging Face link has an empty or relative path segment.");

  if (kind === undefined) {
    if (url.search) return refuse("A Hugging Face repo link must not carry a query string: use https://huggingface.co/{owner}/{repo}.");
    return { ok: true, source: "huggingface-repo" };
  }
  const fileName = file[file.length - 1];
  if (kind === "blob") {
    return refuse("This is a Hugging Face page link (/blob/), which serves HTML, not the file. Use the /resolve/ link instead: replace /blob/ with /resolve/.");
  }
  if (kind !== "resolve") {
    return refuse(`Hugging Face /${kind}/ links are not LoRA files. Link the repo itself, or a file with /resolve/{revision}/{file}.safetensors.`);
  }
  if (!revision || !fileName) return refuse("A Hugging Face /resolve/ link needs a revision and a file: /resolve/main/{file}.safetensors.");
  if (PICKLED.test(fileName)) return refuse(pickledReason(fileName));
  if (!SAFETENSORS.test(fileName)) return refuse("A Hugging Face /resolve/ link must point at a .safetensors file.");
  return { ok: true, source: "huggingface-file" };
}

function checkCivitai(segments: string[]): LoraPathCheck {
  const [api, download, models, id, ...rest] = segments;
  if (api === "api" && download === "download" && models === "models" && id && /^\d+$/.test(id) && rest.length === 0) {
    return { ok: true, source: "civitai" };
  }
  if (segments[0] === "models") {
    return refuse("This is a Civitai page link. Together needs the download link of a model version: https://civitai.com/api/download/models/{versionId}.");
  }
  return refuse("A Civitai link must be a download link: https://civitai.com/api/download/models/{versionId}.");
}

function checkReplicate(url: URL, segments: string[]): LoraPathCheck {
  const [owner, name, versions, version, ...rest] = segments;
  if (!owner || !name || REPLICATE_NOT_MODELS.has(owner) || !REPLICATE_NAME.test(owner) || !REPLICATE_NAME.test(name)) {
    return refuse("A Replicate link must name a model: https://replicate.com/{owner}/{model}.");
  }
  if (url.search) return refuse("A Replicate link must not carry a query string.");
  if (versions === undefined) return { ok: true, source: "replicate-model" };
  if (versions === "versions" && version && HEX_VERSION.test(version) && rest.length === 0) {
    return { ok: true, source: "replicate-version" };
  }
  return refuse("A Replicate link must be https://replicate.com/{owner}/{model} or …/{model}/versions/{versionId}.");
}

/**
 * The strict check of an `image_loras[].path` exactly as Together receives it. Nothing is
 * rewritten here: `parseLoraLink` turns near-misses into these forms, and every path it
 * returns passes this check.
 */
export function checkLoraPath(path: string): LoraPathCheck {
  if (path.length === 0) return refuse("The LoRA link is empty.");
  if (path.trim() !== path || /\s/.test(path)) return refuse("The LoRA link contains spaces.");
  let url: URL;
  try {
    url = new URL(path);
  } catch {
    return refuse(`Not a URL. ${FORMS_HINT}`);
  }
  if (url.protocol !== "https:") return refuse(`Together only fetches LoRAs over https (this link uses ${url.protocol.replace(":", "")}).`);
  if (url.username || url.password) return refuse("The LoRA link must not contain a user name or password.");
  if (url.hash) return refuse("The LoRA link must not contain a #fragment.");
  if (isPrivateHost(url.hostname)) return refuse(`Together downloads LoRAs from the public internet and cannot reach ${url.hostname}.`);

  const host = url.hostname.toLowerCase();
  const segments = segmentsOf(url);
  if (host === "huggingface.co") return checkHuggingFace(url, segments);
  if (host === "civitai.com") return checkCivitai(segments);
  if (host === "replicate.com") return checkReplicate(url, segments);

  const last = decode(segments[segments.length - 1] ?? "");
  if (PICKLED.test(last)) return refuse(pickledReason(last));
  if (SAFETENSORS.test(last)) return { ok: true, source: "direct-file" };
  return refuse(`This link is not one of the forms Together accepts. ${FORMS_HINT}`);
}
// ---- the friendly parser: whatever was pasted → that path ---------------------------------

export type LinkErrorCode =
  | "empty"
  | "too_long"
  | "spaces"
  | "multiple_links"
  | "not_a_url"
  | "unsupported_scheme"
  | "insecure_http"
  | "credentials"
  | "pickled"
  | "not_safetensors"
  | "hf_dataset"
  | "hf_space"
  | "hf_not_a_model"
  | "hf_incomplete"
  | "hf_invalid_name"
  | "civitai_not_a_model"
  | "civitai_not_model_file"
  | "replicate_not_a_model"
  | "replicate_bad_version"
  | "share_page"
  | "unsupported_host"
  | "not_accepted";

export interface ParsedLoraLinkOk {
  ok: true;
  /** Canonical path for Together; null only for a Civitai model link that still needs its version looked up. */
  path: string | null;
  source: LoraSource;
  /** Human page to link out to. */
  pageUrl: string;
  /** What was changed in the pasted link, and why. */
  notices: string[];
  /** `folder`: the link was a /tree/{rev}/{folder} view; resolvers may narrow file choices to it. */
  hf?: { repo: string; revision?: string; file?: string; folder?: string };
  civitai?: { modelId?: number; versionId?: number };
  replicate?: { owner: string; name: string; version?: string };
  /** Direct .safetensors URL when the link names a file. */
  fileUrl?: string;
}

export interface ParsedLoraLinkError {
  ok: false;
  code: LinkErrorCode;
  reason: string;
}

export type ParsedLoraLink = ParsedLoraLinkOk | ParsedLoraLinkError;

export const MAX_LINK_LENGTH = 2048;

const CIVITAI_FILE_TYPES = new Set(["Model", "Pruned Model"]);

const WHAT_TO_PASTE =
  "Paste a Hugging Face model link (https://huggingface.co/{owner}/{repo}), a Civitai model or download link, " +
  "a Replicate model link (https://replicate.com/{owner}/{model}), or an https link that ends in .safetensors.";

type Ok = Omit<ParsedLoraLinkOk, "ok" | "notices">;

function fail(code: LinkErrorCode, reason: string): ParsedLoraLinkError {
  return { ok: false, code, reason };
}

function pickled(name: string, alternative?: string): ParsedLoraLinkError {
  const hint = alternative ? ` If it also has one, paste ${alternative} and Lorascope will find it.` : "";
  return fail("pickled", `${pickledReason(name)}${hint}`);
}

// ---- cleaning what was pasted ----------------------------------------------------------

const PAIRS: [string, string][] = [["\"", "\""], ["'", "'"], ["`", "`"], ["“", "”"], ["‘", "’"], ["«", "»"], ["<", ">"], ["(", ")"], ["[", "]"]];

function unwrap(input: string): string {
  let s = input.trim();
  for (let changed = true; changed && s.length > 1; ) {
    changed = false;
    const md = /^\[[^\]]*\]\((\S+)\)$/.exec(s); // markdown [text](url)
    if (md) {
      s = md[1].trim();
      changed = true;
      continue;
    }
    for (const [open, close] of PAIRS) {
      if (s.startsWith(open) && s.endsWith(close)) {
        s = s.slice(open.length, -close.length).trim();
        changed = true;
        break;
      }
    }
  }
  // Punctuation that came along from a sentence ("see https://…/repo.").
  s = s.replace(/[.,;:!?]+$/, "");
  if (s.endsWith(")") && !s.includes("(")) s = s.slice(0, -1);
  return s;
}

/** `hf.co/x`, `www.civitai.com/x`, `bucket.s3.amazonaws.com/x`: a host name without a scheme. */
function startsWithHost(s: string): boolean {
  const first = s.split("/")[0];
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d+)?$/i.test(first) || /^localhost(:\d+)?$/i.test(first) || /^\d+\.\d+\.\d+\.\d+(:\d+)?$/.test(first);
}

// ---- Hugging Face -----------------------------------------------------------------------

function hfFile(owner: string, repo: string, revision: string, fileSegments: string[], notices: string[]): Ok | ParsedLoraLinkError {
  const repoId = `${owner}/${repo}`;
  const file = fileSegments.map(decode).join("/");
  const name = decode(fileSegments[fileSegments.length - 1]);
  if (PICKLED.test(name)) return pickled(name, `${HF}/${repoId}`);
  if (!SAFETENSORS.test(name)) {
    notices.push(`That link is to ${name}, not a LoRA file; Lorascope uses the repo ${repoId} instead and looks for its .safetensors file.`);
    return { path: `${HF}/${repoId}`, source: "huggingface-repo", pageUrl: `${HF}/${repoId}`, hf: { repo: repoId, revision: decode(revision) } };
  }
  const path = `${HF}/${repoId}/resolve/${revision}/${fileSegments.join("/")}`;
  return { path, source: "huggingface-file", pageUrl: `${HF}/${repoId}`, hf: { repo: repoId, revision: decode(revision), file }, fileUrl: path };
}

function parseHuggingFace(segments: string[], notices: string[]): Ok | ParsedLoraLinkError {
  const [first, second] = segments;
  if (first === "datasets") {
    return fail("hf_dataset", "This is a Hugging Face dataset, not a model. LoRAs live in model repos: paste https://huggingface.co/{owner}/{repo} of the LoRA itself.");
  }
  if (first === "spaces") {
    return fail("hf_space", "This is a Hugging Face Space (an app), not a model. Open the Space's files or README to find the LoRA repo it loads, and paste that https://huggingface.co/{owner}/{repo} link.");
  }
  if (first === "api" && second === "models") return parseHuggingFace(segments.slice(2), notices);
  if (first && HF_NOT_MODELS.has(first)) {
    return fail("hf_not_a_model", `This Hugging Face page (/${first}) is not a model repo. Open the LoRA's own page and paste its https://huggingface.co/{owner}/{repo} link.`);
  }
  const [owner, repo, kind, revision, ...rest] = segments;
  if (!owner || !repo) {
    return fail("hf_incomplete", `A Hugging Face link needs an owner and a repo name, like https://huggingface.co/${owner ?? "{owner}"}/{repo}. This looks like a user or organisation page: open one of its LoRAs and paste that link.`);
  }
  if (!HF_NAME.test(owner) || !HF_NAME.test(repo)) return fail("hf_invalid_name", `"${decode(owner)}/${decode(repo)}" is not a valid Hugging Face repo name.`);
  const repoId = `${owner}/${repo}`;
  const repoLink: Ok = { path: `${HF}/${repoId}`, source: "huggingface-repo", pageUrl: `${HF}/${repoId}`, hf: { repo: repoId } };

  if (kind === undefined) return repoLink;
  if (kind === "resolve" || kind === "blob" || kind === "raw" || kind === "blame" || kind === "edit") {
    if (!revision || rest.length === 0) {
      if (kind !== "resolve") return repoLink;
      return fail("hf_incomplete", `A Hugging Face /resolve/ link needs a revision and a file, like ${HF}/${repoId}/resolve/main/{file}.safetensors — or paste the repo link ${HF}/${repoId}.`);
    }
    if (kind !== "resolve" && SAFETENSORS.test(decode(rest[rest.length - 1]))) {
      notices.push(
        kind === "raw"
          ? "Changed the Hugging Face /raw/ link to a /resolve/ link: /raw/ gives the Git LFS pointer, not the file."
          : `Changed the Hugging Face /${kind}/ link to a /resolve/ link: /${kind}/ links are web pages.`,
      );
    }
    return hfFile(owner, repo, revision, rest, notices);
  }
  if (kind === "tree") {
    const folder = rest.map(decode).join("/");
    notices.push(
      folder
        ? `Used the repo link: Together loads a repo or a file, not a folder. Lorascope lists the .safetensors files in ${folder}/ so you can pick one.`
        : "Used the repo link: the /tree/ view is the same repo.",
    );
    return { ...repoLink, hf: { repo: repoId, ...(revision ? { revision: decode(revision) } : {}), ...(folder ? { folder } : {}) } };
  }
  // Discussions, commits, settings, model card tabs… all belong to the same repo.
  notices.push(`Used the repo link ${HF}/${repoId}: the /${kind} page belongs to it.`);
  return repoLink;
}

// ---- Civitai ----------------------------------------------------------------------------

function civitaiDownload(versionId: number, type = "Model", extra = ""): string {
  return `https://civitai.com/api/download/models/${versionId}?type=${encodeURIComponent(type)}&format=SafeTensor${extra}`;
}

function parseCivitai(url: URL, segments: string[], notices: string[]): Ok | ParsedLoraLinkError {
  const [a, b, c, d] = segments;
  const isId = (s?: string) => s !== undefined && /^\d{1,12}$/.test(s);

  if (a === "api" && b === "download" && c === "models") {
    if (!isId(d) || segments.length !== 4) return fail("civitai_not_a_model", "A Civitai download link looks like https://civitai.com/api/download/models/{versionId}; this one has no valid version number.");
    const q = url.searchParams;
    const type = q.get("type") ?? "Model";
    if (!CIVITAI_FILE_TYPES.has(type)) {
      return fail("civitai_not_model_file", `This Civitai link downloads the "${type}" file of the version, not the LoRA itself. Use ?type=Model, or paste the model page link.`);
    }
    const format = q.get("format") ?? "SafeTensor";
    if (format === "PickleTensor") return fail("pickled", "This Civitai link downloads a pickled checkpoint (format=PickleTensor), which Together does not load: use format=SafeTensor.");
    if (format !== "SafeTensor") return fail("not_safetensors", `This Civitai link downloads the ${format} format; Together loads .safetensors only. Use format=SafeTensor.`);
    if (q.has("token")) notices.push("Removed the API token from the Civitai link: it would be sent to Together and saved with your history.");
    const extra = ["size", "fp"].map((k) => (q.get(k) ? `&${k}=${encodeURIComponent(q.get(k)!)}` : "")).join("");
    const versionId = Number(d);
    return { path: civitaiDownload(versionId, type, extra), source: "civitai", pageUrl: `https://civitai.com/model-versions/${versionId}`, civitai: { versionId } };
  }
  if (a === "api" && b === "v1" && c === "model-versions" && isId(d)) {
    notices.push("Changed the Civitai API link to the version's download link.");
    return { path: civitaiDownload(Number(d)), source: "civitai", pageUrl: `https://civitai.com/model-versions/${d}`, civitai: { versionId: Number(d) } };
  }
  const modelPage = a === "models" ? b : a === "api" && b === "v1" && c === "models" ? d : undefined;
  if (modelPage !== undefined) {
    if (!isId(modelPage)) return fail("civitai_not_a_model", "This Civitai link does not name a model number. Open the LoRA's page and paste its link (https://civitai.com/models/{id}…).");
    const modelId = Number(modelPage);
    const version = url.searchParams.get("modelVersionId");
    if (version && isId(version)) {
      notices.push("Changed the Civitai page link to the download link of the version it shows.");
      return { path: civitaiDownload(Number(version)), source: "civitai", pageUrl: `https://civitai.com/models/${modelId}?modelVersionId=${version}`, civitai: { modelId, versionId: Number(version) } };
    }
    notices.push("The Civitai link names no version: Lorascope looks up the model's latest version with a .safetensors file.");
    return { path: null, source: "civitai", pageUrl: `https://civitai.com/models/${modelId}`, civitai: { modelId } };
  }
  if (a === "model-versions" && isId(b)) {
    notices.push("Changed the Civitai version link to its download link.");
    return { path: civitaiDownload(Number(b)), source: "civitai", pageUrl: `https://civitai.com/model-versions/${b}`, civitai: { versionId: Number(b) } };
  }
  const what = a ? `a Civitai ${a === "images" ? "image" : a === "posts" ? "post" : a === "user" ? "user" : a === "articles" ? "article" : a} page` : "Civitai's home page";
  return fail("civitai_not_a_model", `This is ${what}, not a model. Open the LoRA's model page (https://civitai.com/models/{id}…) and paste that link.`);
}

// ---- Replicate --------------------------------------------------------------------------

function parseReplicate(segments: string[], notices: string[]): Ok | ParsedLoraLinkError {
  const [owner, name, sub, version] = segments;
  if (!owner || !name || REPLICATE_NOT_MODELS.has(owner) || !REPLICATE_NAME.test(owner) || !REPLICATE_NAME.test(name)) {
    return fail("replicate_not_a_model", "This Replicate page is not a model. Paste the model link, https://replicate.com/{owner}/{model}.");
  }
  const model = `https://replicate.com/${owner}/${name}`;
  const base = { source: "replicate-model" as const, pageUrl: model, path: model, replicate: { owner, name } };
  if (sub === "versions" && version !== undefined) {
    if (!HEX_VERSION.test(version)) return fail("replicate_bad_version", `"${decode(version)}" is not a Replicate version id (those are long hexadecimal strings). Paste the model link ${model} instead.`);
    const v = version.toLowerCase();
    return { ...base, source: "replicate-version", path: `${model}/versions/${v}`, replicate: { owner, name, version: v } };
  }
  if (sub !== undefined && sub !== "versions") notices.push(`Used the model link ${model}: the /${sub} page belongs to it.`);
  return base;
}

// ---- other hosts ------------------------------------------------------------------------

function parseOtherHost(url: URL, segments: string[], notices: string[]): Ok | ParsedLoraLinkError {
  const host = url.hostname.toLowerCase();
  const last = decode(segments[segments.length - 1] ?? "");

  if (host === "drive.google.com" || host === "docs.google.com") {
    return fail("share_page", "Google Drive share links open a web page, not the file, so Together cannot load them. Upload the .safetensors file to Hugging Face or another host with direct https links.");
  }
  if (host === "github.com" && segments[2] === "blob" && SAFETENSORS.test(last)) {
    url.pathname = `/${segments.slice(0, 2).join("/")}/raw/${segments.slice(3).join("/")}`;
    notices.push("Changed the GitHub /blob/ link to a /raw/ link: /blob/ links are web pages.");
  }
  if ((host === "www.dropbox.com" || host === "dropbox.com") && SAFETENSORS.test(last) && url.searchParams.get("dl") !== "1") {
    url.searchParams.set("dl", "1");
    notices.push("Set dl=1 on the Dropbox link: without it Dropbox answers with a preview page, not the file.");
  }
  if (PICKLED.test(last)) return pickled(last);
  if (!SAFETENSORS.test(last)) {
    const ext = extensionOf(last);
    if (ext && ext.length <= 12 && /^\.[a-z0-9]+$/.test(ext) && !/^\.(html?|php|aspx?)$/.test(ext)) {
      return fail("not_safetensors", `This link is to a ${ext} file; Together loads LoRAs only as .safetensors files.`);
    }
    return fail("unsupported_host", `Lorascope cannot tell what ${host} links to: it is not Hugging Face, Civitai or Replicate, and the link does not end in .safetensors. ${WHAT_TO_PASTE}`);
  }
  url.hash = "";
  return { path: url.href, source: "direct-file", pageUrl: url.href, fileUrl: url.href };
}

// ---- entry point ------------------------------------------------------------------------

function parseShorthand(s: string, notices: string[]): string | ParsedLoraLinkError {
  // Civitai AIR: urn:air:flux1:lora:civitai:{modelId}@{versionId}
  const air = /^urn:air:[a-z0-9.]+:[a-z]+:civitai:(\d+)@(\d+)$/i.exec(s);
  if (air) {
    notices.push("Read the Civitai AIR as that model version's page link.");
    return `https://civitai.com/models/${air[1]}?modelVersionId=${air[2]}`;
  }
  // Replicate's own identifier: owner/name:version
  const rep = /^([A-Za-z0-9][A-Za-z0-9_.-]*)\/([A-Za-z0-9][A-Za-z0-9_.-]*):([0-9a-f]{8,64})$/i.exec(s);
  if (rep) {
    notices.push(`Read "${s.slice(0, 40)}…" as a Replicate model version.`);
    return `https://replicate.com/${rep[1]}/${rep[2]}/versions/${rep[3]}`;
  }
  if (s.startsWith("//")) return `https:${s}`;
  if (/^s3:\/\//i.test(s)) {
    return fail("unsupported_scheme", "Together cannot read s3:// links. Use the bucket's https URL (https://{bucket}.s3.amazonaws.com/{key}.safetensors), public or presigned.");
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return s;
  if (/^(data|javascript|mailto|file|blob|about|magnet):/i.test(s)) return fail("unsupported_scheme", `That is not a web link. ${WHAT_TO_PASTE}`);
  if (startsWithHost(s)) return `https://${s}`;
  const parts = s.split(/[?#]/)[0].split("/").filter(Boolean);
  if (parts.length >= 2 && HF_NAME.test(parts[0]) && HF_NAME.test(parts[1]) && !parts[0].includes(".")) {
    if (parts.length === 2) notices.push(`Read "${parts[0]}/${parts[1]}" as the Hugging Face repo ${HF}/${parts[0]}/${parts[1]}.`);
    return `${HF}/${s.replace(/^\/+/, "")}`;
  }
  return fail("not_a_url", `That is not a link. ${WHAT_TO_PASTE}`);
}

function parseUrlLink(raw: string, notices: string[]): Ok | ParsedLoraLinkError {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail("not_a_url", `That is not a valid link. ${WHAT_TO_PASTE}`);
  }
  const host = url.hostname.toLowerCase();
  const known = HF_HOSTS.has(host) || CIVITAI_HOSTS.has(host) || REPLICATE_HOSTS.has(host);
  if (url.protocol === "http:") {
    // These sites only serve https, so upgrading changes nothing but the scheme.
    if (!known) return fail("insecure_http", "Together only downloads LoRAs over https, and this link uses plain http. If the host serves https, paste the https:// link.");
    notices.push("Changed http:// to https://: Together only downloads over https.");
  } else if (url.protocol !== "https:") {
    return fail("unsupported_scheme", `Together only downloads LoRAs over https, not ${url.protocol.replace(/:$/, "")}. ${WHAT_TO_PASTE}`);
  }
  if (url.username || url.password) {
    return fail("credentials", "The link has a user name or password in it. Together cannot log in to download a LoRA, and the password would be stored: use a public or presigned link.");
  }
  const segments = url.pathname.split("/").filter(Boolean);
  if (HF_HOSTS.has(host)) return parseHuggingFace(segments, notices);
  if (CIVITAI_HOSTS.has(host)) return parseCivitai(url, segments, notices);
  if (REPLICATE_HOSTS.has(host)) return parseReplicate(segments, notices);
  return parseOtherHost(url, segments, notices);
}

/**
 * Whatever LoRA link a person pasted → the exact path Together receives, or a specific reason
 * and what to paste instead. Near-misses are rewritten with a notice; every path returned
 * passes `checkLoraPath` as the same source.
 */
export function parseLoraLink(input: string): ParsedLoraLink {
  if (typeof input !== "string" || input.trim() === "") return fail("empty", `The link is empty. ${WHAT_TO_PASTE}`);
  if (input.length > MAX_LINK_LENGTH * 2 || input.trim().length > MAX_LINK_LENGTH) {
    return fail("too_long", `That is longer than ${MAX_LINK_LENGTH} characters, far longer than a LoRA link. Paste just the one link.`);
  }
  let cleaned = unwrap(input);
  if (cleaned === "") return fail("empty", `The link is empty. ${WHAT_TO_PASTE}`);
  const notices: string[] = [];
  if (/\s/.test(cleaned)) {
    // Text copied along with a link ("Trigger: xyz — https://…"): use the link if there is exactly one.
    const links = cleaned.split(/\s+/).map(unwrap).filter((p) => /^https?:\/\//i.test(p) || KNOWN_HOST_PREFIX.test(p));
    if (links.length > 1) return fail("multiple_links", "That holds more than one link. Paste one LoRA link at a time.");
    if (links.length === 0) {
      return fail("spaces", "That has spaces in it, and no link. Paste one link; if a file name has spaces, copy the link from the browser's address bar (it writes them as %20).");
    }
    cleaned = links[0];
    notices.push("Used the one link found in the pasted text.");
  }
  const link = parseShorthand(cleaned, notices);
  if (typeof link !== "string") return link;
  const result = parseUrlLink(link, notices);
  if ("ok" in result) return result;
  if (result.path !== null) {
    const check = checkLoraPath(result.path);
    if (!check.ok) return fail("not_accepted", check.reason);
    if (check.source !== result.source) return fail("not_accepted", `${WHAT_TO_PASTE}`); // parser and checker must agree
  }
  return { ok: true, ...result, notices };
}

// ---- typed text: a link to resolve, or a search? -------------------------------------------

/**
 * Whether text typed into the LoRA box is a link (or `owner/repo` shorthand, or a Civitai AIR)
 * for `parseLoraLink`, rather than words to search for. Generous on purpose: the parser then
 * says exactly what is wrong with a near-miss.
 */
export function looksLikeLoraLink(text: string): boolean {
  const t = text.trim();
  return /^(https?:\/\/|www\.|urn:air:)/i.test(t) || KNOWN_HOST_PREFIX.test(t) || /^[\w.-]+\/[\w.-]+/.test(t) || /\.safetensors\b/i.test(t);
}

// ---- what a path names, and a LoRA's name from it ----------------------------------------

/** What a LoRA path (or pasted link) names, read leniently for names and search words; not a validity check. */
export type LoraPathParts =
  /** A Hugging Face or Replicate repo; `file` is a Hugging Face .safetensors file inside it. */
  | { kind: "repo"; owner: string; name: string; file: string | null }
  | { kind: "civitai"; versionId: string | null; modelId: string | null }
  /** Any other host: the last path segment, when there is one. */
  | { kind: "file"; site: string; file: string | null };

/** null when `path` is not a URL. */
export function loraPathParts(path: string): LoraPathParts | null {
  let url: URL;
  try {
    url = new URL(path.trim());
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split("/").filter(Boolean).map(decode);
  const last = parts[parts.length - 1] ?? null;
  if (HF_HOSTS.has(host) && parts.length >= 2) {
    return { kind: "repo", owner: parts[0], name: parts[1], file: parts.length > 2 && SAFETENSORS.test(last!) ? last : null };
  }
  if (REPLICATE_HOSTS.has(host) && parts.length >= 2) return { kind: "repo", owner: parts[0], name: parts[1], file: null };
  if (CIVITAI_HOSTS.has(host)) {
    const numeric = (s: string | null | undefined) => (s && /^\d+$/.test(s) ? s : null);
    const at = parts.indexOf("model-versions"); // /model-versions/{id}, /api/v1/model-versions/{id}
    const versionId =
      numeric(url.searchParams.get("modelVersionId")) ??
      (parts[0] === "api" && parts[1] === "download" ? numeric(parts[3]) : null) ??
      (at >= 0 ? numeric(parts[at + 1]) : null);
    return { kind: "civitai", versionId, modelId: parts[0] === "models" ? numeric(parts[1]) : null };
  }
  return { kind: "file", site: host.replace(/^www\./, ""), file: last };
}

/**
 * A short name for a LoRA path (or a pasted link), for chips, selects, comparisons and shared
 * pages when no card title is known: "owner/repo" for Hugging Face and Replicate (plus
 * " · file" for one Hugging Face file), "Civitai model version 12345" for Civitai, else
 * "host · file" (the host keeps two hosts' "lora.safetensors" apart).
 */
export function loraDisplayName(path: string): string {
  const trimmed = path.trim();
  if (/^[\w.-]+\/[\w.-]+$/.test(trimmed)) return trimmed; // owner/repo shorthand
  const p = loraPathParts(trimmed);
  if (!p) return trimmed;
  switch (p.kind) {
    case "repo":
      return `${p.owner}/${p.name}${p.file ? ` · ${p.file}` : ""}`;
    case "civitai":
      return p.versionId ? `Civitai model version ${p.versionId}` : p.modelId ? `Civitai model ${p.modelId}` : "Civitai";
    case "file":
      return p.file ? `${p.site} · ${p.file}` : p.site;
  }
}
