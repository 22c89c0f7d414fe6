import { spawn } from "node:child_process";
import { type Page } from "@playwright/test";
import { expect, test } from "../csp-guard";
import { StudioPage } from "../pages/studio-page";

// The gallery, sharing and durability, through the pages as people use them. Each test
// runs in a fresh browser context: a new anonymous owner with an empty gallery.

async function generateVia(page: Page, prompt: string, options: { width?: number; height?: number; n?: number; lora?: string } = {}) {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill(prompt);
  if (options.lora) await studio.pasteLora(1, options.lora);
  if (options.width) await studio.width.fill(String(options.width));
  if (options.height) await studio.height.fill(String(options.height));
  if (options.n) await studio.images.fill(String(options.n));
  await studio.generate.click();
  await expect(studio.results.getByRole("article", { name: `Result: ${prompt}` })).toBeVisible();
}

const cards = (page: Page) => page.getByRole("region", { name: "Generations" }).getByRole("article");

test("three results → the gallery shows three with their costs and the totals; filter by LoRA", async ({ page }) => {
  await generateVia(page, "tarot lighthouse", { lora: "https://huggingface.co/multimodalart/flux-tarot-v1" });
  await generateVia(page, "square harbour", { width: 1024, height: 1024 });
  await generateVia(page, "two foxes", { n: 2 });

  await page.goto("/gallery");
  await expect(cards(page)).toHaveCount(3);
  await expect(cards(page).filter({ hasText: "tarot lighthouse" })).toContainText("$0.035");
  await expect(cards(page).filter({ hasText: "square harbour" })).toContainText("$0.070");
  await expect(cards(page).filter({ hasText: "two foxes" })).toContainText("$0.070");
  // Cards name their LoRAs with scales, and keep each image's aspect ratio.
  const tarotLoras = cards(page).filter({ hasText: "tarot lighthouse" }).getByRole("list", { name: "LoRAs" });
  await expect(tarotLoras).toContainText("Tarot");
  await expect(tarotLoras).toContainText("× 1");
  await expect(tarotLoras).not.toContainText("multimodalart");
  const ratio = async (prompt: string) => {
    const box = (await cards(page).filter({ hasText: prompt }).locator("img").first().boundingBox())!;
    return box.width / box.height;
  };
  expect(await ratio("two foxes")).toBeCloseTo(1024 / 768, 1);
  expect(await ratio("square harbour")).toBeCloseTo(1, 1);
  const totals = page.getByRole("region", { name: "Totals" });
  await expect(totals).toContainText("$0.175");
  await expect(totals).toContainText("4 images");

  await expect(totals).toContainText("Spent today");
  await expect(page.getByTestId("filtered-totals")).toHaveCount(0);

  await page.getByLabel("LoRA", { exact: true }).selectOption("https://huggingface.co/multimodalart/flux-tarot-v1");
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page)).toContainText("tarot lighthouse");
  await expect(page).toHaveURL(/lora=/);
  // The spend totals stay what they are; the filtered ones say what the list holds.
  await expect(page.getByTestId("filtered-totals")).toContainText("LoRA multimodalart/flux-tarot-v1");
  await expect(page.getByTestId("filtered-totals")).toContainText("$0.035 · 1 image");
  await expect(totals).toContainText("$0.175");

  await page.getByLabel("Search prompts").fill("FOXES");
  await page.getByLabel("Search prompts").press("Enter");
  await expect(cards(page)).toHaveCount(0);
  await expect(page.getByTestId("filtered-totals")).toContainText("“FOXES”");
  await expect(page.getByTestId("filtered-totals")).toContainText("$0.000 · 0 images");
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(cards(page)).toHaveCount(3);
});

