import "server-only";
import { getLorasByPaths } from "@/lib/db/queries";
import { AppError } from "@/lib/errors";
import type { ImageModel } from "@/lib/models/catalog";
import { checkLoraPath } from "./link";
import type { LoraCard } from "./card";
import { withCurrentVerdicts } from "./verdicts";

/**
 * Refuses, before anything is paid for, a LoRA whose cached card says it cannot work with
 * the model (an SDXL file, a FLUX.1 LoRA on FLUX.2), or a path Together does not accept.
 * Unknown LoRAs go through: Together decides.
 */
export async function assertLorasCompatible(paths: string[], model: ImageModel): Promise<void> {
  // A path Together cannot take (http, a .ckpt, not a LoRA link) is refused here, not after a round trip.
  for (const [i, path] of paths.entries()) {
    const check = checkLoraPath(path);
    if (!check.ok) throw new AppError({ code: "invalid_input", message: `LoRA ${i + 1}: ${check.reason} Nothing was sent or charged.`, field: `loras.${i}.path` });
  }
  const rows = await getLorasByPaths(paths);
  for (const [i, path] of paths.entries()) {
    const row = rows.find((r) => r.path === path);
    if (!row) continue;
    const card = withCurrentVerdicts(JSON.parse(row.card) as LoraCard);
    const verdict = card.verdicts[model.id];
    if (verdict?.status === "incompatible") {
      throw new AppError({
        code: "incompatible_lora",
        message: `LoRA ${i + 1} (${card.title}) will not work with ${model.label}: ${verdict.reason}. Remove it or pick another LoRA — nothing was sent or charged.`,
        field: `loras.${i}.path`,
      });
    }
  }
}
