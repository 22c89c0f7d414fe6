import { expect, test } from "../csp-guard";
import { StudioPage } from "../pages/studio-page";

// Issue 13, item 12: on a phone the first screen is the studio itself — the prompt and both
// LoRA slots above a slim Generate bar — and nothing is cut off at 390 or 360 px.

for (const viewport of [{ width: 390, height: 844 }, { width: 360, height: 780 }]) {
  test(`at ${viewport.width}×${viewport.height} the first screen shows Prompt, LoRA 1 and LoRA 2 above a slim bar`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const studio = new StudioPage(page);
    await studio.goto();
    const bar = (await studio.bar.boundingBox())!;
    // A slim bar: well under a fifth of the screen.
    expect(bar.height).toBeLessThan(viewport.height * 0.15);
    for (const field of [studio.prompt, studio.lora(1), studio.lora(2)]) {
      const box = (await field.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      // On the first screen, and not under the bar.
      expect(box.y + box.height).toBeLessThanOrEqual(bar.y);
    }
    // The Model select fits the screen's width.
    const model = (await studio.model.boundingBox())!;
    expect(model.x).toBeGreaterThanOrEqual(0);
    expect(model.x + model.width).toBeLessThanOrEqual(viewport.width);
    // Nothing makes the page scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  });
}

test.describe("on a touch phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the Ctrl/⌘ + Enter hint is not shown", async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await expect(studio.prompt).toBeVisible();
    await expect(page.getByText("Ctrl/⌘ + Enter")).toBeHidden();
  });
});

test("on a desktop the Ctrl/⌘ + Enter hint is shown", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const studio = new StudioPage(page);
  await studio.goto();
  await expect(page.getByText("Ctrl/⌘ + Enter")).toBeVisible();
});

test("on a phone, a running sweep's grid shows every column", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // Hold the cells back, so the grid is seen while it runs.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/generations", async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill("a clipped column");
  await studio.pasteLora(1, "https://huggingface.co/multimodalart/flux-tarot-v1");
  await studio.pasteLora(2, "https://replicate.com/fofr/flux-black-light");
  await studio.fixSeed(5);
  await studio.explore();
  await studio.sweep("both", "0.3, 0.6, 0.9", "0.5, 1");
  await page.getByLabel("Add a baseline without LoRAs").check();
  await studio.startSweep.click();
  await expect(studio.sweepGrid.getByText("Generating…").first()).toBeVisible();

  async function everyColumnOnScreen() {
    const grid = studio.sweepGrid;
    await grid.scrollIntoViewIfNeeded();
    const cells = grid.locator("th, td");
    for (let i = 0; i < (await cells.count()); i++) {
      const box = await cells.nth(i).boundingBox();
      if (!box || box.width === 0) continue;
      expect(box.x, `cell ${i} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `cell ${i} ends on screen`).toBeLessThanOrEqual(390);
    }
  }
  await everyColumnOnScreen();
  release();
  await expect(studio.sweepGrid.locator("img")).toHaveCount(7);
  await everyColumnOnScreen();
});
