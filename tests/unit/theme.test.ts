import { describe, expect, it } from "vitest";
import { parseTheme, THEME_INIT_SCRIPT, THEME_STORAGE_KEY, themeAttribute } from "@/lib/theme/theme";

describe("parseTheme", () => {
  it.each([
    ["light", "light"],
    ["dark", "dark"],
    ["system", "system"],
    [null, "system"],
    ["DARK", "system"],
    ["<script>", "system"],
  ])("%s → %s", (value, expected) => {
    expect(parseTheme(value)).toBe(expected);
  });

  it("puts no attribute on the page for the system theme", () => {
    expect(themeAttribute("system")).toBeNull();
    expect(themeAttribute("dark")).toBe("dark");
  });
});

/** Runs the inline script against a stand-in localStorage and <html>. */
function runInitScript(stored: string | null, storage: "ok" | "blocked" = "ok") {
  const attributes = new Map<string, string>();
  const localStorage = {
    getItem(key: string) {
      if (storage === "blocked") throw new Error("SecurityError");
      return key === THEME_STORAGE_KEY ? stored : null;
    },
  };
  const document = { documentElement: { setAttribute: (name: string, value: string) => attributes.set(name, value) } };
  new Function("localStorage", "document", THEME_INIT_SCRIPT)(localStorage, document);
  return attributes.get("data-theme") ?? null;
}

describe("THEME_INIT_SCRIPT", () => {
  it("applies a stored light or dark choice", () => {
    expect(runInitScript("dark")).toBe("dark");
    expect(runInitScript("light")).toBe("light");
  });

  it("leaves the page to the device for system, nothing stored, or junk", () => {
    expect(runInitScript("system")).toBeNull();
    expect(runInitScript(null)).toBeNull();
    expect(runInitScript('"><img src=x>')).toBeNull();
  });

  it("does not throw where storage is blocked", () => {
    expect(runInitScript("dark", "blocked")).toBeNull();
  });
});
