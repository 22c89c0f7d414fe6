"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { AppErrorShape } from "@/lib/errors";
import type { GenerationInput } from "@/lib/generation/schema";
import type { GenerationView } from "@/lib/generation/view";
import type { LimitsView } from "@/lib/limits/view";
import { generateAction } from "./actions";

/**
 * A plain request, not a server action: Next runs one server action at a time per page, so a
 * cancel action would wait behind the very generation it should stop.
 */
function cancelGeneration(clientRequestId: string) {
  void fetch("/api/generations/cancel", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ clientRequestId }) });
}

function useElapsed(running: boolean): number {
  const [elapsed, setElapsed] = useState(0);
  // A new run starts from zero (state adjusted while rendering, not in an effect).
  const [wasRunning, setWasRunning] = useState(running);
  if (running !== wasRunning) {
    setWasRunning(running);
    if (running) setElapsed(0);
  }
  useEffect(() => {
    if (!running) return;
    const start = performance.now();
    const timer = setInterval(() => setElapsed(performance.now() - start), 100);
    return () => clearInterval(timer);
  }, [running]);
  return elapsed;
}

interface Handlers {
  onStart: () => void;
  onDone: (generation: GenerationView, limits: LimitsView) => void;
  onError: (error: AppErrorShape) => void;
}

/** One single-image generation at a time: its progress, its cancel, and what it answered. */
export function useGenerate({ onStart, onDone, onError }: Handlers) {
  const inFlight = useRef<string | null>(null);
  const mutation = useMutation({
    mutationFn: generateAction,
    onMutate: onStart,
    onSuccess: (result) => (result.ok ? onDone(result.generation, result.limits) : onError(result.error)),
    onError: () => onError({ code: "internal", message: "The server could not be reached. Your settings are kept; try again." }),
    onSettled: () => {
      inFlight.current = null;
    },
  });
  const elapsed = useElapsed(mutation.isPending);
  return {
    pending: mutation.isPending,
    elapsed,
    /** False while one is in flight: the ref closes the gap between a click and React re-rendering the disabled button. */
    start(input: GenerationInput): boolean {
      if (inFlight.current) return false;
      inFlight.current = input.clientRequestId;
      mutation.mutate(input);
      return true;
    },
    get busy() {
      return inFlight.current !== null;
    },
    cancel: () => inFlight.current && cancelGeneration(inFlight.current),
  };
}
