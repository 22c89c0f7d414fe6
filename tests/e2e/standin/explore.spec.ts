import { readFile } from "node:fs/promises";
import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "../csp-guard";
import sharp from "sharp";
import { StudioPage } from "../pages/studio-page";

// Explore sweeps against the Together stand-in, which records every request and injects faults.

const ADMIN = `http://127.0.0.1:${4010 + Number(process.env.E2E_PORT_OFFSET ?? 0)}/__admin`;
const TAROT = "multimodalart/flux-tarot-v1";
const ANIME = "https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors";

type Recorded = { path: string; body: { seed: number; n: number; prompt: string; image_loras?: { path: string; scale: number }[] }; fault?: unknown; receivedAt: number };
async function generations(request: APIRequestContext): Promise<Recorded[]> {
  const { requests }: { requests: Recorded[] } = await (await request.get(`${ADMIN}/requests`)).json();
  return requests.filter((r) => r.path.endsWith("/images/generations"));
}

test.beforeEach(async ({ request }) => {
  await request.delete(`${ADMIN}/faults`);
  await request.delete(`${ADMIN}/requests`);
});
test.afterEach(async ({ request }) => {
  await request.delete(`${ADMIN}/faults`);
});

async function twoLoraStudio(studio: StudioPage, prompt: string, seed: number) {
  await studio.goto();
  await studio.prompt.fill(prompt);
  await studio.pasteLora(1, TAROT);
  await studio.pasteLora(2, ANIME);
  await studio.fixSeed(seed);
  await studio.explore();
}

