"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { SweepCost } from "@/lib/explore/plan";
import { formatUsd } from "@/lib/models/pricing";

/** Asked before a sweep that costs more than the amount the person set. */
export function ConfirmSweepDialog({ open, cost, thresholdUsd, onConfirm, onClose }: { open: boolean; cost: SweepCost | null; thresholdUsd: number; onConfirm: () => void; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Start this sweep?">
      {cost && (
        <div className="flex flex-col gap-4 text-sm">
          <p>
            This sweep makes <strong>{cost.count} images</strong> at {formatUsd(cost.perImageMicroUsd)} each:{" "}
            <strong className="tabular-nums">{formatUsd(cost.totalMicroUsd)}</strong> in all, more than the ${thresholdUsd.toFixed(2)} you asked to confirm.
          </p>
          <p className="text-zinc-600 dark:text-zinc-400">Cells you cancel before they are sent are not charged; a cell already sent may be charged even if it fails or you cancel it.</p>
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Not now</Button>
            <Button variant="primary" onClick={onConfirm}>
              Yes, start {formatUsd(cost.totalMicroUsd)} sweep
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
