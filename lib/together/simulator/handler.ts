/**
 * A stand-in for Together's image API as a WHATWG `(Request) => Response` handler:
 * the app uses it in-process when there is no API key (see ./fetch.ts), and tests wrap
 * it in an HTTP server (tests/support/together-server.ts).
 */
import { randomBytes, randomInt } from "node:crypto";
import { getCatalog } from "@/lib/models/registry";
import { caseError, listedUnder, type SimulatorCases } from "./cases";
import { statusError, togetherError, type SimulatedError } from "./error-bodies";
import { renderSimulatedImage } from "./render";
import { validateSimulatedRequest, type SimulatedRequest } from "./validate";

export interface SimulatorOptions {
  /**
   * Public URL of the API root this handler serves, e.g. "http://127.0.0.1:4010/v1".
   * Needed for `response_format: "url"`: results are served at {publicBaseUrl}/simulator/files/{id}.
   */
  publicBaseUrl?: string;
  /** How many url-format images stay retrievable; the least recently used go first. Default 64. */
  maxStoredImages?: number;
  /** Wait this long before answering a generation, like a real model run. Default 0. */
  latencyMs?: number;
  /** Per-model misbehaviour (./cases.ts), read on every request so tests can change it. */
  cases?: () => SimulatorCases;
  /** What GET /models answers; default: the catalog's Together models, less those a case hides. */
  listModels?: () => unknown[] | undefined;
}

export type SimulatorHandler = (request: Request) => Promise<Response>;

const FILES_PATH = /\/simulator\/files\/([A-Za-z0-9_-]+)$/;
const BASE_HEADERS = { "x-simulator": "true" };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...BASE_HEADERS, ...headers },
  });
}

export function errorResponse(error: SimulatedError): Response {
  return json(error.status, error.body, error.headers);
}

/** Bounded LRU of rendered bytes: a Map keeps insertion order, so re-inserting marks as recent. */
class ImageStore {
  private readonly items = new Map<string, { bytes: Buffer; type: string }>();
  constructor(private readonly limit: number) {}
  put(bytes: Buffer, type: string): string {
    const id = randomBytes(12).toString("base64url");
    this.items.set(id, { bytes, type });
    while (this.items.size > this.limit) this.items.delete(this.items.keys().next().value as string);
    return id;
  }
  get(id: string) {
    const item = this.items.get(id);
    if (item) {
      this.items.delete(id);
      this.items.set(id, item);
    }
    return item;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

/** Together-like request id, e.g. "sim-9f2c1a7-3b8e0d-5c4f…". */
function responseId(): string {
  const hex = randomBytes(12).toString("hex");
  return `sim-${hex.slice(0, 7)}-${hex.slice(7, 13)}-${hex.slice(13)}`;
}

function bearer(request: Request): string | undefined {
  const match = /^Bearer\s+(\S.*)$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1].trim() || undefined;
}

export function createSimulatorHandler(options: SimulatorOptions = {}): SimulatorHandler {
  const store = new ImageStore(options.maxStoredImages ?? 64);
  const publicBase = options.publicBaseUrl?.replace(/\/+$/, "");

  async function generate(request: Request): Promise<Response> {
    if (!bearer(request)) return errorResponse(statusError(401));
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      return errorResponse(togetherError(400, "Could not parse the request body as JSON."));
    }
    const checked = validateSimulatedRequest(body);
    if (!checked.ok) return errorResponse(checked.error);
    const req: SimulatedRequest = checked.request;
    const refusal = caseError(options.cases?.().get(req.model.id), req.model.id, req.loras.length > 0);
    if (refusal) return errorResponse(refusal);
    if (req.responseFormat === "url" && !publicBase) {
      return errorResponse(
        togetherError(400, 'The Lorascope simulator cannot serve image URLs here: request response_format "base64".', { param: "response_format" }),
      );
    }
    if (options.latencyMs) await sleep(options.latencyMs, request.signal);

    // Together picks a random seed when none is given.
    const seed = req.seed ?? randomInt(0, 2 ** 31);
    const images = await Promise.all(
      Array.from({ length: req.n }, (_, index) =>
        renderSimulatedImage({ prompt: req.prompt, seed, width: req.width, height: req.height, loras: req.loras, index, format: req.outputFormat }),
      ),
    );
    const mime = req.outputFormat === "png" ? "image/png" : "image/jpeg";
    const data = images.map((bytes, index) =>
      req.responseFormat === "base64"
        ? { index, type: "b64_json" as const, b64_json: bytes.toString("base64") }
        : { index, type: "url" as const, url: `${publicBase}/simulator/files/${store.put(bytes, mime)}` },
    );
    return json(200, { id: responseId(), model: req.model.id, object: "list", data });
  }

  /** Together's bare ModelInfo list (OAS ModelInfoList): no image prices, as Together documents none. */
  function models(request: Request): Response {
    if (!bearer(request)) return errorResponse(statusError(401));
    const explicit = options.listModels?.();
    if (explicit) return json(200, explicit);
    const cases = options.cases?.();
    const created = Math.floor(Date.UTC(2026, 0, 1) / 1000);
    const list = getCatalog()
      .models.filter((m) => m.provider === "together" && listedUnder(cases?.get(m.id)))
      .map((m) => ({
        id: m.id,
        object: "model",
        created,
        type: "image",
        display_name: m.label,
        organization: m.id.split("/")[0],
        pricing: { hourly: 0, input: 0, output: 0, base: 0, finetune: 0 },
      }));
    return json(200, list);
  }

  return async function handle(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (/\/models\/?$/.test(pathname) && request.method === "GET") return models(request);
    if (pathname.endsWith("/images/generations")) {
      if (request.method !== "POST") return errorResponse(togetherError(405, `Method ${request.method} not allowed; use POST.`));
      return generate(request);
    }
    const file = FILES_PATH.exec(pathname);
    if (file && request.method === "GET") {
      const item = store.get(file[1]);
      if (!item) return errorResponse(togetherError(404, "This simulated image has expired or never existed."));
      return new Response(new Uint8Array(item.bytes), { status: 200, headers: { "content-type": item.type, ...BASE_HEADERS } });
    }
    return errorResponse(togetherError(404, `The simulator does not serve ${request.method} ${pathname}.`));
  };
}
