import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "../csp-guard";
import { StudioPage } from "../pages/studio-page";

// The studio against the Together stand-in (records requests, injects faults) and the
// Hugging Face / Civitai / Replicate stand-ins whose file links lead to real safetensors headers.

const ADMIN = `http://127.0.0.1:${4010 + Number(process.env.E2E_PORT_OFFSET ?? 0)}/__admin`;
type Recorded = { path: string; body: Record<string, unknown> };
async function generations(request: APIRequestContext): Promise<Recorded[]> {
  const { requests }: { requests: Recorded[] } = await (await request.get(`${ADMIN}/requests`)).json();
  return requests.filter((r) => r.path.endsWith("/images/generations"));
}

test.beforeEach(async ({ request }) => {
  await request.delete(`${ADMIN}/faults`);
  await request.delete(`${ADMIN}/requests`);
});

test.describe("pasting LoRA links", () => {
  const forms = [
    { link: "https://huggingface.co/multimodalart/flux-tarot-v1", title: /tarot/i, source: "Hugging Face", works: true },
    { link: "multimodalart/flux-tarot-v1", title: /tarot/i, source: "Hugging Face", works: true },
    { link: "https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors", title: /anime/i, source: "Hugging Face file", works: true },
    { link: "https://civitai.com/api/download/models/913438?type=Model&format=SafeTensor", title: /Retro Pixel/i, source: "Civitai", works: true },
    { link: "https://civitai.com/models/640459?modelVersionId=913438", title: /Retro Pixel/i, source: "Civitai", works: true },
    { link: "https://replicate.com/fofr/flux-black-light", title: /black light/i, source: "Replicate", works: null },
  ];
  for (const form of forms) {
    test(`${form.link} → its card`, async ({ page }) => {
      const studio = new StudioPage(page);
      await studio.goto();
      await studio.pasteLora(1, form.link);
      const card = studio.card(1);
      await expect(card).toContainText(form.title);
      await expect(card.getByText(form.source, { exact: true })).toBeVisible();
      if (form.works) await expect(card).toContainText("Works with this model");
    });
  }

  test("a blob link is corrected to /resolve/ and that is what Together gets", async ({ page, request }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.prompt.fill("an anime fox");
    await studio.pasteLora(1, "https://huggingface.co/XLabs-AI/flux-lora-collection/blob/main/anime_lora.safetensors");
    await expect(studio.card(1)).toContainText("/resolve/");
    await studio.generate.click();
    await expect(studio.resultImages().first()).toBeVisible();
    const [sent] = await generations(request);
    expect(sent.body.image_loras).toEqual([{ path: "https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors", scale: 1 }]);
  });

  test("a link Together cannot use is refused with the reason", async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.lora(1).fill("https://huggingface.co/datasets/someone/pictures");
    await expect(studio.slot(1)).toContainText(/dataset/i);
  });

  test("an SDXL LoRA shows as incompatible, and Generate is off with the reason beside it; nothing is sent", async ({ page, request }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.prompt.fill("a watercolor harbour");
    await studio.pasteLora(1, "https://huggingface.co/acme/sdxl-watercolor");
    await expect(studio.card(1)).toContainText("Will not work");
    await expect(studio.card(1)).toContainText("SDXL");
    await expect(studio.generate).toBeDisabled();
    await expect(studio.generateBlocked).toContainText("will not work with FLUX.1");
    await studio.prompt.press("Control+Enter");
    await page.waitForTimeout(500);
    expect(await generations(request)).toHaveLength(0);
  });
});

test("1024×768 with 2 images costs $0.070, and a size just over a megapixel gets a cheaper suggestion", async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.width.fill("1024");
  await studio.height.fill("768");
  await studio.images.fill("2");
  await expect(studio.cost).toContainText("$0.070");
  await expect(studio.cost).toContainText("0.79 MP, billed as 1 MP × 2 images = $0.070");
  await studio.height.fill("1024");
  await expect(studio.cost).toContainText("$0.140");
  await page.getByRole("button", { name: "Use 1000×1000" }).click();
  await expect(studio.width).toHaveValue("1000");
  await expect(studio.cost).toContainText("$0.070");
});

