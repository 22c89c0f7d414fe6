/**
 * Runs once when a server process starts, before it serves. Configuration that would otherwise
 * fail mid-request is checked here, and a bad operator file stops the app with a message that
 * names the file, the model and the field. Then the background work starts: Together's model
 * list, the sweeper that marks generations a previous run left pending as interrupted, and the
 * grid workers.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkConfiguration } = await import("./lib/startup");
  const problem = checkConfiguration();
  if (problem) {
    console.error(`\nLorascope cannot start: ${problem}\n`);
    process.exit(1);
  }
  const { startDiscovery } = await import("./lib/together/discovery");
  startDiscovery();
  // Every half lease, on every instance (lib/generation/sweeper.ts).
  const { startSweeper } = await import("./lib/generation/sweeper");
  startSweeper();
  // Grid cells queued on the server, GRID_CONCURRENCY at once per instance (lib/grid/worker.ts).
  const { startGridWorkers } = await import("./lib/grid/worker");
  startGridWorkers();
}
