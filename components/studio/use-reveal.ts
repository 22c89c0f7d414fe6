"use client";

import { useEffect, useRef, useState } from "react";

/** Scrolls an element into view only when it is not already on screen (and gently, unless motion is reduced). */
function reveal(el: Element | null) {
  if (!el) return;
  const rect = el.getBoundingClientRect();
  if (rect.top >= 0 && rect.top < window.innerHeight * 0.75) return;
  const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  el.scrollIntoView({ block: "start", behavior: smooth ? "smooth" : "auto" });
}

/**
 * Progress and the result appear where the person is looking: on a phone the results sit below
 * the whole form, on a desktop a scrolled form hides the column's top.
 */
export function useRevealResults(pending: boolean) {
  const pendingRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLElement>(null);
  const [resultId, setResultId] = useState<string | null>(null);
  useEffect(() => {
    // Beside the form (wide screens) only: on a phone the button's own timer is the progress,
    // and scrolling away would hide Cancel.
    if (pending && window.matchMedia("(min-width: 1024px)").matches) reveal(pendingRef.current);
  }, [pending]);
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    // After the progress placeholder above it is gone, or the result would shift after the scroll.
    // Once per result: a later run that fails must not scroll back to it.
    if (!resultId || pending || revealed.current === resultId) return;
    revealed.current = resultId;
    reveal(resultRef.current);
  }, [resultId, pending]);
  return { pendingRef, resultRef, resultId, revealResult: setResultId };
}

/** Keyboard focus is never left under the sticky bar: a focused field it would cover scrolls up. */
export function useFocusClearOf<T extends HTMLElement>() {
  const barRef = useRef<T>(null);
  useEffect(() => {
    // Keyboard only: scrolling under a pointer between mousedown and mouseup would lose the click.
    let keyboard = false;
    const onKey = () => (keyboard = true);
    const onPointer = () => (keyboard = false);
    const onFocus = (e: FocusEvent) => {
      const bar = barRef.current;
      const target = e.target;
      if (!keyboard || !bar || !(target instanceof HTMLElement) || bar.contains(target)) return;
      const covered = target.getBoundingClientRect().bottom - bar.getBoundingClientRect().top;
      // Room for the field's hint or inline error below it too.
      if (covered > -8) window.scrollBy({ top: covered + 40 });
    };
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("pointerdown", onPointer, true);
    document.addEventListener("focusin", onFocus);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("pointerdown", onPointer, true);
      document.removeEventListener("focusin", onFocus);
    };
  }, []);
  return barRef;
}
