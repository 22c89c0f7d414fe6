/**
 * A stand-in for fal's queue API (docs/fal.md) as a WHATWG `(Request) => Response`
 * handler: the app runs it in-process when there is no FAL_KEY (./fetch.ts), and tests put
 * it on a loopback port (tests/support/fal-server.ts).
 *
 *   POST {base}/{endpoint}                         submit → IN_QUEUE + request_id and URLs
 *   GET  {base}/{owner}/{alias}/requests/{id}/status   IN_QUEUE | IN_PROGRESS | COMPLETED
 *   GET  {base}/{owner}/{alias}/requests/{id}          the output
 *   PUT  {base}/{owner}/{alias}/requests/{id}/cancel   202 CANCELLATION_REQUESTED | 400 ALREADY_COMPLETED
 *   GET  {base}/simulator/files/{id}                   a rendered image (like fal's CDN: no key needed)
 *
 * Status, result and cancel drop the endpoint's subpath (fal-ai/flux-2/lora is polled under
 * fal-ai/flux-2), exactly like fal; a request polled under another path is not found.
 */
import { randomInt, randomUUID } from "node:crypto";
import sharp from "sharp";
import { renderSimulatedImage } from "@/lib/together/simulator/render";
import { falAppPath, isFalEndpoint } from "../endpoints";
import { FAL_MESSAGES, falError, type FalSimulatedError } from "./error-bodies";
import { Lru } from "./lru";
import { validateFalSubmission, type SimulatedFalInput } from "./validate";

/** Origin the in-process simulator answers for; `.invalid` can never resolve, so nothing leaves the process. */
export const FAL_SIMULATOR_ORIGIN = "https://fal-simulator.lorascope.invalid";

export interface FalSimulatorOptions {
  /** Public URL this handler is reached at (origin plus optional path); response and file URLs are built on it. */
  publicBaseUrl?: string;
  /** No request completes sooner than this after its submit. Default 0. */
  latencyMs?: number;
  /**
   * How many status answers say IN_QUEUE / IN_PROGRESS before one says COMPLETED; a function
   * is asked at each submit, so a test server can vary it per request (Infinity: never). Default 1.
   */
  pollsBeforeCompleted?: number | ((submit: Request) => number);
  /** Rendered images kept for download; the least recently used go first. Default 64. */
  maxStoredImages?: number;
  /** Requests remembered. Default 256. */
  maxRequests?: number;
}

export type FalSimulatorHandler = (request: Request) => Promise<Response>;

interface QueuedRequest {
  id: string;
  appPath: string;
  input: SimulatedFalInput;
  submittedAt: number;
  pollsNeeded: number;
  polls: number;
  completed: boolean;
  cancelled: boolean;
  output?: Promise<unknown>;
}

const BASE_HEADERS = { "x-simulator": "true" };
const REQUEST_PATH = /^\/([^/]+)\/([^/]+)\/requests\/([^/]+)(?:\/(status|cancel))?$/;
const FILE_PATH = /^\/simulator\/files\/([A-Za-z0-9_-]+)$/;
const MIME = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...BASE_HEADERS, ...headers } });
}

export function falErrorResponse(error: FalSimulatedError): Response {
  return json(error.status, error.body, error.headers);
}

/** `Authorization: Key key_id:key_secret`; fal's own 401 wording for a missing or malformed key. */
function authProblem(request: Request): FalSimulatedError | null {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Key\s+(\S+)$/i.exec(header.trim());
  if (!match || !/^[^:]+:[^:]+$/.test(match[1])) return falError(401, FAL_MESSAGES.malformedKey, "");
  return null;
}

async function render(input: SimulatedFalInput, seed: number, index: number): Promise<Buffer> {
  const format = input.outputFormat === "jpeg" ? "jpeg" : "png";
  const bytes = await renderSimulatedImage({ prompt: input.prompt, seed, width: input.width, height: input.height, loras: input.loras, index, format });
  return input.outputFormat === "webp" ? sharp(bytes).webp().toBuffer() : bytes;
}

