import { getDb } from "@/lib/db/client";
import { getMigrationStatus } from "@/lib/db/migration-status";
import { pingDatabase } from "@/lib/db/queries";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** 200 when the database answers and every migration is applied; 503 otherwise. */
export async function GET() {
  const provider = env().providerMode;
  let database: { reachable: boolean; error?: string } = { reachable: false };
  let migrations: { current: boolean; applied: number; pending: string[] } | null = null;
  try {
    await pingDatabase();
    database = { reachable: true };
    const status = await getMigrationStatus(getDb());
    migrations = { current: status.current, applied: status.applied.length, pending: status.pending };
  } catch (err) {
    database = { reachable: database.reachable, error: err instanceof Error ? err.message.split("\n")[0] : "unknown error" };
  }
  const ok = database.reachable && migrations?.current === true;
  return Response.json(
    { status: ok ? "ok" : "degraded", database, migrations, provider: { mode: provider } },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
