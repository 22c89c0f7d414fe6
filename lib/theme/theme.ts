/**
 * The colour theme a person picked: "system" follows the device (prefers-color-scheme);
 * "light" and "dark" override it. Kept in localStorage and applied as `data-theme` on <html>
 * (absent for "system"), which the `dark:` variant in app/globals.css reads.
 */

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_STORAGE_KEY = "lorascope:theme";

export function parseTheme(value: unknown): Theme {
  return value === "light" || value === "dark" ? value : "system";
}

/** The `data-theme` attribute for a theme: none for "system", so the media query decides. */
export function themeAttribute(theme: Theme): "light" | "dark" | null {
  return theme === "system" ? null : theme;
}

/**
 * Runs in <head> before the body is parsed, so a stored choice is on the page before its first
 * paint (no flash of the other theme). Plain ES5 and self-contained: it is inlined as text.
 */
export const THEME_INIT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.setAttribute("data-theme",t)}catch(e){}`;
