import "server-only";
import { env } from "@/lib/env";
import { getCatalog } from "@/lib/models/registry";
import { configuredSimulatorCases } from "@/lib/together/client";

/** Everything that must be right before serving; the sentence to print, or null. */
export function checkConfiguration(): string | null {
  try {
    env();
    const catalog = getCatalog();
    configuredSimulatorCases();
    console.log(`Models: ${catalog.models.map((m) => `${m.provider}:${m.id}`).join(", ")}${env().modelsFile ? ` (with ${env().modelsFile})` : ""}`);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
