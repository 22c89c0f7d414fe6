"use client";

import { useSyncExternalStore } from "react";
import { parseTheme, THEME_STORAGE_KEY, themeAttribute, type Theme } from "@/lib/theme/theme";

const listeners = new Set<() => void>();

function readTheme(): Theme {
  try {
    return parseTheme(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return "system";
  }
}

function applyTheme(theme: Theme) {
  const attribute = themeAttribute(theme);
  if (attribute) document.documentElement.setAttribute("data-theme", attribute);
  else document.documentElement.removeAttribute("data-theme");
}

function chooseTheme(theme: Theme) {
  try {
    if (theme === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // storage blocked: the choice lasts as long as the page
  }
  applyTheme(theme);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  // Another tab's choice applies here too.
  const onStorage = (e: StorageEvent) => {
    if (e.key !== THEME_STORAGE_KEY && e.key !== null) return;
    applyTheme(readTheme());
    listener();
  };
  listeners.add(listener);
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

const icons: Record<Theme, React.ReactNode> = {
  system: <path d="M3 5.5A1.5 1.5 0 0 1 4.5 4h11A1.5 1.5 0 0 1 17 5.5v7a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 3 12.5v-7ZM7 16.25a.75.75 0 0 1 .75-.75h4.5a.75.75 0 0 1 0 1.5h-4.5a.75.75 0 0 1-.75-.75Z" />,
  light: (
    <>
      <circle cx="10" cy="10" r="3.25" />
      <path d="M10 1.75a.75.75 0 0 1 .75.75v1.5a.75.75 0 0 1-1.5 0V2.5a.75.75 0 0 1 .75-.75Zm0 13.5a.75.75 0 0 1 .75.75v1.5a.75.75 0 0 1-1.5 0V16a.75.75 0 0 1 .75-.75ZM18.25 10a.75.75 0 0 1-.75.75H16a.75.75 0 0 1 0-1.5h1.5a.75.75 0 0 1 .75.75ZM4.75 10a.75.75 0 0 1-.75.75H2.5a.75.75 0 0 1 0-1.5H4a.75.75 0 0 1 .75.75Zm10.08-5.89a.75.75 0 0 1 0 1.06l-1.06 1.06a.75.75 0 1 1-1.06-1.06l1.06-1.06a.75.75 0 0 1 1.06 0ZM7.29 12.71a.75.75 0 0 1 0 1.06l-1.06 1.06a.75.75 0 0 1-1.06-1.06l1.06-1.06a.75.75 0 0 1 1.06 0Zm7.54 2.18a.75.75 0 0 1-1.06 0l-1.06-1.06a.75.75 0 0 1 1.06-1.06l1.06 1.06a.75.75 0 0 1 0 1.06ZM7.29 7.29a.75.75 0 0 1-1.06 0L5.17 6.23a.75.75 0 0 1 1.06-1.06l1.06 1.06a.75.75 0 0 1 0 1.06Z" />
    </>
  ),
  dark: <path d="M8.5 2.6a.75.75 0 0 1 .1.83 6 6 0 0 0 7.97 7.97.75.75 0 0 1 .93 1.03A7.5 7.5 0 1 1 7.57 2.5a.75.75 0 0 1 .93.1Z" />,
};

const labels: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** System / Light / Dark, as native radios (arrow keys work; each invisible input covers its icon), shown as three small icons. */
export function ThemeSwitch({ className = "" }: { className?: string }) {
  // "system" on the server and while hydrating; the stored choice right after (the page itself
  // already has it from the <head> script).
  const theme = useSyncExternalStore(subscribe, readTheme, () => "system" as const);
  return (
    <fieldset className={`flex items-center rounded-full bg-zinc-100 p-0.5 dark:bg-zinc-800 ${className}`}>
      <legend className="sr-only">Theme</legend>
      {(Object.keys(labels) as Theme[]).map((value) => (
        <label
          key={value}
          title={labels[value]}
          className="relative grid size-7 place-items-center rounded-full text-zinc-500 transition hover:text-zinc-900 has-[:checked]:bg-white has-[:checked]:text-zinc-900 has-[:checked]:shadow-sm dark:hover:text-zinc-100 dark:has-[:checked]:bg-zinc-950 dark:has-[:checked]:text-zinc-100"
        >
          <input type="radio" name="theme" value={value} checked={theme === value} onChange={() => chooseTheme(value)} className="absolute inset-0 m-0 cursor-pointer appearance-none rounded-full" />
          <span className="sr-only">{labels[value]}</span>
          <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="pointer-events-none size-4">
            {icons[value]}
          </svg>
        </label>
      ))}
    </fieldset>
  );
}
