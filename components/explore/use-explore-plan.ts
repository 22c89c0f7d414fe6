"use client";

import { useMemo } from "react";
import { planSweep, sweepCost, type SweepCost, type SweepPlan, type SweepSpec } from "@/lib/explore/plan";
import type { ExploreSettings } from "@/lib/explore/settings";
import { parseScaleValues } from "@/lib/explore/values";
import type { LimitsView } from "@/lib/limits/view";
import type { ImageModel } from "@/lib/models/catalog";
import { formatUsd, priceRequest } from "@/lib/models/pricing";
import type { StudioState } from "@/lib/studio/state";

export interface ExplorePreview {
  spec: SweepSpec;
  plan: SweepPlan;
  /** The sweep's problems: values that do not parse, then the plan's own. */
  errors: string[];
  cost: SweepCost | null;
  megapixels: number | null;
  /** Why the sweep would not fit this hour's limit or today's budget, before anyone clicks. */
  overLimits: string | null;
}

/** The sweep the Explore settings describe over the studio's recipe, with its price. */
export function useExplorePreview(state: StudioState, settings: ExploreSettings, model: ImageModel, limits: LimitsView): ExplorePreview {
  return useMemo(() => {
    const x = parseScaleValues(settings.x);
    const y = settings.vary === "both" ? parseScaleValues(settings.y) : null;
    const spec: SweepSpec = { vary: settings.vary, x: x.ok ? x.values : [], y: y?.ok ? y.values : [], baseline: settings.baseline };
    const plan = planSweep(state, spec, model);
    const xLabel = settings.vary === "lora2" ? "LoRA 2 scales" : "LoRA 1 scales";
    const parseErrors = [!x.ok && `${xLabel}: ${x.message}`, y && !y.ok && `LoRA 2 scales: ${y.message}`].filter((e): e is string => Boolean(e));
    // Unparsable values already explain themselves; the plan's "enter at least one scale" would repeat them.
    const errors = parseErrors.length ? [...parseErrors, ...plan.errors.filter((e) => !e.startsWith("Enter at least one scale"))] : plan.errors;
    const cost = plan.cells.length > 0 && !errors.some((e) => /width|height|steps|size/i.test(e)) ? sweepCost(plan.cells, model) : null;
    const megapixels = cost ? priceRequest(model, { ...state, n: 1 }).billedMegapixelsPerImage : null;
    let overLimits: string | null = null;
    if (cost && limits.rate && cost.count > limits.rate.remaining) {
      overLimits = `${cost.count} images, but ${limits.rate.remaining} of this hour's ${limits.rate.limit} generations are left.`;
    } else if (cost && limits.budget && cost.totalMicroUsd > limits.budget.remainingMicroUsd) {
      overLimits = `More than the ${formatUsd(limits.budget.remainingMicroUsd)} left of today's budget.`;
    }
    return { spec, plan, errors, cost, megapixels, overLimits };
  }, [state, settings, model, limits]);
}
