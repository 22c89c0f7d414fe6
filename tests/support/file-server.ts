import http, { type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Loopback file host for fetch-guard and safetensors tests. Serves virtual files (a real
 * head, then zeros up to `size`) with single-range support, plus the awkward servers the
 * guard must survive. Every request is logged with the bytes of body it was sent, so tests
 * can prove a whole file was never downloaded.
 *
 * Routes:
 *   GET|HEAD /files/:name            Range-aware (206 + Content-Range, 416)
 *   GET      /norange/files/:name    ignores Range, always 200 with the whole file
 *   GET      /api/download/models/:id  Civitai-style 307 to /signed/:name?sig=…
 *   GET      /signed/:name           like /files but 403 without ?sig
 *   GET      /redirect?to=URL[&status=302]
 *   GET      /loop/:n                redirects to /loop/n+1 forever
 *   GET      /slow                   drips one byte every 100 ms
 *   GET      /endless                streams zeros forever, no Content-Length
 *   GET      /huge                   declares 10 GB, streams zeros
 *   GET      /json, /not-json, /echo  small JSON / text / request headers as JSON
 */

export interface VirtualFile {
  head: Buffer;
  size: number;
  contentType?: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  range?: string;
  status: number;
  bytesSent: number;
  headers: IncomingHttpHeaders;
}

export interface FileServer {
  origin: string;
  port: number;
  url(path: string): string;
  log: LoggedRequest[];
  clearLog(): void;
  close(): Promise<void>;
}

export interface FileServerOptions {
  files: Record<string, VirtualFile>;
  /** Civitai model-version id → file name. */
  civitai?: Record<string, string>;
  /** Serve every file without Range support. */
  noRange?: boolean;
  /** Fixed port; any free one when omitted. */
  port?: number;
}

const CHUNK = 64 * 1024;

function slice(file: VirtualFile, start: number, end: number): Buffer {
  const out = Buffer.alloc(end - start);
  if (start < file.head.length) file.head.copy(out, 0, start, Math.min(end, file.head.length));
  return out;
}

/** Writes with backpressure so `bytesSent` tracks what the client actually pulled. */
async function stream(res: ServerResponse, entry: LoggedRequest, next: (n: number) => Buffer | null): Promise<void> {
  for (;;) {
    if (res.destroyed) return;
    const chunk = next(CHUNK);
    if (!chunk) return void res.end();
    entry.bytesSent += chunk.length;
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off("drain", done);
          res.off("close", done);
          resolve();
        };
        res.on("drain", done);
        res.on("close", done);
      });
    }
  }
}

function parseRange(header: string, size: number): [number, number] | "invalid" | "unsatisfiable" {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return "invalid";
  if (m[1] === "") {
    const n = Number(m[2]);
    return n === 0 ? "unsatisfiable" : [Math.max(0, size - n), size - 1];
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size) return "unsatisfiable";
  return end < start ? "invalid" : [start, end];
}

export async function startFileServer(options: FileServerOptions): Promise<FileServer> {
  const log: LoggedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  async function serveFile(req: http.IncomingMessage, res: ServerResponse, entry: LoggedRequest, name: string, ranges: boolean) {
    const file = options.files[decodeURIComponent(name)];
    if (!file) return end(res, entry, 404, "not found");
    const type = file.contentType ?? "application/octet-stream";
    let [start, last] = [0, file.size - 1];
    let status = 200;
    const header = req.headers.range;
    if (ranges && header) {
      const r = parseRange(header, file.size);
      if (r === "unsatisfiable") {
        entry.status = 416;
        res.writeHead(416, { "content-range": `bytes */${file.size}` });
        return void res.end();
      }
      if (r !== "invalid") {
        [start, last] = r;
        status = 206;
      }
    }
    const headers: http.OutgoingHttpHeaders = { "content-type": type, "content-length": last - start + 1 };
    if (ranges) headers["accept-ranges"] = "bytes";
    if (status === 206) headers["content-range"] = `bytes ${start}-${last}/${file.size}`;
    entry.status = status;
    res.writeHead(status, headers);
    if (req.method === "HEAD") return void res.end();
    let pos = start;
    await stream(res, entry, (n) => {
      if (pos > last) return null;
      const chunk = slice(file, pos, Math.min(pos + n, last + 1));
      pos += chunk.length;
      return chunk;
    });
  }

  function end(res: ServerResponse, entry: LoggedRequest, status: number, body: string, headers: http.OutgoingHttpHeaders = {}) {
    entry.status = status;
    entry.bytesSent += Buffer.byteLength(body);
    res.writeHead(status, { "content-type": "text/plain", ...headers });
    res.end(body);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const entry: LoggedRequest = { method: req.method ?? "GET", path: url.pathname + url.search, range: req.headers.range, status: 0, bytesSent: 0, headers: req.headers };
    log.push(entry);
    const p = url.pathname;
    let m: RegExpExecArray | null;

    if ((m = /^\/files\/(.+)$/.exec(p))) return void serveFile(req, res, entry, m[1], !options.noRange);
    if ((m = /^\/norange\/files\/(.+)$/.exec(p))) return void serveFile(req, res, entry, m[1], false);
    if ((m = /^\/signed\/(.+)$/.exec(p))) {
      if (!url.searchParams.get("sig")) return end(res, entry, 403, "missing signature");
      return void serveFile(req, res, entry, m[1], !options.noRange);
    }
    if ((m = /^\/api\/download\/models\/(\d+)$/.exec(p))) {
      const name = options.civitai?.[m[1]];
      if (!name) return end(res, entry, 404, "no such model version");
      return end(res, entry, 307, "", { location: `/signed/${encodeURIComponent(name)}?sig=test-signature&expires=9999999999` });
    }
    if (p === "/redirect") {
      return end(res, entry, Number(url.searchParams.get("status") ?? 302), "", { location: url.searchParams.get("to") ?? "/" });
    }
    if ((m = /^\/loop\/(\d+)$/.exec(p))) return end(res, entry, 302, "", { location: `/loop/${Number(m[1]) + 1}` });
    if (p === "/slow") {
      entry.status = 200;
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": 1000 });
      const t = setInterval(() => {
        entry.bytesSent += 1;
        res.write("x");
      }, 100);
      timers.add(t);
      res.on("close", () => (clearInterval(t), timers.delete(t)));
      return;
    }
    if (p === "/endless" || p === "/huge") {
      entry.status = 200;
      res.writeHead(200, { "content-type": "application/octet-stream", ...(p === "/huge" ? { "content-length": 10 * 1024 ** 3 } : {}) });
      return void stream(res, entry, (n) => Buffer.alloc(n));
    }
    if (p === "/json") return end(res, entry, 200, JSON.stringify({ ok: true, n: 3 }), { "content-type": "application/json" });
    if (p === "/not-json") return end(res, entry, 200, "hello");
    if (p === "/echo") return end(res, entry, 200, JSON.stringify({ method: req.method, headers: req.headers }), { "content-type": "application/json" });
    end(res, entry, 404, "not found");
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (path) => origin + path,
    log,
    clearLog: () => void log.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach(clearInterval);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Total body bytes the server sent across logged requests. */
export function bytesServed(log: LoggedRequest[]): number {
  return log.reduce((sum, r) => sum + r.bytesSent, 0);
}
