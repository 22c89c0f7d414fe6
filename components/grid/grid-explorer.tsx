"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useConfirmThreshold } from "@/components/explore/use-confirm-threshold";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { draftToSpec, parseLoraLines, specProblem } from "@/lib/grid/draft";
import { gridPrice, planGrid } from "@/lib/grid/plan";
import { gridSpecSchema, type GridSpec } from "@/lib/grid/spec";
import type { GridView } from "@/lib/grid/view";
import { gridKeyNote } from "@/lib/grid/key-note";
import { findIn, type Catalog } from "@/lib/models/catalog";
import type { ProviderMode } from "@/lib/providers/modes";
import type { ProviderId } from "@/lib/providers/types";
import { formatUsd } from "@/lib/models/pricing";
import type { StudioState } from "@/lib/studio/state";
import { cancelGridAction, describeLorasAction, listPromptSetsAction, retryGridCellAction, startGridAction } from "./actions";
import { AxisField, emptyAxis, type AxisDraft } from "./axis-field";
import { GridPanel } from "./grid-panel";
import { PromptSetsDialog } from "./prompt-sets-dialog";

interface GridSummary {
  id: string;
  name: string;
  cellCount: number;
  open: number;
  cancelled: boolean;
  createdAt: string;
}

const POLL_MS = 1_000;

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { cache: "no-store" });
  if (!res.ok) throw new Error(`${res.status}`);
  return (await res.json()) as T;
}

/**
 * Explore's grids over any axis, run on the server: the axis builder with the whole plan's
 * price, and the owner's grids filling in live (polled, so a reload or another browser with
 * the same owner sees the same progress).
 */
