import "server-only";
import { AppError } from "@/lib/errors";
import type { ImageProvider } from "@/lib/providers/types";

// Wired to lib/fal/client.ts when the fal.ai client lands.
export function createFalProviderFor(options: { apiKey?: string; simulated: boolean }): ImageProvider {
  return {
    id: "fal",
    name: options.simulated ? "fal-simulator" : "fal",
    simulated: options.simulated,
    async generate() {
      throw new AppError({ code: "upstream_unavailable", message: "fal.ai is not available yet." });
    },
  };
}
