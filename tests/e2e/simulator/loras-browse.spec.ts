import type { Page } from "@playwright/test";
import { expect, test } from "../csp-guard";

// The browse page /loras: search (server side, ?q=, also without JavaScript), cards that keep
// their size when a preview cannot load, and a phone's first screen.

/** A 1 × 1 PNG: the stand-in for a preview that loads. */
const PIXEL = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/**
 * Previews come from the LoRAs' hubs, off this app's origin: Add Details' loads (a stand-in
 * image), every other one fails, as offline.
 */
async function previews(page: Page) {
  await page.route(
    (url) => url.origin !== new URL(page.url() || "http://127.0.0.1").origin && /^https?:/.test(url.protocol) && !url.hostname.startsWith("127."),
    (route) => (route.request().url().includes("FLUX.1-dev-LoRA-add-details") ? route.fulfill({ contentType: "image/png", body: PIXEL }) : route.abort("internetdisconnected")),
  );
}

const cards = (page: Page) => page.getByRole("list", { name: "LoRAs" }).getByRole("article");
const searchBox = (page: Page) => page.getByRole("searchbox", { name: "Search LoRAs" });

test("search narrows the list, keeps ?q= in the address, and says when nothing matches", async ({ page }) => {
  await previews(page);
  await page.goto("/loras");
  const all = await cards(page).count();
  expect(all).toBeGreaterThan(5);

  await searchBox(page).fill("tarot");
  await searchBox(page).press("Enter");
  await expect(page).toHaveURL(/\/loras\?q=tarot$/);
  await expect(cards(page).first()).toHaveAccessibleName("Tarot");
  await expect(page.getByRole("article", { name: "Animeo Mix" })).toHaveCount(0);
  expect(await cards(page).count()).toBeLessThan(all);
  await expect(searchBox(page)).toHaveValue("tarot");
  await expect(page.getByText(/LoRAs? for “tarot”/)).toBeVisible();

  // A tag chip keeps the search; searching again keeps the tag.
  await page.getByRole("navigation", { name: "Filter LoRAs" }).getByRole("link", { name: "card", exact: true }).click();
  await expect(page).toHaveURL(/q=tarot/);
  await expect(page).toHaveURL(/tag=card/);
  await expect(cards(page).first()).toHaveAccessibleName("Tarot");

  await searchBox(page).fill("zzqxv");
  await searchBox(page).press("Enter");
  await expect(page).toHaveURL(/q=zzqxv/);
  await expect(page).toHaveURL(/tag=card/);
  await expect(page.getByText("No LoRA matches “zzqxv” with these filters.")).toBeVisible();
  await expect(cards(page)).toHaveCount(0);
  await page.getByRole("link", { name: "Show all" }).click();
  await expect(page).toHaveURL(/\/loras$/);
  expect(await cards(page).count()).toBe(all);
});

test("search works without JavaScript: the form is a plain GET", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/loras");
  await searchBox(page).fill("isometric");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/loras\?q=isometric$/);
  await expect(cards(page).first()).toContainText(/Isometric/);
  await expect(page.getByRole("article", { name: "Tarot", exact: true })).toHaveCount(0);
  await context.close();
});

test("a card whose preview cannot load shows the placeholder at the card's normal size", async ({ page }) => {
  await previews(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/loras");
  const loaded = page.getByRole("article", { name: "Add Details", exact: true });
  const broken = page.getByRole("article", { name: "Super Realism", exact: true });
  // Add Details' preview loads over its placeholder; Super Realism's fails and leaves the placeholder.
  await expect(loaded.locator("img")).toBeVisible();
  await expect(broken.getByTestId("lora-preview-placeholder")).toBeVisible();
  await expect(broken.locator("img")).toHaveCount(0);
  // No giant initial letter any more: the placeholder holds no text.
  await expect(broken.getByTestId("lora-preview-placeholder")).toHaveText("");

  const frame = async (card: typeof loaded) => (await card.getByTestId("lora-preview").boundingBox())!;
  const [ok, failed] = [await frame(loaded), await frame(broken)];
  expect(failed.width).toBeCloseTo(ok.width, 0);
  expect(failed.height).toBeCloseTo(ok.height, 0);
  expect(failed.width / failed.height).toBeCloseTo(4 / 3, 1);
  const placeholder = (await broken.getByTestId("lora-preview-placeholder").boundingBox())!;
  expect([placeholder.width, placeholder.height]).toEqual([failed.width, failed.height]);
});

test("on a phone (390 × 844) the first screen shows the search box and a card; the filters stay compact", async ({ page }) => {
  await previews(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/loras");
  const box = (await searchBox(page).boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(844);
  // At least one card's preview and title are on the first screen.
  const first = cards(page).first();
  const frame = (await first.getByTestId("lora-preview").boundingBox())!;
  const title = (await first.getByRole("heading").boundingBox())!;
  expect(frame.y).toBeGreaterThan(box.y);
  expect(title.y + title.height).toBeLessThanOrEqual(844);
  // Each chip row is one line that scrolls sideways, not a block of wrapped chips.
  for (const name of ["Family", "Source", "Tag"]) {
    const row = page.getByRole("group", { name });
    expect((await row.boundingBox())!.height, name).toBeLessThan(48);
  }
  // Nothing on the page is wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
