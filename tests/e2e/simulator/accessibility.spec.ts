import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test } from "../csp-guard";
import { StudioPage } from "../pages/studio-page";

// axe-core (WCAG 2.1 A and AA rules, contrast included) on every kind of page, in light and
// dark: the studio before and after a sweep, compare, the gallery, collections, a shared grid.

const TAROT = "https://huggingface.co/multimodalart/flux-tarot-v1";

async function expectNoViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  expect(found, `axe on ${where}`).toEqual([]);
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test(`no axe violations from the studio through a sweep, compare, gallery and a shared grid (${colorScheme})`, async ({ page, browser }) => {
      const studio = new StudioPage(page);
      await studio.goto();
      await expectNoViolations(page, "the empty studio");

      await studio.prompt.fill("an accessible lighthouse");
      await studio.pasteLora(1, TAROT);
      await studio.fixSeed(8);
      await studio.explore();
      await studio.sweep("lora1", "0.3, 0.9");
      await page.getByLabel("Add a baseline without LoRAs").check();
      await expectNoViolations(page, "the Explore form");

      await studio.startSweep.click();
      await expect(studio.sweepProgress).toContainText("3 of 3 done");
      await expect(studio.sweepGrid.locator("img")).toHaveCount(3);
      await expectNoViolations(page, "a finished sweep");

      await studio.sweepGrid.getByRole("button", { name: "Compare No LoRA" }).click();
      await studio.sweepGrid.getByRole("button", { name: "Compare LoRA 1 scale 0.9" }).click();
      await page.getByRole("region", { name: "Compare" }).getByRole("link", { name: "Compare", exact: true }).click();
      await expect(page.getByRole("table", { name: "Differences" })).toBeVisible();
      await expectNoViolations(page, "compare, side by side");
      await page.getByRole("button", { name: "Split" }).click();
      await expectNoViolations(page, "compare, split");

      await page.goto("/gallery");
      await expect(page.getByRole("region", { name: "Totals" })).toContainText("3 images");
      await expectNoViolations(page, "the gallery");

      await page.goto("/collections");
      await page.getByRole("link", { name: /an accessible lighthouse/ }).first().click();
      await expect(page.getByRole("table")).toBeVisible();
      await expectNoViolations(page, "the sweep's collection");

      await page.getByRole("switch", { name: "Share" }).click();
      const link = await page.getByLabel("Public link").inputValue();
      const stranger = await browser.newContext({ colorScheme });
      const other = await stranger.newPage();
      await other.goto(link);
      await expect(other.getByRole("table").locator("img")).toHaveCount(3);
      await expectNoViolations(other, "the shared grid");
      await stranger.close();

      await page.goto("/loras");
      await expectNoViolations(page, "the LoRA catalog");
    });
  });
}
