import { getDb } from "@/lib/db/client";
import { getMigrationStatus } from "@/lib/db/migration-status";
import { pingDatabase } from "@/lib/db/queries";
import { env } from "@/lib/env";
import { newImageModels } from "@/lib/models/discovery";
import { modelsForPerson } from "@/lib/models/for-person";
import { modelBadges } from "@/lib/models/status";

export const dynamic = "force-dynamic";

/** The deployment's view of its models (no own keys): state per model, and what discovery found. */
async function modelsReport() {
  const { models, catalog, together } = await modelsForPerson({ together: null, fal: null }, { waitMs: 0 });
  return {
    default: catalog.defaultModel,
    operatorFile: env().modelsFile,
    models: models.map((m) => ({
      provider: m.model.provider,
      id: m.model.id,
      mode: m.state.mode,
      listed: m.state.listed,
      price: { ...m.model.pricing, from: m.state.priceFrom },
      refusal: m.state.refusal ? { kind: m.state.refusal.kind, learnedAt: m.state.refusal.learnedAt } : null,
      states: modelBadges(m),
    })),
    togetherDiscovery: {
      status: together.status,
      fetchedAt: together.fetchedAt,
      error: together.error,
      newImageModels: newImageModels(together, new Set(catalog.models.map((m) => m.id))).map((m) => m.id),
    },
  };
}

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
  const models = ok ? await modelsReport().catch((err: unknown) => ({ error: err instanceof Error ? err.message : String(err) })) : null;
  return Response.json(
    { status: ok ? "ok" : "degraded", database, migrations, provider: { mode: provider, fal: env().falMode }, models },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
