/**
 * Together's image API on a real port, for SDK integration tests and e2e runs: the
 * simulator handler plus request recording and fault injection. A separately running
 * Next server's tests drive it over HTTP through /__admin (see the routes below).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { z } from "zod";
import { validateImageRequest, type ContractResult } from "@/lib/together/contract/validate";
import { createSimulatorHandler } from "@/lib/together/simulator/handler";
import { parseSimulatorCases, type SimulatorCases } from "@/lib/together/simulator/cases";
import { statusError, unusedKeysError, type SimulatedError } from "@/lib/together/simulator/error-bodies";

const faultSchema = z.union([
  z.object({
    status: z.union([z.literal(401), z.literal(402), z.literal(403), z.literal(404), z.literal(429), z.literal(500), z.literal(503)]),
    retryAfterSeconds: z.number().nonnegative().optional(),
    message: z.string().optional(),
    times: z.number().int().positive().optional(),
  }),
  z.object({ kind: z.literal("delay"), ms: z.number().nonnegative(), times: z.number().int().positive().optional() }),
  z.object({ kind: z.literal("hang"), times: z.number().int().positive().optional() }),
  z.object({ kind: z.literal("malformed-json"), times: z.number().int().positive().optional() }),
  z.object({ kind: z.literal("unused-keys"), keys: z.array(z.string()).optional(), times: z.number().int().positive().optional() }),
]);

/** A fault applies to the next `times` generation requests (all of them if omitted), in injection order. */
export type Fault = z.infer<typeof faultSchema>;

export interface RecordedRequest {
  method: string;
  path: string;
  /** Lower-cased header names; `authorization` is "[redacted]" when present, absent otherwise. */
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when there was none or it was not JSON. */
  body: unknown;
  /** Contract check of the body, for POST …/images/generations only. */
  contract?: ContractResult;
  /** Which fault answered this request, if any. */
  fault?: Fault;
  /** When the request arrived (epoch ms), so tests can check retry timing such as retry-after. */
  receivedAt: number;
  /** The bearer key's last four characters ("…0001"), so tests can tell which key paid; null without one. */
  keyHint: string | null;
}

function keyHintOf(req: IncomingMessage): string | null {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  return token ? `…${token.slice(-4)}` : null;
}

export interface TogetherServer {
  /** e.g. http://127.0.0.1:PORT/v1 — pass as the SDK's baseURL. */
  baseURL: string;
  /** Origin of the admin API, e.g. http://127.0.0.1:PORT (routes under /__admin). */
  origin: string;
  requests: RecordedRequest[];
  inject(fault: Fault): void;
  clearFaults(): void;
  /** Per-model behaviour, as LORASCOPE_SIMULATOR_CASES spells it ("" clears). */
  setCases(text: string): void;
  /** What GET /v1/models answers (null: the catalog's Together models, less hidden cases; {status}: that error). */
  setModels(list: unknown[] | { status: number } | null): void;
  clearRequests(): void;
  /**
   * A per-key request limit like a provider's: at most `perWindow` generation requests in any
   * `windowMs`; past it, a 429 whose retry-after (whole seconds) says when the window has room. null lifts it.
   */
  setRateLimit(limit: { perWindow: number; windowMs: number } | null): void;
  close(): Promise<void>;
}

const GENERATIONS = /\/images\/generations$/;
// Connection-level headers describe the node:http exchange, not the request the handler sees.
const HOP_BY_HOP = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive"]);

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", "x-simulator": "true", ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, error: SimulatedError): void {
  sendJson(res, error.status, error.body, error.headers);
}

async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

function redactedHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name] = name === "authorization" ? "[redacted]" : Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

