import { expect, test } from "@playwright/test";
import { StudioPage } from "../pages/studio-page";
import { clearTogetherStandin, recordedGenerations, setHubsOffline } from "../pages/standins";

// Issue 13: nothing is paid for by accident, and a re-run repeats exactly what was made.

const TAROT = "https://huggingface.co/multimodalart/flux-tarot-v1";
const TAROT_TRIGGER = "in the style of TOK a trtcrd tarot style";
const ANIME_FILE = "https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors";

test.beforeEach(async ({ request }) => {
  await clearTogetherStandin(request);
  await setHubsOffline(request, false);
});

test("Enter in a LoRA box resolves the link or picks the option, and never starts a generation", async ({ page, request }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill("a lighthouse keeper");
  await studio.lora(1).fill(TAROT);
  await studio.lora(1).press("Enter");
  await expect(studio.card(1)).toContainText("Tarot");
  await studio.lora(1).press("Enter");

  await studio.lora(2).click();
  await page.keyboard.type("black light");
  await expect(studio.suggestions(2).first()).toContainText("Black Light");
  await page.keyboard.press("Enter");
  await expect(studio.lora(2)).toHaveValue("https://replicate.com/fofr/flux-black-light");
  await expect(studio.card(2)).toBeVisible();
  await studio.lora(2).press("Enter");
  await studio.width.press("Enter");

  await page.waitForTimeout(1500);
  expect(await recordedGenerations(request)).toHaveLength(0);
  await expect(studio.results.getByRole("article")).toHaveCount(0);

  // Ctrl+Enter in the prompt is the keyboard's way to generate.
  await studio.prompt.press("Control+Enter");
  await expect(studio.resultImages().first()).toBeVisible();
  expect(await recordedGenerations(request)).toHaveLength(1);
});

test("Re-run same seed, Remix and a shared page's Open in studio carry the whole recipe; the re-run sends the identical request", async ({ page, request }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill("a lighthouse keeper with a lantern");
  await studio.pasteLora(1, TAROT);
  await expect(studio.trigger(1, TAROT_TRIGGER)).toHaveAttribute("aria-pressed", "true");
  await studio.loraScale(1).fill("0.7");
  await studio.pasteLora(2, ANIME_FILE);
  await studio.loraScale(2).fill("0.4");
  await studio.addPhrase("film grain");
  await studio.placeTriggers("after");
  await studio.width.fill("512");
  await studio.height.fill("640");
  await studio.steps.fill("12");
  await studio.guidance.fill("5");
  await studio.images.fill("2");
  await studio.fixSeed(777);
  const expectedPrompt = `a lighthouse keeper with a lantern, ${TAROT_TRIGGER}, film grain`;
  await expect(studio.promptSent()).toHaveText(expectedPrompt);
  await studio.generate.click();
  await expect(studio.resultImages().first()).toBeVisible();
  const [original] = await recordedGenerations(request);
  expect(original.body.prompt).toBe(expectedPrompt);

  // Re-run from the gallery: the same request again, byte for byte.
  await studio.results.getByRole("link", { name: /Open in gallery/ }).first().click();
  await expect(page).toHaveURL(/\/gallery\/[\w-]+$/);
  const detail = page.url();
  await page.getByRole("link", { name: "Re-run same seed" }).click();
  await expect(studio.promptSent()).toHaveText(expectedPrompt);
  await expect(studio.card(1)).toBeVisible();
  await expect(studio.card(2)).toBeVisible();
  await studio.generate.click();
  await expect.poll(async () => (await recordedGenerations(request)).length).toBe(2);
  const [, rerun] = await recordedGenerations(request);
  expect(rerun.body).toEqual(original.body);

  // Remix: everything but the seed.
  await page.goto(detail);
  await page.getByRole("link", { name: "Remix" }).click();
  await expect(studio.promptSent()).toHaveText(expectedPrompt);
  await expect(studio.loraScale(2)).toHaveValue("0.4");
  await expect(page.getByLabel("New random seed each time")).toBeChecked();

  // A shared page's "Open in studio" brings the same recipe.
  await page.goto(detail);
  await page.getByRole("switch", { name: "Share" }).click();
  const link = await page.getByLabel("Public link").inputValue();
  await page.goto(link);
  await page.getByRole("link", { name: "Open in studio" }).first().click();
  await expect(studio.promptSent()).toHaveText(expectedPrompt);
  await expect(studio.loraScale(1)).toHaveValue("0.7");
  await expect(studio.seed).toHaveValue("777");
  await expect(studio.steps).toHaveValue("12");
  await expect(studio.guidance).toHaveValue("5");
  await expect(studio.images).toHaveValue("2");
});

test("typing fast and pressing Enter picks a result for what is in the box, not a stale one", async ({ page, request }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.lora(1).click();
  // The empty box's suggestions are on screen…
  await expect(studio.suggestions(1).first()).toBeVisible();
  // …then "softserve" and Enter, faster than the search can answer.
  await page.keyboard.type("softserve");
  await page.keyboard.press("Enter");
  await expect(studio.lora(1)).toHaveValue("https://huggingface.co/alvdansen/softserve_anime");
  expect(await recordedGenerations(request)).toHaveLength(0);
});

test("offline, a starter LoRA keeps its FLUX.1 base and trigger, stays in the FLUX.1 filter, and is flagged on FLUX.2", async ({ page, request }) => {
  await setHubsOffline(request, true);
  try {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.pasteLora(1, "https://huggingface.co/alvdansen/softpasty-flux-dev");
    const card = studio.card(1);
    await expect(card).toContainText("FLUX.1");
    await expect(card).not.toContainText("base unknown");
    await expect(card).not.toContainText("Not checked");
    await expect(card).toContainText("Works with this model");
    await expect(card.getByText(/^⚠︎/)).toHaveCount(1);
    await expect(studio.trigger(1, "araminta_illus illustration style")).toBeVisible();

    await page.goto("/loras?base=flux1");
    await expect(page.getByRole("article", { name: "Softpasty", exact: true })).toBeVisible();

    await page.goto(`/?model=${encodeURIComponent("black-forest-labs/FLUX.2-dev")}&l1=${encodeURIComponent("https://huggingface.co/alvdansen/softpasty-flux-dev")}`);
    await expect(studio.card(1)).toContainText("Will not work");
  } finally {
    await setHubsOffline(request, false);
  }
});

test("a pasted link stays with the browser that pasted it", async ({ page, browser }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.pasteLora(1, "https://huggingface.co/acme/flux-styles");
  const title = (await studio.card(1).locator("p").first().textContent())!.trim();
  await studio.prompt.fill("a private style");
  await studio.generate.click();
  await expect(studio.resultImages().first()).toBeVisible();
  await page.goto("/loras");
  await expect(page.getByRole("article", { name: title, exact: true })).toBeVisible();

  const other = await browser.newContext({ baseURL: new URL(page.url()).origin });
  try {
    const stranger = new StudioPage(await other.newPage());
    await stranger.page.goto("/loras");
    await expect(stranger.page.getByRole("article", { name: "Tarot", exact: true })).toBeVisible();
    await expect(stranger.page.getByRole("article", { name: title, exact: true })).toHaveCount(0);
    await stranger.goto();
    await stranger.lora(1).click();
    await expect(stranger.suggestions(1).first()).toBeVisible();
    await expect(stranger.suggestions(1).filter({ hasText: title })).toHaveCount(0);
  } finally {
    await other.close();
  }
});
