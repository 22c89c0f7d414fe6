import { expect, test } from "../csp-guard";
import { StudioPage } from "../pages/studio-page";
import { setHubsOffline } from "../pages/standins";

test("the app says it runs on the simulator", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("note")).toContainText("images are simulated");
});

test("generates a simulated image through the page and shows it", async ({ page, playwright, baseURL }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill("a lighthouse on a cliff at dusk");
  await expect(studio.cost).toContainText("$0.035");

  await studio.generate.click();
  const image = studio.resultImages().first();
  await expect(image).toBeVisible();
  // The picture actually loaded: decoded with real pixels at the requested size.
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1024);
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(768);
  await expect(studio.results).toContainText("$0.035");
  await expect(studio.results).toContainText("simulated");

  // The image route serves immutable, cacheable bytes to their owner…
  const src = (await image.getAttribute("src"))!;
  const response = await page.request.get(src);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/jpeg");
  expect(response.headers()["cache-control"]).toContain("immutable");
  // …and to nobody else (a fresh context has no owner cookie).
  const stranger = await playwright.request.newContext({ baseURL });
  expect((await stranger.get(src)).status()).toBe(404);
  await stranger.dispose();

  // A reload keeps the result: it was stored, not just shown.
  await page.reload();
  await expect(studio.resultImages().first()).toBeVisible();
});

test("Ctrl+Enter generates from the keyboard and a fixed seed is kept", async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill("a red fox in the snow");
  await studio.fixSeed(1234);
  await studio.images.fill("2");
  await expect(studio.cost).toContainText("$0.070");
  await studio.prompt.focus();
  await page.keyboard.press("Control+Enter");
  await expect(studio.results.getByText("seed 1234").first()).toBeVisible();
  await expect(studio.results.locator("article").first().locator("img")).toHaveCount(2);
});

test("invalid input turns Generate off with the reason beside it, and keeps the settings", async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await expect(studio.generate).toBeDisabled();
  await expect(studio.generateBlocked).toHaveText("Write a prompt first.");
  await studio.prompt.fill("a castle");
  await expect(studio.generate).toBeEnabled();
  await expect(studio.generateBlocked).toBeEmpty();
  await studio.width.fill("1001");
  await expect(page.getByText("Width must be a multiple of 8").first()).toBeVisible();
  await expect(studio.cost).toHaveCount(0);
  await expect(studio.generate).toBeDisabled();
  await expect(studio.generateBlocked).toHaveText("Width must be a multiple of 8");
  await studio.width.fill("99999");
  await expect(studio.generateBlocked).toHaveText("Width must be between 256 and 1920");
  await studio.width.fill("1024");
  for (const [link, reason] of [
    ["https://example.com/loras/style.ckpt", /LoRA 1: \.ckpt files are pickled checkpoints/],
    ["http://example.com/loras/style.safetensors", /LoRA 1: .*https/],
  ] as const) {
    await studio.lora(1).fill(link);
    await expect(studio.generateBlocked).toContainText(reason);
    await expect(studio.generate).toBeDisabled();
    await expect(studio.generateBlocked).not.toContainText(/\.\.(?!\.)/);
  }
  await expect(studio.prompt).toHaveValue("a castle");
  await expect(studio.lora(1)).toHaveValue("http://example.com/loras/style.safetensors");
  await studio.page.getByRole("button", { name: "Remove LoRA 1" }).click();
  await expect(studio.generate).toBeEnabled();
});

test("an error from the simulator names the simulator, not Together", async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill("a harbour");
  // Hugging Face is down, so nothing is known about this LoRA; the simulator rejects SDXL by name.
  await setHubsOffline(page.request, true);
  try {
    await studio.pasteLora(1, "https://huggingface.co/someone/sdxl-mystery-style");
    await studio.generate.click();
    await expect(studio.alert).toContainText("The simulator could not apply a LoRA");
    await expect(studio.alert).not.toContainText("Together");
  } finally {
    await setHubsOffline(page.request, false);
  }
});

test("to the gallery and back: the studio keeps its recipe and shows the new result", async ({ page }) => {
  const studio = new StudioPage(page);
  // A recipe in the address from the start, so a generation leaves the address unchanged.
  await page.goto("/?p=a+returning+heron&seed=606");
  await expect(studio.prompt).toHaveValue("a returning heron");
  await studio.width.fill("512");
  await studio.height.fill("512");
  await studio.generate.click();
  await expect(studio.results.getByRole("article", { name: "Result: a returning heron" })).toHaveCount(1);
  await expect(page).toHaveURL(/w=512/);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Gallery" }).click();
  await expect(page).toHaveURL(/\/gallery$/);
  await page.goBack();
  await expect(studio.prompt).toHaveValue("a returning heron");
  await expect(studio.width).toHaveValue("512");
  await expect(studio.seed).toHaveValue("606");
  await expect(studio.results.getByRole("article", { name: "Result: a returning heron" })).toHaveCount(1);
});
