import { expect, test } from "../csp-guard";
import { StudioPage } from "../pages/studio-page";

// Compare: two cells of a hand-made sweep (one LoRA, one seed, two scales) picked in the
// gallery, seen side by side and under a split, with the one parameter that differs.

const TAROT = "https://huggingface.co/multimodalart/flux-tarot-v1";
const PROMPT = "a compared lighthouse";

test("pick two results in the gallery, compare them side by side and split; another owner gets 404", async ({ page, browser }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill(PROMPT);
  await studio.pasteLora(1, TAROT);
  await studio.fixSeed(42);
  const made = studio.results.getByRole("article", { name: `Result: ${PROMPT}` });
  await studio.loraScale(1).fill("0.3");
  await studio.generate.click();
  await expect(made).toHaveCount(1);
  await studio.loraScale(1).fill("0.9");
  await studio.generate.click();
  await expect(made).toHaveCount(2);
  await expect(studio.results).toContainText("LoRA 1 @ 0.3");
  await expect(studio.results).toContainText("LoRA 1 @ 0.9");

  await page.goto("/compare");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pick two results to compare");

  await page.goto("/gallery");
  // Newest first: the 0.9 result, then the 0.3 one. Pick the older first, so it becomes A.
  const toggles = page.getByRole("button", { name: `Compare ${PROMPT}` });
  await expect(toggles).toHaveCount(2);
  await toggles.nth(1).click();
  await expect(toggles.nth(1)).toHaveAttribute("aria-pressed", "true");
  const tray = page.getByRole("region", { name: "Compare" });
  await expect(tray).toContainText("Pick one more result to compare");
  await expect(tray.getByRole("link", { name: "Compare" })).toHaveCount(0);
  await toggles.nth(0).click();
  await expect(toggles.nth(0)).toHaveAttribute("aria-pressed", "true");
  // The picks survive a reload (sessionStorage), then lead to the comparison.
  await page.reload();
  await expect(toggles.nth(0)).toHaveAttribute("aria-pressed", "true");
  await tray.getByRole("link", { name: "Compare", exact: true }).click();
  // It remembers where it was opened from: its back link leads to the gallery.
  await expect(page).toHaveURL(/\/compare\?a=[\w-]+&b=[\w-]+&back=%2Fgallery$/);
  await expect(page.getByRole("article", { name: "Compare" }).getByRole("link", { name: "Gallery", exact: true })).toHaveAttribute("href", "/gallery");
  const compareUrl = page.url();

  const imageA = page.getByRole("img", { name: /^A · LoRA 1 × 0\.3 · seed 42/ });
  const imageB = page.getByRole("img", { name: /^B · LoRA 1 × 0\.9 · seed 42/ });
  for (const image of [imageA, imageB]) {
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  }

  const differences = page.getByRole("table", { name: "Differences" });
  await expect(differences.getByRole("rowheader")).toHaveText(["LoRA 1 scale"]);
  const scaleRow = differences.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "LoRA 1 scale" }) });
  await expect(scaleRow.getByRole("cell")).toHaveText(["0.3", "0.9"]);

  await page.getByRole("button", { name: "Split" }).click();
  await expect(page.getByRole("button", { name: "Split" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Side by side" })).toHaveAttribute("aria-pressed", "false");
  const position = page.getByRole("slider", { name: "Split position" });
  await expect(position).toHaveValue("50");
  await position.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(position).toHaveValue("53");
  await page.keyboard.press("Home");
  await expect(position).toHaveValue("0");
  // Dragging on the picture moves the divider too.
  const box = (await imageA.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => Number(await position.inputValue())).toBeGreaterThanOrEqual(70);
  await expect(imageA).toBeVisible();
  await expect(imageB).toBeAttached();

  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  expect((await other.goto(compareUrl))!.status()).toBe(404);
  await stranger.close();
});
