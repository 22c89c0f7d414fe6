import { type Page } from "@playwright/test";
import { expect, test } from "../csp-guard";

// The theme switch in the header: System follows the device, Light and Dark override it,
// the choice survives a reload (applied before the first paint) and is keyboard-operable.

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const DARK = "lab(2.51107 0.242703 -0.886115)"; // zinc-950
const LIGHT = "lab(98.26 0 0)"; // zinc-50

test.use({ colorScheme: "light" });

test("Dark on a light device stays dark across reloads; arrow keys and System go back to the device", async ({ page }) => {
  await page.goto("/gallery");
  const theme = page.getByRole("group", { name: "Theme" });
  await expect(theme.getByRole("radio", { name: "System" })).toBeChecked();
  expect(await background(page)).toBe(LIGHT);

  await theme.getByRole("radio", { name: "Dark" }).click();
  await expect(theme.getByRole("radio", { name: "Dark" })).toBeChecked();
  await expect.poll(() => background(page)).toBe(DARK);

  // Before any app script runs, the page already has it: no flash of the light theme.
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await background(page)).toBe(DARK);
  await page.unroute("**/_next/static/**/*.js");
  await page.reload();
  await expect(theme.getByRole("radio", { name: "Dark" })).toBeChecked();

  // Native radios: arrow keys move the choice.
  await theme.getByRole("radio", { name: "Dark" }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(theme.getByRole("radio", { name: "Light" })).toBeChecked();
  await expect.poll(() => background(page)).toBe(LIGHT);

  // Light wins over a dark device; System follows it again.
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await background(page)).toBe(LIGHT);
  await theme.getByRole("radio", { name: "System" }).click();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
  await expect.poll(() => background(page)).toBe(DARK);
  await page.reload();
  await expect(theme.getByRole("radio", { name: "System" })).toBeChecked();
  expect(await background(page)).toBe(DARK);
});
