import { expect, test } from "../csp-guard";
import { StudioPage } from "../pages/studio-page";

// Explore on a phone, in dark mode, on the built-in simulator: what a person sees after
// pressing Start is the grid, and a double-click starts (and pays for) one sweep only.

test.use({ viewport: { width: 390, height: 844 }, colorScheme: "dark" });

test("on a phone: a 0.3–1.2 sweep of one LoRA fills its grid in view; a double-click makes one sweep", async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill("a tin robot reading");
  await studio.pasteLora(1, "https://huggingface.co/multimodalart/flux-tarot-v1");
  await studio.fixSeed(31);
  await studio.explore();
  await studio.sweep("lora1", "0.3-1.2 step 0.3");
  await expect(page.getByRole("radiogroup", { name: "What varies" })).toBeVisible();
  await expect(page.getByLabel("LoRA 1 scales", { exact: true })).toHaveValue("0.3-1.2 step 0.3");
  await expect(studio.cost).toContainText("$0.140");
  await expect(studio.cost).toContainText("4 images × $0.035");

  await studio.startSweep.dblclick();
  const sweep = page.getByRole("region", { name: "Sweep" });
  await expect(studio.sweepGrid.locator("img")).toHaveCount(4);
  await expect(studio.sweepProgress).toContainText("4 of 4 done · $0.140 spent");
  // The grid is brought into view below the form.
  await expect(sweep.getByRole("heading", { level: 2 })).toBeInViewport();
  for (const value of ["0.3", "0.6", "0.9", "1.2"]) {
    await expect(studio.sweepGrid.getByRole("columnheader", { name: `LoRA 1 scale ${value}` })).toBeAttached();
  }

  // The recipe, the sweep settings and the sweep itself live in the URL: a reload brings all back.
  await expect(page).toHaveURL(/[?&]sweep=[\w-]+/);
  await page.reload();
  await expect(page.getByRole("radio", { name: "Explore" })).toBeChecked();
  await expect(page.getByLabel("LoRA 1 scales", { exact: true })).toHaveValue("0.3-1.2 step 0.3");
  await expect(studio.sweepGrid.locator("img")).toHaveCount(4);
  await expect(studio.sweepProgress).toContainText("4 of 4 done · $0.140 spent");

  // Off to compare two cells and back: the studio is as it was left, grid included.
  await studio.sweepGrid.getByRole("button", { name: "Compare LoRA 1 scale 0.3" }).click();
  await studio.sweepGrid.getByRole("button", { name: "Compare LoRA 1 scale 1.2" }).click();
  await page.getByRole("region", { name: "Compare" }).getByRole("link", { name: "Compare", exact: true }).click();
  await expect(page.getByRole("table", { name: "Differences" }).getByRole("rowheader")).toHaveText(["LoRA 1 scale"]);
  // Its back link names the studio and leads to it as it was, sweep included.
  const backToStudio = page.getByRole("article", { name: "Compare" }).getByRole("link", { name: "Studio", exact: true });
  await expect(backToStudio).toHaveAttribute("href", /^\/\?(.*&)?sweep=[\w-]+/);
  await page.goBack();
  await expect(studio.prompt).toHaveValue("a tin robot reading");
  await expect(page.getByRole("radio", { name: "Explore" })).toBeChecked();
  await expect(page.getByLabel("LoRA 1 scales", { exact: true })).toHaveValue("0.3-1.2 step 0.3");
  await expect(studio.sweepGrid.locator("img")).toHaveCount(4);
  await expect(page).toHaveURL(/[?&]sweep=[\w-]+/);

  // One sweep, four images paid for.
  await page.goto("/collections");
  await expect(page.getByRole("link", { name: /tarot.*0\.3–1\.2/i })).toHaveCount(1);
  await page.goto("/gallery");
  await expect(page.getByRole("region", { name: "Totals" })).toContainText("4 images");
});