export async function startTogetherServer({ port = 0, host = "127.0.0.1" }: { port?: number; host?: string } = {}): Promise<TogetherServer> {
  const requests: RecordedRequest[] = [];
  let faults: { fault: Fault; remaining: number }[] = [];
  const sockets = new Set<Socket>();
  let cases: SimulatorCases = new Map();
  let modelList: unknown[] | { status: number } | null = null;
  let rateLimit: { perWindow: number; windowMs: number } | null = null;
  /** When each generation request the limit let through arrived. */
  const admitted: number[] = [];

  /** Seconds until the window has room, or 0 when this request may pass (and is counted). */
  function rateLimited(now: number): number {
    if (!rateLimit) return 0;
    while (admitted.length && admitted[0] <= now - rateLimit.windowMs) admitted.shift();
    if (admitted.length < rateLimit.perWindow) {
      admitted.push(now);
      return 0;
    }
    return Math.max(1, Math.ceil((admitted[0] + rateLimit.windowMs - now) / 1000));
  }
  const behaviour = { cases: () => cases, listModels: () => (Array.isArray(modelList) ? modelList : undefined) };
  let handler = createSimulatorHandler();

  function takeFault(): Fault | undefined {
    const entry = faults[0];
    if (!entry) return undefined;
    if (--entry.remaining <= 0) faults.shift();
    return entry.fault;
  }

  async function admin(req: IncomingMessage, res: ServerResponse, raw: Buffer, path: string): Promise<void> {
    if (path === "/__admin/faults" && req.method === "POST") {
      const parsed = faultSchema.safeParse(safeJson(raw));
      if (!parsed.success) return sendJson(res, 400, { error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
      server_.inject(parsed.data);
      return sendJson(res, 201, { faults: faults.map((f) => f.fault) });
    }
    if (path === "/__admin/faults" && req.method === "DELETE") return server_.clearFaults(), sendJson(res, 200, { faults: [] });
    if (path === "/__admin/faults" && req.method === "GET") return sendJson(res, 200, { faults: faults.map((f) => f.fault) });
    if (path === "/__admin/requests" && req.method === "GET") return sendJson(res, 200, { requests });
    if (path === "/__admin/cases" && req.method === "POST") {
      try {
        server_.setCases(String((safeJson(raw) as { cases?: unknown } | undefined)?.cases ?? ""));
      } catch (err) {
        return sendJson(res, 400, { error: (err as Error).message });
      }
      return sendJson(res, 200, { cases: Object.fromEntries(cases) });
    }
    if (path === "/__admin/models" && req.method === "POST") {
      const body = safeJson(raw) as { models?: unknown; status?: unknown } | undefined;
      server_.setModels(Array.isArray(body?.models) ? body.models : typeof body?.status === "number" ? { status: body.status } : null);
      return sendJson(res, 200, { models: modelList });
    }
    if (path === "/__admin/rate-limit" && req.method === "POST") {
      const body = safeJson(raw) as { perWindow?: unknown; windowMs?: unknown } | undefined;
      const ok = typeof body?.perWindow === "number" && typeof body?.windowMs === "number" && body.perWindow > 0 && body.windowMs > 0;
      server_.setRateLimit(ok ? { perWindow: body.perWindow as number, windowMs: body.windowMs as number } : null);
      return sendJson(res, 200, { rateLimit });
    }
    if (path === "/__admin/requests" && req.method === "DELETE") return server_.clearRequests(), sendJson(res, 200, { requests: [] });
    sendJson(res, 404, { error: `No admin route ${req.method} ${path}` });
  }

  async function api(req: IncomingMessage, res: ServerResponse, raw: Buffer, url: URL): Promise<void> {
    const isGeneration = req.method === "POST" && GENERATIONS.test(url.pathname);
    const body = safeJson(raw);
    const record: RecordedRequest = { method: req.method ?? "GET", path: url.pathname, headers: redactedHeaders(req), body, receivedAt: Date.now(), keyHint: keyHintOf(req) };
    if (isGeneration) record.contract = validateImageRequest(body);
    requests.push(record);

    if (req.method === "GET" && /\/models\/?$/.test(url.pathname) && modelList && !Array.isArray(modelList)) {
      return sendError(res, statusError(modelList.status));
    }
    const wait = isGeneration ? rateLimited(record.receivedAt) : 0;
    if (wait > 0) {
      record.fault = { status: 429, retryAfterSeconds: wait };
      return sendError(res, statusError(429, "Rate limit exceeded (stand-in limit)", wait));
    }
    const fault = isGeneration ? takeFault() : undefined;
    if (fault) record.fault = fault;
    if (fault && "status" in fault) return sendError(res, statusError(fault.status, fault.message, fault.retryAfterSeconds));
    if (fault?.kind === "hang") return; // the socket is destroyed by close()
    if (fault?.kind === "malformed-json") {
      res.writeHead(200, { "content-type": "application/json", "x-simulator": "true" });
      return void res.end('{"id": "sim-broken", "model": "black-forest-labs/FLUX.1-dev-lora", "object": "list", "data": [{"index": 0, "ty');
    }
    if (fault?.kind === "unused-keys") {
      const first = (body as { image_loras?: { path?: string }[] } | undefined)?.image_loras?.[0]?.path ?? "the LoRA";
      return sendError(res, unusedKeysError(first, fault.keys));
    }
    if (fault?.kind === "delay") await new Promise((r) => setTimeout(r, fault.ms));

    const request = new Request(url, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) =>
        v === undefined || HOP_BY_HOP.has(k) ? [] : [[k, Array.isArray(v) ? v.join(", ") : v] as [string, string]],
      ),
      body: req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(raw),
    });
    await sendResponse(res, await handler(request));
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host ?? `${host}:${port}`}`);
      const raw = await readBody(req);
      if (url.pathname.startsWith("/__admin/")) await admin(req, res, raw, url.pathname);
      else await api(req, res, raw, url);
    } catch (err) {
      if (!res.headersSent) sendError(res, statusError(500, `Test server error: ${(err as Error).message}`));
      else res.destroy();
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const origin = `http://${hostPart}:${address.port}`;
  const baseURL = `${origin}/v1`;
  handler = createSimulatorHandler({
    publicBaseUrl: baseURL,
    cases: behaviour.cases,
    listModels: behaviour.listModels,
  });

  const server_: TogetherServer = {
    baseURL,
    origin,
    requests,
    inject(fault) {
      const parsed = faultSchema.parse(fault);
      faults.push({ fault: parsed, remaining: parsed.times ?? Number.POSITIVE_INFINITY });
    },
    clearFaults() {
      faults = [];
    },
    setCases(text) {
      cases = parseSimulatorCases(text);
    },
    setModels(list) {
      modelList = list;
    },
    setRateLimit(limit) {
      rateLimit = limit;
      admitted.length = 0;
    },
    clearRequests() {
      requests.length = 0; // keep the array identity: callers may hold `server.requests`
    },
    close() {
      return new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy(); // also ends "hang" faults
        server.close(() => resolve());
      });
    },
  };
  return server_;
}

function safeJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
}
