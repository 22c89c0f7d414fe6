import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "../csp-guard";
import { StudioPage } from "../pages/studio-page";

// A deployment with only FAL_KEY (fal's queue stand-in): the studio opens on a fal model,
// Together's models wait for a key, and a two-LoRA generation lands in the gallery with its
// fal cost and the exact input fal received.

const FAL = `http://127.0.0.1:${4030 + Number(process.env.E2E_PORT_OFFSET ?? 0)}/__admin`;
const TAROT = "https://huggingface.co/multimodalart/flux-tarot-v1";
const ANIME = "https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors";

interface Recorded {
  path: string;
  stage: string;
  body: { prompt?: string; loras?: { path: string; scale: number }[]; image_size?: unknown };
  contract?: { valid: boolean };
}
const submits = async (request: APIRequestContext): Promise<Recorded[]> =>
  ((await (await request.get(`${FAL}/requests`)).json()).requests as Recorded[]).filter((r) => r.stage === "submit");

test("only FAL_KEY: a two-LoRA generation through fal lands in the gallery with its fal cost", async ({ page, request }) => {
  await request.delete(`${FAL}/requests`);
  const studio = new StudioPage(page);
  await studio.goto();
  await expect(page.getByRole("note").filter({ hasText: "Connected to" })).toHaveText("Connected to fal.ai");
  await expect(studio.model).toHaveValue("fal-ai/flux-lora");

  // Together's models are there, but say they need a key and cannot be sent.
  await studio.model.selectOption("black-forest-labs/FLUX.2-dev");
  await expect(page.locator("#model-notice")).toContainText("this server has no Together AI key");
  await expect(studio.generate).toBeDisabled();
  await studio.model.selectOption("fal-ai/flux-lora");

  await studio.prompt.fill("a fox in a library");
  await studio.pasteLora(1, TAROT);
  await studio.pasteLora(2, ANIME);
  await studio.loraScale(2).fill("0.55");
  await studio.loraScale(2).press("Tab");
  await expect(studio.cost).toContainText("$0.035");
  await studio.generate.click();
  await expect(studio.resultImages().first()).toBeVisible();

  const [sent] = await submits(request);
  expect(sent.path).toBe("/fal-ai/flux-lora");
  expect(sent.contract).toEqual({ valid: true });
  expect(sent.body.loras).toEqual([
    { path: "multimodalart/flux-tarot-v1", scale: 1 },
    { path: ANIME, scale: 0.55 },
  ]);
  expect(sent.body.image_size).toEqual({ width: 1024, height: 768 });

  await page.goto("/gallery");
  await expect(page.getByText("$0.035").first()).toBeVisible();
  await page.getByRole("link", { name: /a fox in a library/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/a fox in a library/);
  await expect(page.getByText("fal.ai", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("The input sent to fal.ai's queue for fal-ai/flux-lora.")).toBeVisible();
  await expect(page.getByLabel("Request JSON")).toContainText('"loras"');
});
