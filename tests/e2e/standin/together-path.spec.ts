import { expect, test } from "../csp-guard";
import { StudioPage } from "../pages/studio-page";

const ADMIN = `http://127.0.0.1:${4010 + Number(process.env.E2E_PORT_OFFSET ?? 0)}/__admin`;

test.beforeEach(async ({ request }) => {
  await request.delete(`${ADMIN}/faults`);
  await request.delete(`${ADMIN}/requests`);
});

type Recorded = { path: string; body: Record<string, unknown>; contract: { valid: boolean } };
async function generationRequests(request: import("@playwright/test").APIRequestContext): Promise<Recorded[]> {
  const { requests }: { requests: Recorded[] } = await (await request.get(`${ADMIN}/requests`)).json();
  return requests.filter((r) => r.path.endsWith("/images/generations"));
}

test("two LoRAs at 0.8 and 0.55 with their triggers on: Together gets exactly those LoRAs and the prompt shown", async ({ page, request }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await expect(page.getByRole("note")).toContainText("Connected to Together");
  await studio.prompt.fill("a tarot card of a cat");
  await studio.pasteLora(1, "https://huggingface.co/multimodalart/flux-tarot-v1");
  await studio.loraScale(1).fill("0.8");
  await studio.pasteLora(2, "https://replicate.com/fofr/flux-black-light");
  await studio.loraScale(2).fill("0.55");
  await expect(studio.trigger(1, "in the style of TOK a trtcrd tarot style")).toHaveAttribute("aria-pressed", "true");
  await expect(studio.trigger(2, "BLKLGHT")).toHaveAttribute("aria-pressed", "true");
  const expectedPrompt = "in the style of TOK a trtcrd tarot style, BLKLGHT, a tarot card of a cat";
  await expect(studio.promptSent()).toHaveText(expectedPrompt);
  await studio.fixSeed(77);
  await studio.generate.click();
  await expect(studio.resultImages().first()).toBeVisible();

  const generations = await generationRequests(request);
  expect(generations).toHaveLength(1);
  expect(generations[0].body).toMatchObject({
    model: "black-forest-labs/FLUX.1-dev-lora",
    prompt: expectedPrompt,
    width: 1024,
    height: 768,
    steps: 28,
    n: 1,
    seed: 77,
    response_format: "base64",
    image_loras: [
      { path: "https://huggingface.co/multimodalart/flux-tarot-v1", scale: 0.8 },
      { path: "https://replicate.com/fofr/flux-black-light", scale: 0.55 },
    ],
  });
  expect(generations[0].contract.valid).toBe(true);
});

test("402 from Together explains the credits problem, charges nothing and keeps settings", async ({ page, request }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await request.post(`${ADMIN}/faults`, { data: { status: 402, times: 1 } });
  await studio.prompt.fill("an expensive dream");
  await studio.generate.click();
  await expect(studio.alert).toContainText("out of credits");
  await expect(studio.prompt).toHaveValue("an expensive dream");
  await expect(studio.results.getByText("an expensive dream")).toHaveCount(0);
  // Once the fault is gone the same settings generate, and only then is a cost shown.
  await studio.generate.click();
  await expect(studio.resultImages().first()).toBeVisible();
  await expect(studio.alert).toHaveCount(0);
});

test("a double-click pays once", async ({ page, request }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await request.post(`${ADMIN}/faults`, { data: { kind: "delay", ms: 800, times: 1 } });
  await studio.prompt.fill("one click only");
  await studio.generate.dblclick();
  await expect(studio.resultImages().first()).toBeVisible();
  expect(await generationRequests(request)).toHaveLength(1);
});

test("the health endpoint reports database, migrations and provider", async ({ request, baseURL }) => {
  const health = await (await request.get(`${baseURL}/api/health`)).json();
  expect(health).toMatchObject({ status: "ok", database: { reachable: true }, migrations: { current: true }, provider: { mode: "together" } });
});
