import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * An in-memory, path-style S3 stand-in (PUT, GET, DELETE; signatures not checked) whose PUTs
 * can be held for keys matching a pattern: a slow store to kill an instance against after
 * some objects are written and before its rows are. The full-fidelity S3 stand-in is s3-server.ts.
 */
export interface TinyS3 {
  endpoint: string;
  bucket: string;
  objects: Map<string, Buffer>;
  /** PUTs whose key matches never answer (until release). */
  hold(pattern: RegExp | null): void;
  held: string[];
  close(): Promise<void>;
}

export async function startTinyS3(bucket = "lorascope"): Promise<TinyS3> {
  const objects = new Map<string, Buffer>();
  const held: string[] = [];
  let holdPattern: RegExp | null = null;
  const sockets = new Set<Socket>();
  const parked: ServerResponse[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const key = decodeURIComponent(url.pathname.replace(`/${bucket}/`, ""));
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method === "PUT") {
      if (holdPattern?.test(key)) {
        held.push(key);
        parked.push(res);
        return;
      }
      objects.set(key, Buffer.concat(chunks));
      res.writeHead(200, { etag: '"x"' }).end();
    } else if (req.method === "GET") {
      const body = objects.get(key);
      if (!body) res.writeHead(404, { "content-type": "application/xml" }).end("<Error><Code>NoSuchKey</Code></Error>");
      else res.writeHead(200, { "content-length": body.length }).end(body);
    } else if (req.method === "DELETE") {
      objects.delete(key);
      res.writeHead(204).end();
    } else res.writeHead(405).end();
  });
  server.on("connection", (s) => (sockets.add(s), s.on("close", () => sockets.delete(s))));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bucket,
    objects,
    held,
    hold: (p) => (holdPattern = p),
    close: () =>
      new Promise<void>((r) => {
        for (const res of parked) res.destroy();
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
