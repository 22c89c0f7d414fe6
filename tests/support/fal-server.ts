/**
 * fal's queue API on a real loopback port, for @fal-ai/client integration tests and e2e
 * runs: the fal simulator handler plus request recording and fault injection. A separately
 * running Next server's tests drive it over HTTP through /__admin (routes below):
 *
 *   POST   /__admin/faults    add a fault (JSON, see faultSchema)   DELETE clears, GET lists
 *   GET    /__admin/requests  what arrived                          DELETE clears
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { z } from "zod";
import { validateFalInput, type ContractResult } from "@/lib/fal/contract/validate";
import { isFalEndpoint } from "@/lib/fal/endpoints";
import { statusError, type FalSimulatedError } from "@/lib/fal/simulator/error-bodies";
import { createFalSimulatorHandler } from "@/lib/fal/simulator/handler";

const stageSchema = z.enum(["submit", "status", "result", "cancel", "file"]);
export type FalStage = z.infer<typeof stageSchema> | "other";

const times = z.number().int().positive().optional();
const faultSchema = z.union([
  z.object({
    status: z.literal([401, 403, 404, 422, 429, 500, 502, 503, 504]),
    /** Which call answers with it; default submit. */
    stage: stageSchema.optional(),
    /** `detail` string, or for 422 the pydantic items; default: fal's wording per status. */
    detail: z.union([z.string(), z.array(z.object({ loc: z.array(z.union([z.string(), z.number()])), msg: z.string(), type: z.string() }))]).optional(),
    times,
  }),
  /** The next submits' requests need this many status polls before COMPLETED. */
  z.object({ kind: z.literal("slow-queue"), polls: z.number().int().nonnegative(), times }),
  /** The next submits' requests stay IN_PROGRESS for ever (until cancelled). */
  z.object({ kind: z.literal("never-complete"), times }),
  z.object({ kind: z.literal("delay"), ms: z.number().nonnegative(), stage: stageSchema.optional(), times }),
  /** No answer at all; the socket is closed by close(). */
  z.object({ kind: z.literal("hang"), stage: stageSchema.optional(), times }),
  /** A result file link that serves an HTML page instead of an image. */
  z.object({ kind: z.literal("not-an-image"), times }),
]);

/** A fault applies to the next `times` requests of its stage (all of them if omitted), in injection order. */
export type FalFault = z.infer<typeof faultSchema>;

export interface FalRecordedRequest {
  method: string;
  path: string;
  stage: FalStage;
  /** Lower-cased header names; `authorization` is "[redacted]" when present, absent otherwise. */
  headers: Record<string, string>;
  /** Whether an `Authorization: Key …` header came (its value is never recorded). */
  keyAuth: boolean;
  body: unknown;
  /** Contract check of a submit's body against the endpoint's input schema. */
  contract?: ContractResult;
  fault?: FalFault;
  receivedAt: number;
}

export interface FalServer {
  /** e.g. http://127.0.0.1:PORT — pass as FAL_BASE_URL / createFalProvider's baseUrl. */
  baseURL: string;
  origin: string;
  requests: FalRecordedRequest[];
  inject(fault: FalFault): void;
  clearFaults(): void;
  clearRequests(): void;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive"]);
const POLLS_HEADER = "x-lorascope-sim-polls";
const REQUEST_PATH = /^\/[^/]+\/[^/]+\/requests\/[^/]+(\/status|\/cancel)?$/;

function stageOf(method: string, path: string): FalStage {
  if (method === "GET" && path.startsWith("/simulator/files/")) return "file";
  const m = REQUEST_PATH.exec(path);
  if (m) return m[1] === "/status" ? "status" : m[1] === "/cancel" ? "cancel" : "result";
  return method === "POST" ? "submit" : "other";
}

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

function sendError(res: ServerResponse, error: FalSimulatedError): void {
  sendJson(res, error.status, error.body, error.headers);
}

function safeJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
}

function redactedHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name] = name === "authorization" ? "[redacted]" : Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

export async function startFalServer({ port = 0, host = "127.0.0.1" }: { port?: number; host?: string } = {}): Promise<FalServer> {
  const requests: FalRecordedRequest[] = [];
  let faults: { fault: FalFault; remaining: number }[] = [];
  const sockets = new Set<Socket>();
  let handler = createFalSimulatorHandler();

  const faultStage = (fault: FalFault): FalStage =>
    "status" in fault || fault.kind === "delay" || fault.kind === "hang" ? (fault.stage ?? "submit") : fault.kind === "not-an-image" ? "file" : "submit";

  function takeFault(stage: FalStage): FalFault | undefined {
    const index = faults.findIndex((f) => faultStage(f.fault) === stage);
    if (index < 0) return undefined;
    const entry = faults[index];
    if (--entry.remaining <= 0) faults.splice(index, 1);
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
    if (path === "/__admin/requests" && req.method === "DELETE") return server_.clearRequests(), sendJson(res, 200, { requests: [] });
    sendJson(res, 404, { error: `No admin route ${req.method} ${path}` });
  }

  async function api(req: IncomingMessage, res: ServerResponse, raw: Buffer, url: URL): Promise<void> {
    const method = req.method ?? "GET";
    const stage = stageOf(method, url.pathname);
    const body = safeJson(raw);
    const record: FalRecordedRequest = {
      method,
      path: url.pathname + url.search,
      stage,
      headers: redactedHeaders(req),
      keyAuth: /^Key\s+\S/i.test(req.headers.authorization ?? ""),
      body,
      receivedAt: Date.now(),
    };
    if (stage === "submit") {
      const endpoint = url.pathname.split("/").filter(Boolean).join("/");
      if (isFalEndpoint(endpoint)) record.contract = validateFalInput(endpoint, body);
    }
    requests.push(record);

    const fault = takeFault(stage);
    if (fault) record.fault = fault;
    let polls: number | undefined;
    if (fault && "status" in fault) {
      const error = statusError(fault.status, typeof fault.detail === "string" ? fault.detail : undefined);
      if (Array.isArray(fault.detail)) error.body = { detail: fault.detail };
      return sendError(res, error);
    }
    if (fault?.kind === "hang") return; // the socket is destroyed by close()
    if (fault?.kind === "delay") await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === "not-an-image") {
      res.writeHead(200, { "content-type": "image/png", "x-simulator": "true" });
      return void res.end("<!doctype html><title>Not Found</title>");
    }
    if (fault?.kind === "slow-queue") polls = fault.polls;
    if (fault?.kind === "never-complete") polls = Number.POSITIVE_INFINITY;

    const headers = Object.entries(req.headers).flatMap(([k, v]) =>
      v === undefined || HOP_BY_HOP.has(k) || k === POLLS_HEADER ? [] : [[k, Array.isArray(v) ? v.join(", ") : v] as [string, string]],
    );
    if (polls !== undefined) headers.push([POLLS_HEADER, String(polls)]);
    const request = new Request(url, { method, headers, body: method === "GET" || method === "HEAD" ? undefined : new Uint8Array(raw) });
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
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
  handler = createFalSimulatorHandler({
    publicBaseUrl: origin,
    // Faults reach the handler as a header on the submit it forwards (see api()).
    pollsBeforeCompleted: (submit) => Number(submit.headers.get(POLLS_HEADER) ?? 1),
  });

  const server_: FalServer = {
    baseURL: origin,
    origin,
    requests,
    inject(fault) {
      const parsed = faultSchema.parse(fault);
      faults.push({ fault: parsed, remaining: parsed.times ?? Number.POSITIVE_INFINITY });
    },
    clearFaults() {
      faults = [];
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
