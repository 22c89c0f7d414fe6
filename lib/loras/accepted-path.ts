import { ipLiteral, isPublicAddress } from "@/lib/net/ip-policy";

/**
 * The strict check of an `image_loras[].path` exactly as Together receives it
 * (docs/platform.md §2). No rewriting happens here: a friendlier parser of pasted links
 * builds on this and turns near-misses (HF `blob`, Civitai page links) into these forms.
 */
export type LoraSource =
  | "huggingface-repo"
  | "huggingface-file"
  | "civitai"
  | "replicate-model"
  | "replicate-version"
  | "direct-file";

export type LoraPathCheck = { ok: true; source: LoraSource } | { ok: false; reason: string };

const PICKLED = /\.(ckpt|pt|pth|bin|pkl)$/i;
const SAFETENSORS = /\.safetensors$/i;
// Hugging Face repo and owner names: letters, digits, `-`, `_`, `.`; no leading/trailing `-`/`.`.
const HF_NAME = /^(?![-.])[A-Za-z0-9_.-]{1,96}(?<![-.])$/;
// First path segments on huggingface.co that are not a model owner.
const HF_NOT_MODELS = new Set(["datasets", "spaces", "api", "models", "docs", "blog", "collections", "organizations", "settings", "papers", "join", "login"]);
const REPLICATE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const REPLICATE_NOT_MODELS = new Set(["explore", "collections", "docs", "pricing", "account", "p", "blog", "about", "signin", "changelog", "deployments", "predictions", "trainings"]);
const REPLICATE_VERSION = /^[0-9a-f]{8,64}$/i;

const FORMS_HINT =
  "Use a Hugging Face repo or /resolve/ file link, a Civitai https://civitai.com/api/download/models/{id} link, " +
  "a Replicate model or version link, or an https link to a .safetensors file.";

function fail(reason: string): LoraPathCheck {
  return { ok: false, reason };
}

function pickled(name: string): LoraPathCheck {
  const ext = name.slice(name.lastIndexOf("."));
  return fail(`${ext} files are pickled checkpoints, which Together does not load: use the .safetensors version of the LoRA.`);
}

/** Together downloads the file from the public internet, so local and private hosts can never work. */
function isPrivateHost(host: string): boolean {
  const h = host.toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost") || h.endsWith(".local") || h.endsWith(".internal")) return true;
  const ip = ipLiteral(h);
  return ip !== null && !isPublicAddress(ip);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function segmentsOf(url: URL): string[] {
  const parts = url.pathname.split("/");
  if (parts[parts.length - 1] === "") parts.pop(); // one trailing slash is harmless
  return parts.slice(1);
}

function checkHuggingFace(url: URL, segments: string[]): LoraPathCheck {
  const [owner, repo, kind, revision, ...file] = segments;
  if (!owner || !repo) return fail(`A Hugging Face link needs an owner and a repo: https://huggingface.co/{owner}/{repo}. ${FORMS_HINT}`);
  if (HF_NOT_MODELS.has(owner)) return fail(`This Hugging Face link is not a model repo (/${owner}/…). LoRAs must come from a model repo.`);
  if (!HF_NAME.test(owner) || !HF_NAME.test(repo)) return fail(`"${owner}/${repo}" is not a valid Hugging Face repo id.`);
  if (segments.some((s) => s === "" || s === "." || s === "..")) return fail("The Hugging Face link has an empty or relative path segment.");

  if (kind === undefined) {
    if (url.search) return fail("A Hugging Face repo link must not carry a query string: use https://huggingface.co/{owner}/{repo}.");
    return { ok: true, source: "huggingface-repo" };
  }
  const fileName = file[file.length - 1];
  if (kind === "blob") {
    return fail("This is a Hugging Face page link (/blob/), which serves HTML, not the file. Use the /resolve/ link instead: replace /blob/ with /resolve/.");
  }
  if (kind !== "resolve") {
    return fail(`Hugging Face /${kind}/ links are not LoRA files. Link the repo itself, or a file with /resolve/{revision}/{file}.safetensors.`);
  }
  if (!revision || !fileName) return fail("A Hugging Face /resolve/ link needs a revision and a file: /resolve/main/{file}.safetensors.");
  if (PICKLED.test(fileName)) return pickled(fileName);
  if (!SAFETENSORS.test(fileName)) return fail("A Hugging Face /resolve/ link must point at a .safetensors file.");
  return { ok: true, source: "huggingface-file" };
}

function checkCivitai(segments: string[]): LoraPathCheck {
  const [api, download, models, id, ...rest] = segments;
  if (api === "api" && download === "download" && models === "models" && id && /^\d+$/.test(id) && rest.length === 0) {
    return { ok: true, source: "civitai" };
  }
  if (segments[0] === "models") {
    return fail("This is a Civitai page link. Together needs the download link of a model version: https://civitai.com/api/download/models/{versionId}.");
  }
  return fail("A Civitai link must be a download link: https://civitai.com/api/download/models/{versionId}.");
}

function checkReplicate(url: URL, segments: string[]): LoraPathCheck {
  const [owner, name, versions, version, ...rest] = segments;
  if (!owner || !name || REPLICATE_NOT_MODELS.has(owner) || !REPLICATE_NAME.test(owner) || !REPLICATE_NAME.test(name)) {
    return fail("A Replicate link must name a model: https://replicate.com/{owner}/{model}.");
  }
  if (url.search) return fail("A Replicate link must not carry a query string.");
  if (versions === undefined) return { ok: true, source: "replicate-model" };
  if (versions === "versions" && version && REPLICATE_VERSION.test(version) && rest.length === 0) {
    return { ok: true, source: "replicate-version" };
  }
  return fail("A Replicate link must be https://replicate.com/{owner}/{model} or …/{model}/versions/{versionId}.");
}

export function checkLoraPath(path: string): LoraPathCheck {
  if (path.length === 0) return fail("The LoRA link is empty.");
  if (path.trim() !== path || /\s/.test(path)) return fail("The LoRA link contains spaces.");
  let url: URL;
  try {
    url = new URL(path);
  } catch {
    return fail(`Not a URL. ${FORMS_HINT}`);
  }
  if (url.protocol !== "https:") return fail(`Together only fetches LoRAs over https (this link uses ${url.protocol.replace(":", "")}).`);
  if (url.username || url.password) return fail("The LoRA link must not contain a user name or password.");
  if (url.hash) return fail("The LoRA link must not contain a #fragment.");
  if (isPrivateHost(url.hostname)) return fail(`Together downloads LoRAs from the public internet and cannot reach ${url.hostname}.`);

  const host = url.hostname.toLowerCase();
  const segments = segmentsOf(url);
  if (host === "huggingface.co") return checkHuggingFace(url, segments);
  if (host === "civitai.com") return checkCivitai(segments);
  if (host === "replicate.com") return checkReplicate(url, segments);

  const last = safeDecode(segments[segments.length - 1] ?? "");
  if (PICKLED.test(last)) return pickled(last);
  if (SAFETENSORS.test(last)) return { ok: true, source: "direct-file" };
  return fail(`This link is not one of the forms Together accepts. ${FORMS_HINT}`);
}
