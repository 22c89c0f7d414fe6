"use client";

import { useRef, useState, type CSSProperties, type PointerEvent } from "react";
import { frameAspect, type CompareSide } from "@/lib/compare/side";
import { Card } from "@/components/ui/card";

type Mode = "side" | "split";

const modeButton =
  "rounded-lg px-3 py-1.5 text-sm font-medium transition aria-pressed:bg-white aria-pressed:text-zinc-900 aria-pressed:shadow-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100 dark:aria-pressed:bg-zinc-700 dark:aria-pressed:text-zinc-50";
const letterBadge = "pointer-events-none absolute top-2 rounded-full bg-black/60 px-2 py-0.5 text-xs font-semibold text-white backdrop-blur";
const frameClass = "relative max-h-[80vh] w-full overflow-hidden bg-zinc-100 dark:bg-zinc-950";

/**
 * The split frame keeps the images' shape and leaves room on screen for the page's heading, the
 * view switch, the slider and the captions: picture and slider are seen together on a 900 px
 * high screen. Narrower than the column when the screen is short, never taller than it allows.
 */
const SPLIT_ROOM = "max(12rem, 100dvh - 21rem)";
function splitFrameSize(aspect: string): CSSProperties {
  const [w, h] = aspect.split("/").map((n) => Number(n.trim()));
  const ratio = w > 0 && h > 0 ? w / h : 1;
  return { aspectRatio: aspect, maxHeight: `calc(${SPLIT_ROOM})`, maxWidth: `calc((${SPLIT_ROOM}) * ${ratio})` };
}

function SideImage({ side, style }: { side: CompareSide; style?: CSSProperties }) {
  if (!side.image) {
    return <div className="absolute inset-0 flex items-center justify-center text-sm text-zinc-500" style={style}>No image</div>;
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- bytes come from our own immutable routes
    <img
      src={side.image.url}
      width={side.image.width}
      height={side.image.height}
      alt={side.image.alt}
      draggable={false}
      className="absolute inset-0 size-full object-contain"
      style={style}
    />
  );
}

function Caption({ side }: { side: CompareSide }) {
  return (
    <>
      <span className="min-w-0 font-medium tabular-nums text-zinc-800 [overflow-wrap:anywhere] dark:text-zinc-200">{side.caption}</span>
      {side.link && (
        <a href={side.link.href} className="shrink-0 rounded-lg px-2 py-1 font-medium text-accent-700 hover:bg-accent-50 dark:text-accent-400 dark:hover:bg-accent-500/10">
          {side.link.label}<span className="sr-only"> of {side.letter}</span>
        </a>
      )}
    </>
  );
}

function SideBySide({ a, b, aspect }: { a: CompareSide; b: CompareSide; aspect: string }) {
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      {[a, b].map((side) => (
        <Card as="figure" key={side.letter} className="overflow-hidden">
          <div className={frameClass} style={{ aspectRatio: aspect }}>
            <SideImage side={side} />
            <span aria-hidden className={`${letterBadge} left-2`}>{side.letter}</span>
          </div>
          <figcaption className="flex items-center justify-between gap-2 px-3 py-2 text-xs">
            <Caption side={side} />
          </figcaption>
        </Card>
      ))}
    </div>
  );
}

interface SplitProps {
  a: CompareSide;
  b: CompareSide;
  aspect: string;
  /** Percent of the width showing A, from the left. */
  position: number;
  setPosition: (position: number) => void;
}