test("a 3 × 3 sweep: total first, nine requests with the right scale pairs at one seed, a labelled grid, shared and as a contact sheet", async ({ page, request, browser }) => {
  const studio = new StudioPage(page);
  await twoLoraStudio(studio, "a lighthouse at dusk", 777);
  await studio.sweep("both", "0.3, 0.6, 0.9", "0.5-1 step 0.25");

  // The whole sweep's price, before anything is sent: 9 cells × 1 MP × $0.035.
  await expect(studio.cost).toContainText("$0.315");
  await expect(studio.cost).toContainText("9 images × $0.035");
  expect(await generations(request)).toHaveLength(0);

  // Over the default $0.25 confirmation amount: asked first.
  await studio.startSweep.click();
  const confirm = page.getByRole("dialog", { name: "Start this sweep?" });
  await expect(confirm).toContainText("$0.315");
  expect(await generations(request)).toHaveLength(0);
  await confirm.getByRole("button", { name: /Yes, start/ }).click();

  const grid = studio.sweepGrid;
  await expect(grid.getByRole("img")).toHaveCount(9);
  await expect(studio.sweepProgress).toContainText("9 of 9 done");
  await expect(studio.sweepProgress).toContainText("$0.315 spent");
  for (const label of ["LoRA 1 scale", "LoRA 2 scale", "0.3", "0.6", "0.9", "0.5", "0.75", "1"]) {
    await expect(grid.getByRole("columnheader").or(grid.getByRole("rowheader")).filter({ hasText: label }).first()).toBeVisible();
  }
  await expect(grid.getByRole("img", { name: "LoRA 1 scale 0.6, LoRA 2 scale 0.75" })).toBeVisible();

  const sent = await generations(request);
  expect(sent).toHaveLength(9);
  expect(new Set(sent.map((r) => r.body.seed))).toEqual(new Set([777]));
  expect(new Set(sent.map((r) => r.body.prompt)).size).toBe(1);
  expect(sent.every((r) => r.body.n === 1)).toBe(true);
  const pairs = sent.map((r) => r.body.image_loras!.map((l) => l.scale).join("/")).sort();
  expect(pairs).toEqual(["0.3/0.5", "0.3/0.75", "0.3/1", "0.6/0.5", "0.6/0.75", "0.6/1", "0.9/0.5", "0.9/0.75", "0.9/1"]);

  // The contact sheet: one PNG, 3 × 3 tiles shaped like the 4:3 images (256 × 192) with the
  // labels around them and a two-line caption (prompt; seed, model, provider) under them:
  // 48 + 3 · 192 + 2 · 8 + 8 = 648, + 2 · 20 + 8 = 696.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download contact sheet" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  const png = await readFile((await download.path())!);
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  const meta = await sharp(png).metadata();
  expect([meta.width, meta.height]).toEqual([886, 696]);

  // Shared: another browser sees the same labelled grid.
  const results = studio.results;
  await results.getByRole("switch", { name: "Share" }).click();
  const link = await results.getByLabel("Public link").inputValue();
  expect(link).toMatch(/\/c\/[A-Za-z0-9_-]{22,}$/);
  // A reload draws the saved grid again, still shared, without repeating its cells below it.
  await page.reload();
  await expect(grid.getByRole("img")).toHaveCount(9);
  await expect(studio.sweepProgress).toContainText("9 of 9 done · $0.315 spent");
  await expect(results.getByRole("switch", { name: "Share" })).toHaveAttribute("aria-checked", "true");
  await expect(results.getByRole("article")).toHaveCount(0);
  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  expect((await other.goto(link))!.status()).toBe(200);
  // Its preview card is the whole grid: the contact sheet, at the size it is drawn.
  const slug = link.split("/c/")[1];
  await expect(other.locator('meta[property="og:image"]')).toHaveAttribute("content", new RegExp(`/c/${slug}/contact-sheet$`));
  await expect(other.locator('meta[property="og:image:width"]')).toHaveAttribute("content", "886");
  await expect(other.locator('meta[property="og:image:height"]')).toHaveAttribute("content", "696");
  const shared = other.getByRole("table");
  await expect(shared.locator("img")).toHaveCount(9);
  // The shared table names its axes after the LoRAs, as the contact sheet does (not "LoRA 1 scale").
  for (const label of ["Tarot scale", "Anime (XLabs collection) scale", "0.3", "0.6", "0.9", "0.5", "0.75", "1"]) {
    await expect(shared.getByRole("columnheader").or(shared.getByRole("rowheader")).filter({ hasText: label }).first()).toBeVisible();
  }
  await expect(shared.getByText(/LoRA [12] scale/)).toHaveCount(0);
  // Each cell says which it is, to a screen reader too, and opens its own recipe in the studio.
  await expect(shared.getByRole("img", { name: "Tarot scale 0.6, Anime (XLabs collection) scale 0.75", exact: true })).toBeVisible();
  await expect(shared.getByRole("link", { name: "Open Tarot scale 0.6, Anime (XLabs collection) scale 0.75 in studio" })).toHaveAttribute("href", /[?&]s1=0\.6&.*[?&]s2=0\.75(&|$)/);
  // …and can compare two of its cells there.
  await other.getByRole("button", { name: "Compare Tarot scale 0.3, Anime (XLabs collection) scale 0.5" }).click();
  await other.getByRole("button", { name: "Compare Tarot scale 0.9, Anime (XLabs collection) scale 1" }).click();
  await other.getByRole("region", { name: "Compare" }).getByRole("link", { name: "Compare", exact: true }).click();
  await expect(other).toHaveURL(/\/c\/[A-Za-z0-9_-]+\/compare\?a=/);
  const differences = other.getByRole("table", { name: "Differences" });
  await expect(differences.getByRole("rowheader")).toHaveText(["LoRA 1 scale", "LoRA 2 scale"]);
  await stranger.close();
});

test("a 429 on one cell waits out its retry-after, then that cell is retried and the grid completes", async ({ page, request }) => {
  const studio = new StudioPage(page);
  await twoLoraStudio(studio, "a fox in snow", 4242);
  await studio.sweep("lora1", "0.4, 0.8");
  await request.post(`${ADMIN}/faults`, { data: { status: 429, retryAfterSeconds: 2, times: 1 } });
  await studio.startSweep.click();

  await expect(studio.sweepGrid.getByText("Rate limited")).toBeVisible();
  await expect(studio.sweepGrid.getByRole("img")).toHaveCount(2);
  await expect(studio.sweepProgress).toContainText("2 of 2 done");

  const sent = await generations(request);
  expect(sent).toHaveLength(3);
  const [limited, ...rest] = sent;
  expect(limited.fault).toMatchObject({ status: 429 });
  const retried = rest.find((r) => r.body.image_loras![0].scale === limited.body.image_loras![0].scale)!;
  expect(retried).toBeDefined();
  // Not before Together said it may: the retry comes at least retry-after (2 s) later.
  expect(retried.receivedAt - limited.receivedAt).toBeGreaterThanOrEqual(1900);
});