test("share a result: another browser sees it with a preview card; revoked, the link is gone; private ones stay private", async ({ page, browser }) => {
  await generateVia(page, "a shared comet");
  await generateVia(page, "a private moon");
  await page.goto("/gallery");
  await cards(page).filter({ hasText: "a shared comet" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/gallery\/[\w-]+$/);
  await page.getByRole("switch", { name: "Share" }).click();
  const link = await page.getByLabel("Public link").inputValue();
  expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{22,}$/);

  await page.goto("/gallery");
  await cards(page).filter({ hasText: "a private moon" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/gallery\/[\w-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("a private moon");
  const privateUrl = page.url();
  const privateImage = await page.getByRole("region", { name: "Images" }).locator("img").first().getAttribute("src");

  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  const shared = await other.goto(link);
  expect(shared!.status()).toBe(200);
  await expect(other.getByRole("heading", { level: 1 })).toContainText("a shared comet");
  await expect(other.getByRole("link", { name: /Open in studio/ }).first()).toBeVisible();
  const ogImage = await other.locator('meta[property="og:image"]').first().getAttribute("content");
  expect(ogImage).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\//);
  expect((await other.request.get(ogImage!)).status()).toBe(200);
  await expect(other.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  // The other owner cannot reach the private result by its id, page or image.
  expect((await other.goto(privateUrl))!.status()).toBe(404);
  expect((await other.request.get(privateImage!)).status()).toBe(404);

  await page.goto("/gallery");
  await cards(page).filter({ hasText: "a shared comet" }).getByRole("link").first().click();
  await page.getByRole("switch", { name: "Share" }).click();
  await expect(page.getByRole("switch", { name: "Share" })).toHaveAttribute("aria-checked", "false");
  expect((await other.goto(link))!.status()).toBe(404);
  expect((await other.request.get(ogImage!)).status()).toBe(404);
  await stranger.close();
});

test("delete a result, then undo", async ({ page }) => {
  await generateVia(page, "a result to delete");
  await generateVia(page, "a result to keep");
  await page.goto("/gallery");
  await expect(cards(page)).toHaveCount(2);
  await page.getByRole("button", { name: "Delete “a result to delete”" }).click();
  await expect(cards(page)).toHaveCount(1);
  // Announced politely: the toast sits in sonner's live region.
  const notifications = page.getByRole("region", { name: /^Notifications/ });
  await expect(notifications).toHaveAttribute("aria-live", "polite");
  await expect(notifications.getByText("Deleted")).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(cards(page)).toHaveCount(2);
  await page.reload();
  await expect(cards(page)).toHaveCount(2);
});

test("deleting a result does not lower what was spent today", async ({ page }) => {
  await generateVia(page, "a paid-for sunset");
  await generateVia(page, "a paid-for dawn");
  await page.goto("/gallery");
  const today = page.getByRole("region", { name: "Totals" }).locator("div", { has: page.getByRole("heading", { name: /Spent today/ }) }).last();
  await expect(today).toContainText("$0.070");
  await page.getByRole("button", { name: "Delete “a paid-for sunset”" }).click();
  await expect(cards(page)).toHaveCount(1);
  await page.reload();
  await expect(cards(page)).toHaveCount(1);
  await expect(today).toContainText("$0.070");
  await expect(today).toContainText("1 deleted, still counted");
});

test("a restarted server still has everything", async ({ browser }) => {
  // Shifted like every other port, so two checkouts can run their suites at once.
  const port = 3150 + Number(process.env.E2E_PORT_OFFSET ?? 0);
  const start = () =>
    spawn(process.execPath, ["scripts/start.mjs", "--no-build"], {
      env: { ...process.env, PORT: String(port), DATA_DIR: "test-results/e2e-data/restart", TOGETHER_API_KEY: "" },
      stdio: "ignore",
      detached: true,
    });
  const ready = async () => {
    // Up to 60 s: the start runs the migrations first (on PostgreSQL, the schema engine), on a busy machine.
    for (let i = 0; i < 240; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
      } catch {}
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error("server did not start");
  };
  const stop = async (child: ReturnType<typeof start>) => {
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((r) => child.once("exit", r));
  };

  let server = start();
  try {
    await ready();
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
    const page = await context.newPage();
    await generateVia(page, "a lasting lighthouse");
    await stop(server);
    server = start();
    await ready();
    await page.goto("/gallery");
    await expect(cards(page)).toHaveCount(1);
    const img = cards(page).locator("img").first();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    await context.close();
  } finally {
    await stop(server).catch(() => undefined);
  }
});
