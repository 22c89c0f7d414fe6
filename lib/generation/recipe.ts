import { jsonList } from "@/lib/loras/json-list";
import type { TriggerPlacement } from "./prompt";

/**
 * The parts of a stored recipe that are not request fields: which trigger phrases were on,
 * the custom phrases and their placement. Rows made before these were kept hold null, which
 * stays null ("not recorded") rather than becoming "none".
 */
export function storedPhrases(json: string | null | undefined): string[] | null {
  return json === null || json === undefined ? null : jsonList(json);
}

export function storedPlacement(value: string | null | undefined): TriggerPlacement | null {
  return value === "before" || value === "after" ? value : null;
}
