import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "../csp-guard";
import { StudioPage } from "../pages/studio-page";

// Together as its newest guidance describes it (FLUX.1-dev-lora answering 404, FLUX.2
// refusing image_loras), with FAL_KEY set: the studio says what happened and what to do,
// charges nothing, remembers it before the next paid attempt, and offers fal's model.

const OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
const TOGETHER = `http://127.0.0.1:${4010 + OFFSET}/__admin`;
const FAL = `http://127.0.0.1:${4030 + OFFSET}/__admin`;
const FLUX1 = "black-forest-labs/FLUX.1-dev-lora";
const FLUX2 = "black-forest-labs/FLUX.2-dev";

interface Recorded {
  path: string;
  stage?: string;
  body: { model?: string; loras?: { path: string; scale: number }[]; image_loras?: unknown };
}
const recorded = async (request: APIRequestContext, admin: string): Promise<Recorded[]> => (await (await request.get(`${admin}/requests`)).json()).requests;
const togetherGenerations = async (request: APIRequestContext) => (await recorded(request, TOGETHER)).filter((r) => r.path.endsWith("/images/generations"));

test.beforeEach(async ({ request }) => {
  await request.delete(`${TOGETHER}/requests`);
  await request.delete(`${FAL}/requests`);
});
test.afterEach(async ({ request }) => {
  await request.post(`${TOGETHER}/cases`, { data: { cases: "" } });
});

test("Together's 404 and LoRA refusal are explained and remembered, and fal's model is one click away", async ({ page, request }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  // A key of this test's own: what Together answers is remembered per key, so no other test sees it.
  await page.getByRole("button", { name: "Use your own key" }).click();
  await page.getByLabel("Together API key", { exact: true }).fill("tgp_v1_providers_spec_key_000001");
  await page.getByRole("button", { name: "Save Together AI key" }).click();
  await expect(page.getByRole("button", { name: "Your key …0001" })).toBeVisible();
  await request.post(`${TOGETHER}/cases`, { data: { cases: `${FLUX1}=not-found,${FLUX2}=loras-refused` } });

  // FLUX.1 [dev] + LoRA on Together answers 404.
  await expect(studio.model).toHaveValue(FLUX1);
  await studio.prompt.fill("a lighthouse keeper");
  await studio.pasteLora(1, "https://huggingface.co/multimodalart/flux-tarot-v1");
  await studio.generate.click();
  const notice = page.locator("#model-notice");
  await expect(notice).toContainText("Together does not offer FLUX.1 [dev] + LoRA to this key");
  await expect(notice).toContainText("Nothing was charged");
  await expect(studio.generate).toBeDisabled();
  await expect(notice.getByRole("button", { name: "Use FLUX.1 [dev] + LoRA on fal.ai" })).toBeVisible();
  expect(await togetherGenerations(request)).toHaveLength(1);

  // FLUX.2 [dev] with a FLUX.2 LoRA: Together refuses image_loras.
  await studio.model.selectOption(FLUX2);
  await studio.slot(1).getByRole("button", { name: /Remove/ }).click();
  await studio.pasteLora(1, "https://huggingface.co/bfl-fans/flux2-ink-wash");
  await expect(studio.card(1)).toContainText("Works with this model");
  await expect(studio.generate).toBeEnabled();
  await studio.generate.click();
  await expect(notice).toContainText("Together's FLUX.2 [dev] does not take LoRAs");
  await expect(studio.generate).toBeDisabled();
  expect(await togetherGenerations(request)).toHaveLength(2);

  // Reloading keeps what was learned: no paid attempt is possible with the LoRA on FLUX.2.
  await page.reload();
  await studio.model.selectOption(FLUX2);
  await expect(notice).toContainText("does not take LoRAs");
  await expect(studio.generate).toBeDisabled();

  // One click to fal's FLUX.2 [dev] + LoRA, and it works.
  await notice.getByRole("button", { name: "Use FLUX.2 [dev] + LoRA on fal.ai" }).click();
  await expect(studio.model).toHaveValue("fal-ai/flux-2/lora");
  await expect(studio.cost).toContainText("$0.021"); // 1024×768 kept: 1 MP at fal's $0.021
  await studio.generate.click();
  await expect(studio.resultImages().first()).toBeVisible();
  await expect(studio.results).toContainText("fal.ai");
  const submits = (await recorded(request, FAL)).filter((r) => r.stage === "submit");
  expect(submits.map((r) => [r.path, r.body.loras])).toEqual([["/fal-ai/flux-2/lora", [{ path: "bfl-fans/flux2-ink-wash", scale: 1 }]]]);
  expect(await togetherGenerations(request)).toHaveLength(2);
});