function Split({ a, b, aspect, position, setPosition }: SplitProps) {
  const frame = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  function moveTo(clientX: number) {
    const rect = frame.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return;
    setPosition(Math.min(100, Math.max(0, Math.round(((clientX - rect.left) / rect.width) * 100))));
  }
  function start(e: PointerEvent<HTMLDivElement>) {
    if (e.button !== 0) return;
    dragging.current = true;
    // Captured, so the drag keeps following the pointer when it leaves the frame.
    e.currentTarget.setPointerCapture(e.pointerId);
    moveTo(e.clientX);
  }
  const stop = () => (dragging.current = false);

  return (
    <div className="flex flex-col gap-2">
      <div
        ref={frame}
        onPointerDown={start}
        onPointerMove={(e) => dragging.current && moveTo(e.clientX)}
        onPointerUp={stop}
        onPointerCancel={stop}
        // Vertical swipes still scroll the page on phones; horizontal ones move the divider.
        className={`${frameClass} mx-auto cursor-ew-resize touch-pan-y select-none rounded-2xl border border-zinc-200 shadow-sm dark:border-zinc-800`}
        style={splitFrameSize(aspect)}
      >
        <SideImage side={a} />
        {/* B over A, cut away left of the divider: A shows on the left, B on the right. */}
        <SideImage side={b} style={{ clipPath: `inset(0 0 0 ${position}%)` }} />
        <div aria-hidden className="pointer-events-none absolute inset-y-0 w-0.5 -translate-x-1/2 bg-white shadow-[0_0_0_1px_rgba(0,0,0,0.25)]" style={{ left: `${position}%` }}>
          <span className="absolute left-1/2 top-1/2 flex size-8 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full bg-white text-zinc-700 shadow-md ring-1 ring-black/10">
            <svg viewBox="0 0 20 20" fill="currentColor" className="size-4"><path d="M7.7 5.3a.75.75 0 0 1 0 1.06L4.81 9.25h10.38l-2.89-2.89a.75.75 0 1 1 1.06-1.06l4.17 4.17a.75.75 0 0 1 0 1.06l-4.17 4.17a.75.75 0 1 1-1.06-1.06l2.89-2.89H4.81l2.89 2.89a.75.75 0 1 1-1.06 1.06L2.47 10.5a.75.75 0 0 1 0-1.06L6.64 5.3a.75.75 0 0 1 1.06 0Z" /></svg>
          </span>
        </div>
        <span aria-hidden className={`${letterBadge} left-2`}>A</span>
        <span aria-hidden className={`${letterBadge} right-2`}>B</span>
      </div>
      <div className="flex items-center gap-3 px-1">
        <span aria-hidden className="text-xs font-semibold text-zinc-500">A</span>
        <input
          type="range"
          min={0}
          max={100}
          step={1}
          value={position}
          onChange={(e) => setPosition(e.target.valueAsNumber)}
          aria-label="Split position"
          aria-valuetext={`${position}% A, ${100 - position}% B`}
          className="min-w-0 flex-1"
        />
        <span aria-hidden className="text-xs font-semibold text-zinc-500">B</span>
      </div>
      <div className="grid grid-cols-1 gap-1 px-1 text-xs sm:grid-cols-2">
        <p className="flex items-center justify-between gap-2"><Caption side={a} /></p>
        <p className="flex items-center justify-between gap-2 sm:flex-row-reverse sm:text-right"><Caption side={b} /></p>
      </div>
    </div>
  );
}

/** Two results as two framed images, or one over the other with a divider to drag. */
export function CompareView({ a, b }: { a: CompareSide; b: CompareSide }) {
  const [mode, setMode] = useState<Mode>("side");
  // Kept here, so switching to side by side and back leaves the divider where it was.
  const [position, setPosition] = useState(50);
  const aspect = frameAspect(a, b);
  return (
    <section aria-label="Images" className="flex flex-col gap-3">
      <div role="group" aria-label="Compare view" className="inline-flex self-start rounded-xl bg-zinc-100 p-1 dark:bg-zinc-800/70">
        <button type="button" aria-pressed={mode === "side"} onClick={() => setMode("side")} className={modeButton}>Side by side</button>
        <button type="button" aria-pressed={mode === "split"} onClick={() => setMode("split")} className={modeButton}>Split</button>
      </div>
      {mode === "side" ? <SideBySide a={a} b={b} aspect={aspect} /> : <Split a={a} b={b} aspect={aspect} position={position} setPosition={setPosition} />}
    </section>
  );
}
