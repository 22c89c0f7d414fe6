import { expect, test, type Page } from "@playwright/test";
import { setHubsOffline } from "../pages/standins";
import { StudioPage } from "../pages/studio-page";

// Issue 13, items 10–11: results and errors appear where the person is looking, and keyboard
// focus is never hidden under the studio's sticky bar — on a phone and on a desktop.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

test("on a phone, the result comes into view after Generate, and an error shows beside Generate", async ({ page }) => {
  await page.setViewportSize(PHONE);
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill("a phone-sized lighthouse");
  await studio.generate.click();
  await expect(studio.resultImages().first()).toBeInViewport();

  await page.evaluate(() => window.scrollTo(0, 0));
  await setHubsOffline(page.request, true);
  try {
    await studio.pasteLora(1, "https://huggingface.co/someone/sdxl-phone-style");
    await studio.generate.click();
    await expect(studio.alert).toBeInViewport();
    await expect(studio.alert).toContainText("could not apply a LoRA");
  } finally {
    await setHubsOffline(page.request, false);
  }
});

test("on a desktop scrolled down to the settings, the result comes into view", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill("a desktop lighthouse");
  // Two LoRAs with their cards make the form longer than the screen, as it usually is.
  await studio.pasteLora(1, "https://huggingface.co/multimodalart/flux-tarot-v1");
  await studio.pasteLora(2, "https://replicate.com/fofr/flux-black-light");
  await studio.addPhrase("film grain");
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await studio.generate.click();
  // Fully on screen, not just its bottom edge peeking in.
  await expect(studio.resultImages().first()).toBeInViewport({ ratio: 0.9 });
});

/** Tabs through the studio; every focused control outside the bar must sit fully above it. */
async function focusNeverUnderTheBar(page: Page) {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill("focus walk");
  await studio.pasteLora(1, "https://huggingface.co/multimodalart/flux-tarot-v1");
  await studio.prompt.focus();
  const hidden: string[] = [];
  for (let i = 0; i < 45; i++) {
    await page.keyboard.press("Tab");
    const where = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const bar = document.querySelector("form .sticky"); // the studio's sticky bar
      if (!el || !bar || bar.contains(el) || !el.closest("form")) return null;
      const r = el.getBoundingClientRect();
      const b = bar.getBoundingClientRect();
      const name = el.getAttribute("aria-label") || el.id || el.textContent?.trim().slice(0, 30) || el.tagName;
      return { name, covered: r.bottom > b.top + 1 && r.top < b.bottom, offTop: r.bottom < 0 };
    });
    if (where && (where.covered || where.offTop)) hidden.push(where.name);
  }
  expect(hidden).toEqual([]);
}

test("keyboard focus is never under the sticky bar on a phone", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await focusNeverUnderTheBar(page);
});

test("keyboard focus is never under the sticky bar on a desktop", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await focusNeverUnderTheBar(page);
});
