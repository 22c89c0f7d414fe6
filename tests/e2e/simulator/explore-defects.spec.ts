import { expect, test } from "../csp-guard";
import { StudioPage } from "../pages/studio-page";

// Issue 13, item 13: Explore's rough edges — the scale a sweep overrides cannot be edited, a
// seed the sweep pinned is let go when leaving Explore, the compare tray hides nothing, and
// split view fits a 900 px high screen.

const TAROT = "https://huggingface.co/multimodalart/flux-tarot-v1";
const BLACKLIGHT = "https://replicate.com/fofr/flux-black-light";

test("a scale the sweep varies is disabled, with the reason, until Explore is left", async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.pasteLora(1, TAROT);
  await studio.pasteLora(2, BLACKLIGHT);
  await studio.explore();

  await studio.sweep("lora1", "0.3, 0.6");
  await expect(studio.loraScale(1)).toBeDisabled();
  await expect(page.getByLabel("LoRA 1 scale value", { exact: true })).toBeDisabled();
  await expect(studio.slot(1)).toContainText("The sweep sets this scale");
  await expect(studio.loraScale(1)).toHaveAccessibleDescription(/The sweep sets this scale/);
  await expect(studio.loraScale(2)).toBeEnabled();

  await studio.sweep("both", "0.3, 0.6", "0.5, 1");
  await expect(studio.loraScale(1)).toBeDisabled();
  await expect(studio.loraScale(2)).toBeDisabled();

  await page.getByRole("radio", { name: "Single image" }).check({ force: true });
  await expect(studio.loraScale(1)).toBeEnabled();
  await expect(studio.loraScale(2)).toBeEnabled();
  await expect(studio.slot(1)).not.toContainText("The sweep sets this scale");
});

test("the seed a sweep pinned is random again after leaving Explore; a seed the person fixed stays", async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill("a pinned lighthouse");
  await studio.pasteLora(1, TAROT);
  const random = page.getByLabel("New random seed each time");
  await expect(random).toBeChecked();
  await studio.explore();
  await studio.sweep("lora1", "0.4, 0.8");
  await studio.startSweep.click();
  await expect(studio.sweepGrid.locator("img")).toHaveCount(2);
  // While exploring, the grid's seed stays pinned so the next sweep is comparable.
  await expect(random).not.toBeChecked();
  await page.getByRole("radio", { name: "Single image" }).check({ force: true });
  await expect(random).toBeChecked();
  await expect(page).not.toHaveURL(/[?&]seed=/);

  // A seed the person fixed is theirs: leaving Explore keeps it.
  await studio.fixSeed(77);
  await studio.explore();
  await page.getByRole("radio", { name: "Single image" }).check({ force: true });
  await expect(random).not.toBeChecked();
  await expect(studio.seed).toHaveValue("77");
});

for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  test(`at ${viewport.width}×${viewport.height} the compare tray leaves the sweep's Share card uncovered; split view fits the screen`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.prompt.fill("a tray and a share card");
    await studio.pasteLora(1, TAROT);
    await studio.fixSeed(12);
    await studio.explore();
    await studio.sweep("lora1", "0.3, 0.9");
    await studio.startSweep.click();
    await expect(studio.sweepGrid.locator("img")).toHaveCount(2);
    await studio.sweepGrid.getByRole("button", { name: "Compare LoRA 1 scale 0.3" }).click();
    await studio.sweepGrid.getByRole("button", { name: "Compare LoRA 1 scale 0.9" }).click();
    const tray = page.getByRole("region", { name: "Compare" });
    await expect(tray).toBeVisible();

    const share = page.getByRole("region", { name: "Sweep" }).getByRole("region", { name: "Sharing" });
    // Wherever the Share card is on screen — at the screen's foot, or scrolled as far as it
    // goes — the tray is not over it.
    async function shareUncovered() {
      const t = (await tray.boundingBox())!;
      const s = (await share.boundingBox())!;
      const overlap = Math.min(s.y + s.height, t.y + t.height) - Math.max(s.y, t.y) > 0 && Math.min(s.x + s.width, t.x + t.width) - Math.max(s.x, t.x) > 0;
      expect(overlap, "the tray overlaps the Share card").toBe(false);
    }
    await share.evaluate((el) => el.scrollIntoView({ block: "end" }));
    await expect(share).toBeInViewport({ ratio: 0.99 });
    await shareUncovered();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await shareUncovered();

    if (viewport.width < 1024) return;
    await tray.getByRole("link", { name: "Compare", exact: true }).click();
    await page.getByRole("button", { name: "Split" }).click();
    // As the page opens, without scrolling: the whole picture and its slider on the first screen.
    const frame = page.getByRole("img", { name: /^A · / }).locator("xpath=..");
    await expect(frame).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole("slider", { name: "Split position" })).toBeInViewport({ ratio: 1 });
  });
}