export function createFalSimulatorHandler(options: FalSimulatorOptions = {}): FalSimulatorHandler {
  const base = new URL(options.publicBaseUrl ?? FAL_SIMULATOR_ORIGIN);
  const basePath = base.pathname.replace(/\/+$/, "");
  const publicBase = `${base.origin}${basePath}`;
  const requests = new Lru<QueuedRequest>(options.maxRequests ?? 256);
  const files = new Lru<{ bytes: Buffer; type: string }>(options.maxStoredImages ?? 64);
  const pollsFor = (submit: Request) => {
    const value = typeof options.pollsBeforeCompleted === "function" ? options.pollsBeforeCompleted(submit) : options.pollsBeforeCompleted;
    return value ?? 1;
  };

  const urls = (q: QueuedRequest) => {
    const root = `${publicBase}/${q.appPath}/requests/${q.id}`;
    return { response_url: root, status_url: `${root}/status`, cancel_url: `${root}/cancel` };
  };

  function produce(q: QueuedRequest): Promise<unknown> {
    q.output ??= (async () => {
      const started = Date.now();
      // fal picks a random seed when none is given, and reports the one it used.
      const seed = q.input.seed ?? randomInt(0, 2 ** 31);
      const type = MIME[q.input.outputFormat];
      const rendered = await Promise.all(Array.from({ length: q.input.numImages }, (_, i) => render(q.input, seed, i)));
      const images = rendered.map((bytes, i) => {
        const fileId = randomUUID().replace(/-/g, "");
        const fileName = `${fileId}.${q.input.outputFormat === "jpeg" ? "jpg" : q.input.outputFormat}`;
        const url = q.input.syncMode ? `data:${type};base64,${bytes.toString("base64")}` : `${publicBase}/simulator/files/${fileId}`;
        if (!q.input.syncMode) files.set(fileId, { bytes, type });
        return { url, width: q.input.width, height: q.input.height, content_type: type, file_name: fileName, file_size: bytes.length, index: i };
      });
      return {
        images: images.map(({ index: _index, ...image }) => image),
        seed,
        has_nsfw_concepts: images.map(() => false),
        prompt: q.input.prompt,
        timings: { inference: (Date.now() - started) / 1000 },
      };
    })();
    return q.output;
  }

  function isReady(q: QueuedRequest): boolean {
    return q.polls > q.pollsNeeded && Date.now() - q.submittedAt >= (options.latencyMs ?? 0);
  }

  async function submit(request: Request, endpoint: string): Promise<Response> {
    const auth = authProblem(request);
    if (auth) return falErrorResponse(auth);
    if (!isFalEndpoint(endpoint)) return falErrorResponse(falError(404, `Application '${endpoint}' not found`, ""));
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      return falErrorResponse({ status: 422, body: { detail: [{ loc: ["body"], msg: "JSON decode error", type: "json_invalid" }] } });
    }
    const checked = validateFalSubmission(endpoint, body);
    if (!checked.ok) return falErrorResponse(checked.error);
    const q: QueuedRequest = {
      id: randomUUID(),
      appPath: falAppPath(endpoint),
      input: checked.input,
      submittedAt: Date.now(),
      pollsNeeded: pollsFor(request),
      polls: 0,
      completed: false,
      cancelled: false,
    };
    requests.set(q.id, q);
    return json(200, { status: "IN_QUEUE", request_id: q.id, ...urls(q), queue_position: 0 });
  }

  function status(q: QueuedRequest, logs: boolean): Response {
    const extra = logs ? { logs: [] as unknown[] } : {};
    if (!q.completed && !q.cancelled) {
      q.polls++;
      if (isReady(q)) q.completed = true;
    }
    if (q.completed || q.cancelled) {
      return json(200, { status: "COMPLETED", request_id: q.id, response_url: urls(q).response_url, ...extra, metrics: { inference_time: (Date.now() - q.submittedAt) / 1000 } });
    }
    if (q.polls <= 1) return json(200, { status: "IN_QUEUE", request_id: q.id, queue_position: 0, response_url: urls(q).response_url });
    return json(200, { status: "IN_PROGRESS", request_id: q.id, response_url: urls(q).response_url, ...extra });
  }

  async function result(q: QueuedRequest): Promise<Response> {
    if (q.cancelled) return falErrorResponse(falError(499, "Request was cancelled by the client"));
    if (!q.completed) return falErrorResponse(falError(400, "Request is still in progress"));
    return json(200, await produce(q), { "x-fal-request-id": q.id });
  }

  function cancel(q: QueuedRequest): Response {
    if (q.completed && !q.cancelled) return json(400, { status: "ALREADY_COMPLETED" });
    q.cancelled = true;
    return json(202, { status: "CANCELLATION_REQUESTED" });
  }

  return async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    let path = url.pathname;
    if (basePath && path.startsWith(`${basePath}/`)) path = path.slice(basePath.length);

    const file = FILE_PATH.exec(path);
    if (file && request.method === "GET") {
      const item = files.get(file[1]);
      if (!item) return falErrorResponse(falError(404, "This simulated image has expired or never existed", ""));
      return new Response(new Uint8Array(item.bytes), { status: 200, headers: { "content-type": item.type, ...BASE_HEADERS } });
    }

    const queued = REQUEST_PATH.exec(path);
    if (queued) {
      const [, owner, alias, id, action] = queued;
      const expected = action === "cancel" ? "PUT" : "GET";
      if (request.method !== expected) return falErrorResponse(falError(405, "Method Not Allowed", ""));
      const auth = authProblem(request);
      if (auth) return falErrorResponse(auth);
      const q = requests.get(id);
      if (!q || q.appPath !== `${owner}/${alias}`) return falErrorResponse(falError(404, `Request ${id} not found`, ""));
      if (action === "status") return status(q, url.searchParams.get("logs") === "1");
      if (action === "cancel") return cancel(q);
      return result(q);
    }

    if (request.method === "POST") {
      const endpoint = path.split("/").filter(Boolean).map(decodeURIComponent).join("/");
      return submit(request, endpoint);
    }
    return falErrorResponse(falError(404, "Not Found", ""));
  };
}
