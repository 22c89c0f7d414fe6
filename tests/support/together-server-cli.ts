/**
 * Runs the Together test server standalone (Playwright's webServer uses it):
 *   tsx tests/support/together-server-cli.ts --port 4010 [--host 127.0.0.1]
 * Prints the base URL to pass as TOGETHER_BASE_URL.
 */
import "./allow-server-only";

// After the hook above: the simulator reads the catalog through lib/env, a server-only module.
const { startTogetherServer } = await import("./together-server");

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const port = Number(arg("port") ?? 4010);
const host = arg("host") ?? "127.0.0.1";
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port ${arg("port")}`);
  process.exit(2);
}

const server = await startTogetherServer({ port, host });
console.log(`Together test server listening: ${server.baseURL} (admin: ${server.origin}/__admin/requests)`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
