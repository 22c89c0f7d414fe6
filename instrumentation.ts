/** Runs once when a server instance starts (Next calls it before serving). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Generations a previous run left "pending" (killed mid-request) are marked interrupted now
  // and then every half lease, on every instance (lib/generation/sweeper.ts).
  const { startSweeper } = await import("./lib/generation/sweeper");
  startSweeper();
}
