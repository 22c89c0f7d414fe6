/**
 * Runs the fal test server standalone (Playwright's webServer uses it):
 *   tsx tests/support/fal-server-cli.ts --port 4030 [--host 127.0.0.1]
 * Prints the base URL to pass as FAL_BASE_URL (with FAL_KEY set to any "id:secret").
 */
import { startFalServer } from "./fal-server";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const port = Number(arg("port") ?? 4030);
const host = arg("host") ?? "127.0.0.1";
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port ${arg("port")}`);
  process.exit(2);
}

const server = await startFalServer({ port, host });
console.log(`fal test server listening: ${server.baseURL} (admin: ${server.origin}/__admin/requests)`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