test("a reload restores the recipe from the URL", async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill("a moonlit castle");
  await studio.pasteLora(1, "https://huggingface.co/multimodalart/flux-tarot-v1");
  await studio.loraScale(1).fill("0.65");
  await studio.trigger(1, "in the style of TOK a trtcrd tarot style").click();
  await studio.fixSeed(31337);
  await studio.images.fill("3");
  await expect(page).toHaveURL(/seed=31337/);
  await page.reload();
  await expect(studio.prompt).toHaveValue("a moonlit castle");
  await expect(studio.lora(1)).toHaveValue("https://huggingface.co/multimodalart/flux-tarot-v1");
  await expect(studio.loraScale(1)).toHaveValue("0.65");
  await expect(studio.trigger(1, "in the style of TOK a trtcrd tarot style")).toHaveAttribute("aria-pressed", "false");
  await expect(studio.seed).toHaveValue("31337");
  await expect(studio.images).toHaveValue("3");
  await expect(studio.promptSent()).toHaveText("a moonlit castle");
});

test("keyboard only: type, tab to Generate, press Enter", async ({ page, request }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.focus();
  await page.keyboard.type("a paper boat on a pond");
  for (let i = 0; i < 60 && !(await studio.generate.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(studio.generate).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(studio.resultImages().first()).toBeVisible();
  expect(await generations(request)).toHaveLength(1);
});

test("cancel stops a slow generation: nothing is shown, it says it may have been charged (it had been sent), settings stay", async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await page.request.post(`${ADMIN}/faults`, { data: { kind: "delay", ms: 10_000, times: 1 } });
  await studio.prompt.fill("a very slow sunrise");
  await studio.generate.click();
  await expect(page.getByText(/Generating… \d/).first()).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(studio.alert).toContainText("Cancelled");
  await expect(studio.alert).toContainText("may have been charged");
  await expect(studio.alert).not.toContainText(/nothing was charged/i);
  await expect(studio.results.getByRole("article")).toHaveCount(0);
  await expect(studio.prompt).toHaveValue("a very slow sunrise");
});

test.describe("upstream failures in words", () => {
  const cases = [
    { fault: { status: 401 }, text: "did not accept the API key" },
    { fault: { status: 429, retryAfterSeconds: 120 }, text: "Try again in 120 seconds" },
    { fault: { status: 503 }, text: "Together is having trouble" },
    { fault: { kind: "unused-keys", keys: ["lora_unet_down_blocks_0_attentions_0_proj_in.alpha"] }, text: "lora_unet_down_blocks_0_attentions_0_proj_in.alpha" },
  ];
  for (const c of cases) {
    test(`${JSON.stringify(c.fault)} → "${c.text}"`, async ({ page }) => {
      const studio = new StudioPage(page);
      await studio.goto();
      await page.request.post(`${ADMIN}/faults`, { data: { ...c.fault, times: 3 } });
      await studio.prompt.fill("a failing request");
      await studio.generate.click();
      await expect(studio.alert).toContainText(c.text);
      await expect(studio.prompt).toHaveValue("a failing request");
      await expect(studio.results.getByRole("article")).toHaveCount(0);
    });
  }
});

test("copy as code shows the exact request in three languages", async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill("a glass apple");
  await studio.fixSeed(7);
  await page.getByRole("button", { name: "Copy as code" }).click();
  const dialog = page.getByRole("dialog", { name: "This request as code" });
  await expect(dialog.getByRole("tabpanel")).toContainText('"prompt": "a glass apple"');
  await expect(dialog.getByRole("tabpanel")).toContainText('"seed": 7');
  await dialog.getByRole("tab", { name: "Python" }).click();
  await expect(dialog.getByRole("tabpanel")).toContainText("client.images.generate(");
  await dialog.getByRole("tab", { name: "TypeScript" }).click();
  await expect(dialog.getByRole("tabpanel")).toContainText('import Together from "together-ai"');
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("your own key: kept server-side, never shown again, removable", async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await page.getByRole("button", { name: "Use your own key" }).click();
  await page.getByLabel("Together API key", { exact: true }).fill("tgp_v1_standin_key_0123456789abcd");
  await page.getByRole("button", { name: "Save Together AI key" }).click();
  await expect(page.getByRole("button", { name: "Your key …abcd" })).toBeVisible();
  await expect(page.getByTestId("limits")).toContainText("paid with your own key");
  const cookies = await page.context().cookies();
  const sealed = cookies.find((c) => c.name === "lorascope_together_key")!;
  expect(sealed.httpOnly).toBe(true);
  expect(sealed.value).not.toContain("0123456789abcd");
  expect(await page.content()).not.toContain("tgp_v1_standin_key_0123456789abcd");
  await studio.prompt.fill("paid by me");
  await studio.generate.click();
  await expect(studio.resultImages().first()).toBeVisible();
  await page.getByRole("button", { name: "Your key …abcd" }).click();
  await page.getByRole("button", { name: "Remove Together AI key" }).click();
  await expect(page.getByRole("button", { name: "Use your own key" })).toBeVisible();
});
