"use client";

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

/**
 * A grid's Z axis as tabs, one panel per value (the WAI-ARIA tabs pattern): the arrow keys,
 * Home and End move between tabs and show theirs. Every panel is rendered (so a server page
 * sends them all and works before scripts load); only the selected one is shown.
 */
export function ZTabs({ name, labels, children }: { name: string; labels: readonly string[]; children: readonly ReactNode[] }) {
  const id = useId();
  const [selected, setSelected] = useState(0);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const last = labels.length - 1;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, number> = {
      ArrowRight: selected === last ? 0 : selected + 1,
      ArrowDown: selected === last ? 0 : selected + 1,
      ArrowLeft: selected === 0 ? last : selected - 1,
      ArrowUp: selected === 0 ? last : selected - 1,
      Home: 0,
      End: last,
    };
    const next = keys[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setSelected(next);
    tabs.current[next]?.focus();
  };

  return (
    <div className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span id={`${id}-name`} className="text-xs font-semibold text-zinc-700 dark:text-zinc-300">
          {name}
        </span>
        {/* eslint-disable-next-line jsx-a11y/interactive-supports-focus -- the tabs inside take focus (roving tabindex) */}
        <div role="tablist" aria-labelledby={`${id}-name`} onKeyDown={onKeyDown} className="flex flex-wrap gap-1">
          {labels.map((label, i) => (
            <button
              key={i}
              ref={(el) => {
                tabs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${i}`}
              aria-selected={i === selected}
              aria-controls={`${id}-panel-${i}`}
              tabIndex={i === selected ? 0 : -1}
              onClick={() => setSelected(i)}
              className={`max-w-full rounded-lg px-3 py-1.5 text-sm font-medium [overflow-wrap:anywhere] focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 ${
                i === selected ? "bg-accent-600 text-white" : "bg-zinc-100 text-zinc-800 hover:bg-zinc-200 dark:bg-zinc-800 dark:text-zinc-100 dark:hover:bg-zinc-700"
              }`}
            >
              {label}
            </button>
          ))}
        </div>
      </div>
      {children.map((panel, i) => (
        <div
          key={i}
          role="tabpanel"
          id={`${id}-panel-${i}`}
          aria-labelledby={`${id}-tab-${i}`}
          hidden={i !== selected}
          // The tabs pattern: the panel is the next stop after the tabs.
          tabIndex={0}
          className="min-w-0 rounded-xl focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500"
        >
          {panel}
        </div>
      ))}
    </div>
  );
}
