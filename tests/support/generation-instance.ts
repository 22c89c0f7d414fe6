/**
 * One app instance in miniature, for crash and multi-instance tests: the real generate use
 * case, cancel, limits and sweeper over its own Prisma client, configured by the environment
 * like the app (DATABASE_URL, TOGETHER_*, DATA_DIR or S3_*, limits), answering JSON on a
 * loopback port. Run it as a child process so a test can `kill -9` it mid-generation:
 *   node --conditions=react-server --import tsx tests/support/generation-instance.ts
 * (react-server makes `server-only` importable outside Next). Prints "listening <url>".
 * Like `next start` with instrumentation.ts, it sweeps interrupted generations on start and
 * runs grid workers (GRID_CONCURRENCY; /grid/* routes start, read, cancel and retry grids, and
 * take a person's own key out of their grids). `ownKey` in a body is the browser's own Together key.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { toErrorShape } from "@/lib/errors";
import { generate } from "@/lib/generation/generate";
import { cancelGeneration } from "@/lib/generation/in-flight";
import { generationInputSchema } from "@/lib/generation/schema";
import { startSweeper, sweepInterrupted } from "@/lib/generation/sweeper";
import { gridsWithKeys } from "@/lib/db/grid-queries";
import { cancelGrid, forgetGridKeys, gridViewForOwner, retryGridCell, startGrid } from "@/lib/grid/service";
import { startGridWorkers } from "@/lib/grid/worker";
import { getLimits } from "@/lib/limits/limits";
import { createTogetherProvider } from "@/lib/together/client";

startSweeper();
startGridWorkers();

const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
  const send = (status: number, value: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(value));
  };
  try {
    if (req.url === "/generate") {
      const input = generationInputSchema.parse(body.input);
      const row = await generate({ ownerId: body.ownerId, input, provider: createTogetherProvider(), address: body.address ?? null, duplicateWaitMs: body.duplicateWaitMs });
      return send(200, { ok: true, id: row.id, status: row.status });
    }
    if (req.url === "/cancel") return send(200, { cancelled: await cancelGeneration(body.ownerId, body.clientRequestId) });
    if (req.url === "/grid/start") return send(200, { ok: true, ...(await startGrid(body.ownerId, body.spec, { together: body.ownKey ?? null, fal: null })) });
    if (req.url === "/grid/view") return send(200, await gridViewForOwner(body.ownerId, body.gridId));
    if (req.url === "/grid/cancel") return send(200, { cancelled: await cancelGrid(body.ownerId, body.gridId) });
    if (req.url === "/grid/retry") return send(200, { retried: await retryGridCell(body.ownerId, body.gridId, body.cellId, { together: body.ownKey ?? null, fal: null }) });
    if (req.url === "/grid/forget-key") return send(200, { forgotten: await forgetGridKeys(body.ownerId, "together").then(() => true) });
    if (req.url === "/grid/held-keys") return send(200, { grids: (await gridsWithKeys(body.ownerId)).length });
    if (req.url === "/sweep") return send(200, await sweepInterrupted());
    if (req.url === "/limits") return send(200, await getLimits(body.ownerId, { ownKey: false, anonAddress: body.anonAddress ?? null }));
    send(404, { error: "no such route" });
  } catch (err) {
    send(200, { ok: false, error: toErrorShape(err) });
  }
});

server.listen(0, "127.0.0.1", () => {
  console.log(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