test("a cell that fails says why, that it may have been charged (a 5xx proves nothing), and can be retried alone", async ({ page, request }) => {
  const studio = new StudioPage(page);
  await twoLoraStudio(studio, "a glass whale", 12);
  await studio.sweep("lora2", "0.5, 1");
  await request.post(`${ADMIN}/faults`, { data: { status: 503, times: 1 } });
  await studio.startSweep.click();

  await expect(studio.sweepProgress).toContainText("1 of 2 done · 1 failed · 1 may have been charged · $0.035 spent");
  const failed = studio.sweepGrid.getByRole("cell").filter({ hasText: "May have been charged" });
  await expect(failed).toContainText(/unavailable|overloaded|try again/i);
  await failed.getByRole("button", { name: /^Retry LoRA 2 scale / }).click();
  await expect(studio.sweepProgress).toContainText("2 of 2 done · $0.070 spent");
  await expect(studio.sweepGrid.locator("img")).toHaveCount(2);
  expect(await generations(request)).toHaveLength(3);
});

test("cancel mid-way: finished cells stay saved, the sent ones may have been charged; a cancelled cell can be retried alone", async ({ page, request }) => {
  const studio = new StudioPage(page);
  await twoLoraStudio(studio, "a paper boat", 99);
  await studio.sweep("lora1", "0.2, 0.4, 0.6, 0.8, 1");
  await page.getByLabel("Add a baseline without LoRAs").check();
  await expect(studio.cost).toContainText("6 images × $0.035");
  // The first three requests answer at once, every later one hangs until cancelled.
  await request.post(`${ADMIN}/faults`, { data: { kind: "delay", ms: 0, times: 3 } });
  await request.post(`${ADMIN}/faults`, { data: { kind: "hang" } });
  await studio.startSweep.click();
  await expect(page.getByRole("dialog", { name: "Start this sweep?" })).toBeHidden();

  await expect(studio.sweepProgress).toContainText("3 of 6 done");
  await expect.poll(async () => (await generations(request)).length).toBe(6);
  await studio.results.getByRole("button", { name: "Cancel sweep" }).click();
  // All three had reached Together: cancelling stops the wait, not necessarily the bill.
  await expect(studio.sweepProgress).toContainText("3 cancelled · 3 may have been charged");
  await expect(studio.sweepProgress).toContainText("$0.105 spent");
  await expect(studio.sweepGrid.getByRole("img")).toHaveCount(3);
  await expect(studio.sweepGrid.getByRole("columnheader", { name: "No LoRA" })).toBeVisible();

  // A cancelled cell, retried alone once the trouble is gone.
  await request.delete(`${ADMIN}/faults`);
  await studio.sweepGrid.getByRole("button", { name: "Retry LoRA 1 scale 0.6" }).click();
  await expect(studio.sweepGrid.getByRole("img")).toHaveCount(4);
  await expect(studio.sweepProgress).toContainText("4 of 6 done");
  await expect(studio.sweepProgress).toContainText("$0.140 spent");
  expect(await generations(request)).toHaveLength(7);

  // Saved: the collection holds the four finished cells; the gallery charged only them.
  await page.getByRole("link", { name: "Open collection" }).click();
  await expect(page).toHaveURL(/\/collections\/[\w-]+$/);
  const saved = page.getByRole("table");
  await expect(saved.locator("img")).toHaveCount(4);
  await expect(saved.getByRole("img", { name: "No result" })).toHaveCount(2);
  await page.goto("/gallery");
  const today = page.getByRole("region", { name: "Totals" });
  await expect(today).toContainText("$0.140");
  await expect(today).toContainText("4 images");
});
