#!/usr/bin/env node
// Starts an S3-compatible server on loopback for tests and CI: s3rver (the maintained
// @20minutes fork, a devDependency), an independent implementation of the S3 REST API that
// checks SigV4 signatures, with one bucket. It runs in the background (pid and log in its
// directory) and this prints the app's configuration on stdout, one VAR=value a line;
// everything else goes to stderr. So:
//   env $(node scripts/start-test-s3.mjs) npm run test:e2e          # the app on S3
//   env $(node scripts/start-test-s3.mjs --for-tests) npx vitest run tests/integration/image-store.test.ts
//   node scripts/start-test-s3.mjs --stop
// `--serve` runs it in the foreground instead. Running it again while it is up reuses it.
// TEST_S3_PORT (4568), TEST_S3_BUCKET (lorascope-test), TEST_S3_DIR (a folder in the temp dir).
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AwsClient } from "aws4fetch";

const port = Number(process.env.TEST_S3_PORT ?? 4568);
const bucket = process.env.TEST_S3_BUCKET ?? "lorascope-test";
const directory = path.resolve(process.env.TEST_S3_DIR ?? path.join(os.tmpdir(), "lorascope-test-s3"));
const pidFile = path.join(directory, "server.pid");
const logFile = path.join(directory, "server.log");
const endpoint = `http://127.0.0.1:${port}`;
// s3rver's one built-in key pair.
const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

const config = {
  S3_ENDPOINT: endpoint,
  S3_BUCKET: bucket,
  S3_REGION: "us-east-1",
  S3_ACCESS_KEY_ID: credentials.accessKeyId,
  S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  S3_FORCE_PATH_STYLE: "true",
};

/** Up, and our bucket answers a signed request? */
async function ready() {
  const client = new AwsClient({ ...credentials, service: "s3", region: "us-east-1", retries: 0 });
  try {
    const res = await client.fetch(`${endpoint}/${bucket}`, { method: "HEAD", signal: AbortSignal.timeout(2_000) });
    return res.ok;
  } catch {
    return false;
  }
}

function printConfig(forTests) {
  for (const [name, value] of Object.entries(config)) console.log(`${forTests ? "TEST_" : ""}${name}=${value}`);
}

async function serve() {
  const S3rver = createRequire(import.meta.url)("@20minutes/s3rver");
  mkdirSync(path.join(directory, "data"), { recursive: true });
  const server = new S3rver({
    address: "127.0.0.1",
    port,
    silent: false,
    directory: path.join(directory, "data"),
    vhostBuckets: false,
    configureBuckets: [{ name: bucket }],
  });
  await server.run();
  console.error(`s3rver on ${endpoint}, bucket ${bucket}, data in ${path.join(directory, "data")}`);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => server.close().finally(() => process.exit(0)));
  }
}

function runningPid() {
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, "utf8"));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function stop() {
  const pid = runningPid();
  if (!pid) {
    console.error("No test S3 server running.");
    return;
  }
  process.kill(pid, "SIGTERM");
  for (let i = 0; i < 50 && runningPid(); i++) await new Promise((r) => setTimeout(r, 100));
  rmSync(pidFile, { force: true });
  console.error(`Stopped the test S3 server (pid ${pid}).`);
}

async function start(forTests) {
  if (await ready()) {
    console.error(`Reusing the S3 server already on ${endpoint}.`);
    printConfig(forTests);
    return;
  }
  mkdirSync(directory, { recursive: true });
  const log = openSync(logFile, "a");
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--serve"], {
    detached: true,
    stdio: ["ignore", log, log],
    env: process.env,
  });
  closeSync(log);
  child.unref();
  writeFileSync(pidFile, String(child.pid));
  for (let i = 0; i < 100; i++) {
    if (await ready()) {
      console.error(`Test S3 server on ${endpoint} (pid ${child.pid}, log ${logFile}).`);
      printConfig(forTests);
      return;
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  console.error(`The test S3 server did not start; its log (${logFile}):\n${readFileSync(logFile, "utf8").slice(-2000)}`);
  process.exit(1);
}

const args = process.argv.slice(2);
if (args.includes("--serve")) await serve();
else if (args.includes("--stop")) await stop();
else await start(args.includes("--for-tests"));
