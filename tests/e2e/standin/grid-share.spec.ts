import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { expect, test } from "../csp-guard";
import { GridBuilder } from "../pages/grid-builder";
import { clearTogetherStandin, TOGETHER_ADMIN } from "../pages/standins";
import { StudioPage } from "../pages/studio-page";

// A finished server-run grid, saved as a collection: its owner's page and its shared page draw
// the same labelled grid (real axis names, Z as tabs, the No LoRA column, a failed cell saying
// so), its contact sheet is a PNG, and the shared page's preview image is that sheet.

const TAROT = "multimodalart/flux-tarot-v1";
const ANIME = "https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors";

test.beforeEach(async ({ request }) => clearTogetherStandin(request));
test.afterEach(async ({ request }) => {
  await request.delete(`${TOGETHER_ADMIN}/faults`);
});

/** A saved grid as the collection page and the shared page draw it. */
class SavedGridView {
  constructor(readonly page: Page) {}
  get seeds() {
    return this.page.getByRole("tablist", { name: "Seed" });
  }
  tab(label: string) {
    return this.seeds.getByRole("tab", { name: label, exact: true });
  }
  /** The shown Z value's table (the other panels are hidden). */
  get table() {
    return this.page.getByRole("table");
  }
  image(place: string) {
    return this.table.getByRole("img", { name: place, exact: true });
  }

  /** Real names on the edges, Z tabs that switch by click and by arrow keys, the failed cell (and why, for its owner). */
  async check({ owner }: { owner: boolean }) {
    await expect(this.page.getByRole("region", { name: "About this grid" })).toContainText("a lighthouse at dusk");
    await expect(this.page.getByRole("region", { name: "About this grid" })).toContainText("Together AI");
    await expect(this.seeds.getByRole("tab")).toHaveText(["7", "8"]);
    await expect(this.tab("7")).toHaveAttribute("aria-selected", "true");
    await expect(this.table).toHaveCount(1);
    await expect(this.table.getByRole("columnheader")).toContainText(["LoRA 1", "No LoRA", "Tarot", "Anime (XLabs collection)"]);
    await expect(this.table.getByRole("rowheader")).toHaveText(["Steps 20", "Steps 28"]);
    // The first request failed (the stand-in refused it): its place says so; the rest are images.
    await expect(this.table.getByText("Failed", { exact: true })).toHaveCount(1);
    // Why, in the provider's words, only for the owner: an error can quote a pasted link.
    const reason = this.table.getByTestId("cell-reason");
    if (owner) await expect(reason).toHaveText(/LoRA/);
    else await expect(reason).toHaveCount(0);
    await expect(this.table.getByRole("img")).toHaveCount(5);
    await expect(this.image("LoRA 1 Tarot, Steps 28, Seed 7")).toBeVisible();

    await this.tab("8").click();
    await expect(this.tab("8")).toHaveAttribute("aria-selected", "true");
    await expect(this.table.getByRole("img")).toHaveCount(6);
    await expect(this.image("LoRA 1 Anime (XLabs collection), Steps 20, Seed 8")).toBeVisible();
    await expect(this.image("LoRA 1 Tarot, Steps 28, Seed 7")).toBeHidden();
    // Keyboard: the arrows move between tabs (wrapping) and show their grid.
    await this.tab("8").press("ArrowRight");
    await expect(this.tab("7")).toBeFocused();
    await expect(this.tab("7")).toHaveAttribute("aria-selected", "true");
    await expect(this.image("LoRA 1 Tarot, Steps 28, Seed 7")).toBeVisible();
    await this.tab("7").press("End");
    await expect(this.tab("8")).toBeFocused();
    await expect(this.image("LoRA 1 No LoRA, Steps 28, Seed 8")).toBeVisible();
  }
}

const pngSize = async (png: Buffer) => {
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  const meta = await sharp(png).metadata();
  return [meta.width, meta.height];
};

