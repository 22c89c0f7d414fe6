import { formatScale, parseScaleValues } from "./values";
import type { SweepVary } from "./plan";

/** The Explore panel's inputs as typed, so a half-written range is never lost on a re-render. */
export interface ExploreSettings {
  vary: SweepVary;
  /** Scales for the x axis as typed: a list or a range with a step. */
  x: string;
  /** Scales for LoRA 2 when both vary (the y axis). */
  y: string;
  baseline: boolean;
}

export const defaultExploreSettings = (): ExploreSettings => ({ vary: "lora1", x: "0.3-1.2 step 0.3", y: "0.5, 1", baseline: false });

const VARY = new Set<SweepVary>(["lora1", "lora2", "both"]);
const typed = (v: string | null) => (v ?? "").slice(0, 100);

/** Explore mode and its settings from the studio URL; null when the studio is in single-image mode. */
export function exploreFromSearchParams(params: URLSearchParams): ExploreSettings | null {
  if (params.get("mode") !== "explore") return null;
  const base = defaultExploreSettings();
  const vary = params.get("vary") as SweepVary | null;
  return {
    vary: vary && VARY.has(vary) ? vary : base.vary,
    x: params.has("sx") ? typed(params.get("sx")) : base.x,
    y: params.has("sy") ? typed(params.get("sy")) : base.y,
    baseline: params.get("base") === "1",
  };
}

/** Adds Explore mode to a studio query; defaults are left out to keep links short. */
export function addExploreParams(params: URLSearchParams, settings: ExploreSettings | null): URLSearchParams {
  if (!settings) return params;
  const base = defaultExploreSettings();
  params.set("mode", "explore");
  if (settings.vary !== base.vary) params.set("vary", settings.vary);
  if (settings.x !== base.x) params.set("sx", settings.x);
  if (settings.vary === "both" && settings.y !== base.y) params.set("sy", settings.y);
  if (settings.baseline) params.set("base", "1");
  return params;
}

/**
 * Why each LoRA slot's own scale does not apply while Explore is on (undefined where it does):
 * the sweep sets the scale of every slot it varies, so the slot's slider is disabled with this.
 */
export function sweptScaleReasons(settings: ExploreSettings): [string | undefined, string | undefined] {
  const reason = (text: string) => {
    const parsed = parseScaleValues(text);
    return parsed.ok ? `The sweep sets this scale: ${parsed.values.map(formatScale).join(", ")}.` : "The sweep sets this scale (see its values below).";
  };
  return [settings.vary === "lora2" ? undefined : reason(settings.x), settings.vary === "lora2" ? reason(settings.x) : settings.vary === "both" ? reason(settings.y) : undefined];
}
