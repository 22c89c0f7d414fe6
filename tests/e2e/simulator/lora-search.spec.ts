import { expect, test } from "../csp-guard";
import { StudioPage } from "../pages/studio-page";

// Finding LoRAs by searching: the starter set, favorites and remembered defaults, the browse page.

test("type “tarot” → the starter Tarot LoRA is first → picking it fills the slot with its trigger on", async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.lora(1).click();
  await page.keyboard.type("tarot");
  const options = page.getByRole("listbox", { name: "LoRA 1 suggestions" }).getByRole("option");
  await expect(options.first()).toContainText("Tarot");
  await page.keyboard.press("Enter");
  await expect(studio.lora(1)).toHaveValue("https://huggingface.co/multimodalart/flux-tarot-v1");
  await expect(studio.card(1)).toBeVisible();
  await expect(studio.trigger(1, "in the style of TOK a trtcrd tarot style")).toHaveAttribute("aria-pressed", "true");
  await expect(studio.promptSent()).toContainText("in the style of TOK a trtcrd tarot style");
});

test("a typo still finds it, and a favorite with its remembered scale comes back in a new studio", async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.lora(1).click();
  await page.keyboard.type("tarrot");
  const best = page.getByRole("listbox", { name: "LoRA 1 suggestions" }).getByRole("option").first();
  await expect(best).toContainText("Tarot");
  await best.click();
  await expect(studio.card(1)).toBeVisible();
  await page.getByRole("button", { name: /^Favorite / }).click();
  await expect(page.getByRole("button", { name: /^Favorite / })).toHaveAttribute("aria-pressed", "true");
  await studio.loraScale(1).fill("0.65");
  await studio.prompt.fill("a remembered card");
  await studio.generate.click();
  await expect(studio.resultImages().first()).toBeVisible();

  // A fresh studio (no recipe in the URL): the favorite ranks first and brings its scale.
  await page.goto("/");
  await page.reload();
  await studio.lora(1).click();
  await page.keyboard.type("card");
  const first = page.getByRole("listbox", { name: "LoRA 1 suggestions" }).getByRole("option").first();
  await expect(first).toContainText("★");
  await expect(first).toContainText("Tarot");
  await first.click();
  await expect(studio.loraScale(1)).toHaveValue("0.65");
});

test("the browse page lists the starter set, filters by tag, and tries a LoRA in the studio", async ({ page }) => {
  await page.goto("/loras");
  await expect(page.getByRole("article", { name: "Tarot", exact: true })).toBeVisible();
  await page.getByRole("navigation", { name: "Filter LoRAs" }).getByRole("link", { name: "anime", exact: true }).click();
  await expect(page).toHaveURL(/tag=anime/);
  await expect(page.getByRole("article", { name: "Tarot", exact: true })).toHaveCount(0);
  const anime = page.getByRole("article", { name: "Animeo Mix" });
  await expect(anime).toBeVisible();
  await anime.getByRole("link", { name: /Try in studio/ }).click();
  const studio = new StudioPage(page);
  await expect(studio.lora(1)).toHaveValue("https://huggingface.co/strangerzonehf/Flux-Animeo-v1-LoRA");
  await expect(studio.promptSent()).toContainText("Animeo");
});

test("remembered settings say so, with a one-click reset back to the LoRA's defaults", async ({ page }) => {
  const studio = new StudioPage(page);
  const TRIGGER = "in the style of TOK a trtcrd tarot style";
  const pickTarot = async () => {
    await studio.lora(1).click();
    await page.keyboard.type("tarot");
    await expect(studio.suggestions(1).first()).toContainText("Tarot");
    await page.keyboard.press("Enter");
    await expect(studio.card(1)).toBeVisible();
  };
  await studio.goto();
  await pickTarot();
  await expect(studio.remembered(1)).toHaveCount(0);
  await studio.loraScale(1).fill("0.85");
  await studio.trigger(1, TRIGGER).click();
  await studio.prompt.fill("a remembered moon");
  await studio.generate.click();
  await expect(studio.resultImages().first()).toBeVisible();

  await page.goto("/");
  await pickTarot();
  await expect(studio.remembered(1)).toContainText("Your last settings for Tarot");
  await expect(studio.loraScale(1)).toHaveValue("0.85");
  await expect(studio.trigger(1, TRIGGER)).toHaveAttribute("aria-pressed", "false");
  await studio.remembered(1).getByRole("button", { name: /^Reset/ }).click();
  await expect(studio.loraScale(1)).toHaveValue("1");
  await expect(studio.trigger(1, TRIGGER)).toHaveAttribute("aria-pressed", "true");
  await expect(studio.remembered(1)).toHaveCount(0);

  // Forgotten: picking it again starts from the defaults, with nothing to explain.
  await page.goto("/");
  await pickTarot();
  await expect(studio.loraScale(1)).toHaveValue("1");
  await expect(studio.remembered(1)).toHaveCount(0);
});

test("the suggestion list: Home/End and the arrows keep the active option in view; leaving the box closes it at once", async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  const box = studio.lora(1);
  await box.click();
  const listbox = page.getByRole("listbox", { name: "LoRA 1 suggestions" });
  const options = studio.suggestions(1);
  // More suggestions than the list shows at once, so moving to the end has to scroll.
  await expect(options.nth(7)).toBeAttached();
  const last = options.last();
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await expect(last).not.toBeInViewport();

  await page.keyboard.press("End");
  await expect(last).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await last.getAttribute("id"))!);
  await expect(last).toBeInViewport();
  await page.keyboard.press("Home");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await expect(options.first()).toBeInViewport();
  await expect(last).not.toBeInViewport();
  await page.keyboard.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");

  // Typing more starts again from the top of the fresh results.
  await page.keyboard.type("a");
  await expect(listbox).not.toHaveAttribute("aria-busy", "true");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");

  // Focus leaving the box closes the list in the same event (no timer to wait out).
  await page.keyboard.press("Tab");
  expect(await listbox.count()).toBe(0);
  await expect(box).toHaveAttribute("aria-expanded", "false");
});