export function GridExplorer({
  state,
  titles,
  catalog,
  ownKeys,
  modes,
}: {
  state: StudioState;
  titles: [string | null, string | null];
  catalog: Catalog;
  ownKeys: Record<ProviderId, { set: boolean; hint: string | null }>;
  modes: Partial<Record<ProviderId, ProviderMode>>;
}) {
  const client = useQueryClient();
  const [x, setX] = useState<AxisDraft>(emptyAxis("lora1"));
  const [y, setY] = useState<AxisDraft>(emptyAxis("prompt-set"));
  const [z, setZ] = useState<AxisDraft>(emptyAxis("none"));
  const [baseline, setBaseline] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [editingSets, setEditingSets] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [thresholdUsd] = useConfirmThreshold();

  const sets = useQuery({ queryKey: ["prompt-sets"], queryFn: () => listPromptSetsAction(), staleTime: 60_000 });
  const promptSets = useMemo(() => sets.data ?? [], [sets.data]);
  const loraPaths = useMemo(() => [x, y, z].flatMap((a) => (a.kind === "lora1" || a.kind === "lora2" ? parseLoraLines(a.text[a.kind] ?? "").map((l) => l.path) : [])), [x, y, z]);
  const described = useQuery({ queryKey: ["grid-loras", loraPaths], queryFn: () => describeLorasAction(loraPaths), enabled: loraPaths.length > 0, staleTime: 5 * 60_000 });
  const known = useMemo(() => new Map((described.data ?? []).map((d) => [d.path, { title: d.title, triggers: d.triggers }])), [described.data]);

  const spec: GridSpec | null = useMemo(() => {
    const context = { known, promptSets };
    const xs = draftToSpec(x, context);
    if (!xs) return null;
    return {
      base: {
        prompt: state.prompt,
        model: state.model,
        width: state.width,
        height: state.height,
        steps: state.steps,
        seed: state.seed,
        guidance: state.guidance,
        loras: [
          { ...state.loras[0], title: titles[0] ?? undefined },
          { ...state.loras[1], title: titles[1] ?? undefined },
        ],
        customTriggers: state.customTriggers,
        placement: state.placement,
      },
      x: xs,
      y: draftToSpec(y, context) ?? undefined,
      z: draftToSpec(z, context) ?? undefined,
      baseline,
    };
  }, [x, y, z, baseline, state, titles, known, promptSets]);

  const plan = useMemo(() => {
    if (!spec) return null;
    const parsed = gridSpecSchema.safeParse(spec);
    if (!parsed.success) return { errors: [specProblem(parsed.error.issues[0]?.path ?? [])], cells: [], price: null, providers: [] };
    const p = planGrid(parsed.data, { catalog, placeholderSeeds: true }) // the server draws "N new" seeds once, at the start;
    const providers = [...new Set(p.cells.flatMap((c) => findIn(catalog, c.input.model)?.provider ?? []))];
    return { errors: p.errors, cells: p.cells, price: p.errors.length ? null : gridPrice(p.cells, (id) => findIn(catalog, id)), providers };
  }, [spec, catalog]);

  const list = useQuery({ queryKey: ["grids"], queryFn: () => getJson<{ grids: GridSummary[] }>("/api/grids"), refetchInterval: (q) => (q.state.data?.grids.some((g) => g.open > 0) ? POLL_MS * 3 : false) });
  const activeId = selected ?? list.data?.grids[0]?.id ?? null;
  const grid = useQuery({
    queryKey: ["grid", activeId],
    queryFn: () => getJson<GridView>(`/api/grids/${activeId}`),
    enabled: activeId !== null,
    refetchInterval: (q) => (q.state.data && q.state.data.finished ? false : POLL_MS),
  });

  const start = useMutation({
    mutationFn: (s: GridSpec) => startGridAction(s),
    onSuccess: (result) => {
      if (!result.ok) return setActionError(result.error.message);
      setActionError(null);
      setSelected(result.gridId);
      void client.invalidateQueries({ queryKey: ["grids"] });
    },
  });
  const cancel = useMutation({ mutationFn: (id: string) => cancelGridAction(id), onSettled: () => client.invalidateQueries({ queryKey: ["grid", activeId] }) });
  const retry = useMutation({
    mutationFn: (cellId: string) => retryGridCellAction(activeId, cellId),
    onSuccess: (result) => setActionError(result.ok ? null : result.error.message),
    onSettled: () => client.invalidateQueries({ queryKey: ["grid", activeId] }),
  });

  const price = plan?.price ?? null;
  const blocked = !spec ? "Choose what X varies" : !state.prompt.trim() && ![x, y, z].some((a) => a.kind === "prompt-set") ? "Write a prompt first" : (plan?.errors[0] ?? null);
  const begin = () => {
    if (!spec || !price || blocked) return;
    if (price.totalMicroUsd > thresholdUsd * 1_000_000) setConfirming(true);
    else start.mutate(spec);
  };
  const models = catalog.models;

  return (
    <section aria-labelledby="grid-heading" className="flex min-w-0 flex-col gap-4 rounded-2xl border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex flex-col gap-1">
        <h2 id="grid-heading" className="text-base font-semibold">Grid on the server</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">X × Y (up to 6 each), and Z for one grid per value (up to 4): up to 100 images, made on the server. Close the tab whenever you like; come back to see it filled in.</p>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <AxisField axis="x" label="X axis" optional={false} value={x} onChange={setX} models={models} promptSets={promptSets} onEditSets={() => setEditingSets(true)} />
        <AxisField axis="y" label="Y axis" optional value={y} onChange={setY} models={models} promptSets={promptSets} onEditSets={() => setEditingSets(true)} />
        <AxisField axis="z" label="Z axis (one grid each)" optional value={z} onChange={setZ} models={models} promptSets={promptSets} onEditSets={() => setEditingSets(true)} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4 accent-accent-600" checked={baseline} onChange={(e) => setBaseline(e.target.checked)} />
        Add a No LoRA baseline
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="primary" size="lg" onClick={begin} disabled={blocked !== null || start.isPending || !price} aria-describedby="grid-plan-status">
          {start.isPending ? "Starting…" : price ? `Start grid · ${price.count} images · ${formatUsd(price.totalMicroUsd)}` : "Start grid"}
        </Button>
        <p id="grid-plan-status" data-testid="grid-plan-status" aria-live="polite" className="min-w-0 flex-1 basis-48 text-sm text-zinc-600 dark:text-zinc-400">
          {blocked ?? (price ? `${price.count} images, each priced as its own request: ${formatUsd(price.totalMicroUsd)} in all.${price.assumptions.length ? ` ${price.assumptions.join(" ")}` : ""} ${gridKeyNote(plan?.providers ?? [], ownKeys, modes)}` : "")}
        </p>
      </div>
      {actionError && (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800/60 dark:bg-red-950/40 dark:text-red-200">
          {actionError}
        </p>
      )}

      {(list.data?.grids.length ?? 0) > 1 && (
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor="grid-pick" className="text-sm font-medium">Your grids</label>
          <select id="grid-pick" value={activeId ?? ""} onChange={(e) => setSelected(e.target.value)} className="min-w-0 rounded-lg border border-zinc-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-accent-500 dark:border-zinc-700 dark:bg-zinc-900">
            {list.data!.grids.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name} · {g.open > 0 ? `${g.cellCount - g.open} of ${g.cellCount}` : g.cancelled ? "cancelled" : "done"}
              </option>
            ))}
          </select>
        </div>
      )}
      {grid.data && <GridPanel view={grid.data} catalog={catalog} onCancel={() => activeId && cancel.mutate(activeId)} onRetry={(cellId) => retry.mutate(cellId)} cancelling={cancel.isPending} />}

      <Dialog open={confirming} onClose={() => setConfirming(false)} title="Start this grid?">
        {price && (
          <div className="flex flex-col gap-4 text-sm">
            <p>
              This grid makes <strong>{price.count} images</strong>, each priced as its own request: <strong className="tabular-nums">{formatUsd(price.totalMicroUsd)}</strong> in all, more than the ${thresholdUsd.toFixed(2)} you asked to confirm.
            </p>
            <p className="text-zinc-600 dark:text-zinc-400">Cells you cancel before they are sent are not charged; a cell already sent may be charged even if it fails or you cancel it.</p>
            <div className="flex justify-end gap-2">
              <Button onClick={() => setConfirming(false)}>Not now</Button>
              <Button
                variant="primary"
                onClick={() => {
                  setConfirming(false);
                  if (spec) start.mutate(spec);
                }}
              >
                Yes, start {formatUsd(price.totalMicroUsd)} grid
              </Button>
            </div>
          </div>
        )}
      </Dialog>
      <PromptSetsDialog open={editingSets} onClose={() => setEditingSets(false)} sets={promptSets} />
    </section>
  );
}