test("a finished grid's collection and shared pages draw its labelled grid; its contact sheet is the preview image", async ({ page, request, browser }) => {
  test.setTimeout(150_000);
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill("a lighthouse at dusk");
  await studio.fixSeed(4242);
  await studio.explore();
  // The studio writes its state to the address; let that settle before filling the builder.
  await expect(page).toHaveURL(/[?&]mode=explore/);
  await expect(page).toHaveURL(/[?&]seed=4242/);
  const grid = new GridBuilder(page);
  await grid.axis("X", "LoRA 1 (a list)", `${TAROT}\n${ANIME}`);
  await grid.axis("Y", "Steps", "20, 28");
  await grid.axis("Z", "Seed", "7, 8");
  await grid.section.getByLabel("Add a No LoRA baseline").check();
  await expect(grid.start).toHaveText(/Start grid · 12 images/);
  // The first cell's request is refused, so one place stays empty and says why.
  await request.post(`${TOGETHER_ADMIN}/faults`, { data: { kind: "unused-keys", keys: ["lora_unet_down_blocks_0_attentions_0_proj_in.alpha"], times: 1 } });
  await grid.start.click();
  await page.getByRole("dialog", { name: "Start this grid?" }).getByRole("button", { name: /Yes, start/ }).click();
  await expect(grid.progress).toContainText("11 of 12 done · 1 failed", { timeout: 90_000 });

  // The owner's collection page.
  await grid.section.getByRole("link", { name: "Open collection" }).click();
  await expect(page).toHaveURL(/\/collections\/[\w-]+$/);
  await expect(page.getByText(/^11 results · .* · grid$/)).toBeVisible();
  const owner = new SavedGridView(page);
  await owner.check({ owner: true });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download contact sheet" }).click()]);
  const ownerSheet = await pngSize(await readFile((await download.path())!));
  // One grid per seed, stacked: taller than wide (three 256 × 192 columns, two rows each).
  expect(ownerSheet[1]!).toBeGreaterThan(ownerSheet[0]!);

  await page.getByRole("switch", { name: "Share" }).click();
  const link = await page.getByLabel("Public link").inputValue();
  const slug = link.split("/c/")[1];

  // The collections list marks it as a grid.
  await page.goto("/collections");
  await expect(page.getByRole("listitem").filter({ hasText: "11 results · grid" })).toHaveCount(1);

  // A stranger's view of the shared page.
  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  expect((await other.goto(link))!.status()).toBe(200);
  await expect(other.getByText("Shared grid", { exact: true })).toBeVisible();
  const shared = new SavedGridView(other);
  await shared.check({ owner: false });

  // Its preview image is the contact sheet, announced at the size it is drawn.
  await expect(other.locator('meta[property="og:image"]')).toHaveAttribute("content", new RegExp(`/c/${slug}/contact-sheet$`));
  const sheet = await stranger.request.get(`${new URL(link).origin}/c/${slug}/contact-sheet`);
  expect(sheet.status()).toBe(200);
  expect(sheet.headers()["content-type"]).toBe("image/png");
  const [width, height] = await pngSize(await sheet.body());
  expect([width, height]).toEqual(ownerSheet);
  await expect(other.locator('meta[property="og:image:width"]')).toHaveAttribute("content", String(width));
  await expect(other.locator('meta[property="og:image:height"]')).toHaveAttribute("content", String(height));

  // Cells open in compare.
  await other.getByRole("button", { name: "Compare LoRA 1 Tarot, Steps 20, Seed 8" }).click();
  await other.getByRole("button", { name: "Compare LoRA 1 Anime (XLabs collection), Steps 20, Seed 8" }).click();
  await other.getByRole("region", { name: "Compare" }).getByRole("link", { name: "Compare", exact: true }).click();
  await expect(other).toHaveURL(/\/c\/[A-Za-z0-9_-]+\/compare\?a=/);
  await stranger.close();
});
