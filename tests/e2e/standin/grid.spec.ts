import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "../csp-guard";
import { GridBuilder } from "../pages/grid-builder";
import { StudioPage } from "../pages/studio-page";
import { TOGETHER_ADMIN } from "../pages/standins";
import { STARTER_PROMPT_SET } from "../../../lib/grid/prompt-sets";

// Explore's server-run grids against the Together stand-in, which records every request and
// injects faults: the plan's price before anything is sent, exactly one request per cell,
// progress that survives closing the browser, cancel from another tab, and a 429's retry-after.

const TAROT = "multimodalart/flux-tarot-v1";
const TAROT_PATH = "https://huggingface.co/multimodalart/flux-tarot-v1";
const ANIME = "https://huggingface.co/XLabs-AI/flux-lora-collection/resolve/main/anime_lora.safetensors";
const STARTER = ["portrait", "landscape", "object", "typography", "animal", "interior"];

type Recorded = { path: string; body: { seed: number; n: number; prompt: string; image_loras?: { path: string; scale: number }[] }; fault?: unknown; receivedAt: number };
async function generations(request: APIRequestContext): Promise<Recorded[]> {
  const { requests }: { requests: Recorded[] } = await (await request.get(`${TOGETHER_ADMIN}/requests`)).json();
  return requests.filter((r) => r.path.endsWith("/images/generations"));
}

test.beforeEach(async ({ request }) => {
  await request.delete(`${TOGETHER_ADMIN}/faults`);
  await request.delete(`${TOGETHER_ADMIN}/requests`);
});
test.afterEach(async ({ request }) => {
  await request.delete(`${TOGETHER_ADMIN}/faults`);
});

async function open(page: Page, prompt = "a lighthouse at dusk") {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill(prompt);
  await studio.fixSeed(4242);
  await studio.explore();
  return { studio, grid: new GridBuilder(page) };
}

test("a LoRA list × the starter prompt set: the full price first, then exactly one request per cell with the right LoRA, phrases and prompt", async ({ page, request }) => {
  const { grid } = await open(page);
  await grid.axis("X", "LoRA 1 (a list)", `${TAROT} | in the style of TOK a trtcrd\n${ANIME} | anime style`);
  await grid.axis("Y", "Prompt set");

  // 12 cells × 1 MP (1024 × 768) × $0.035 — before anything is sent.
  await expect(grid.start).toHaveText("Start grid · 12 images · $0.420");
  await expect(grid.section.getByTestId("grid-plan-status")).toContainText("12 images, each priced as its own request: $0.420");
  await grid.start.click();
  const confirm = page.getByRole("dialog", { name: "Start this grid?" });
  await expect(confirm).toContainText("$0.420");
  expect(await generations(request)).toHaveLength(0);
  await confirm.getByRole("button", { name: "Yes, start $0.420 grid" }).click();

  await expect(grid.progress).toContainText("12 of 12 done", { timeout: 60_000 });
  await expect(grid.progress).toContainText("$0.420 of $0.420 spent");
  // Real names on the edges: the LoRAs' titles (or file names) and the prompts' labels.
  for (const label of ["Prompt set: Starter set", ...STARTER]) await expect(grid.table.getByRole("rowheader").or(grid.table.getByRole("columnheader")).filter({ hasText: label }).first()).toBeVisible();
  // The starter set's titles, whether the axis named the LoRA by repo id or by file link.
  await expect(grid.table.getByRole("columnheader", { name: "Tarot", exact: true })).toBeVisible();
  await expect(grid.table.getByRole("columnheader", { name: "Anime (XLabs collection)" })).toBeVisible();
  await expect(grid.section.getByRole("figure").first()).toContainText("seed 4242");

  const sent = await generations(request);
  expect(sent).toHaveLength(12);
  const anime = ANIME;
  const got = sent.map((r) => `${r.body.image_loras?.map((l) => l.path).join("+")} :: ${r.body.prompt}`).sort();
  const expected = STARTER_PROMPT_SET.prompts
    .flatMap((p) => [`${TAROT_PATH} :: in the style of TOK a trtcrd, ${p.prompt}`, `${anime} :: anime style, ${p.prompt}`])
    .sort();
  expect(got).toEqual(expected);
  expect(sent.every((r) => r.body.n === 1 && r.body.seed === 4242)).toBe(true);
});

test("the browser closes mid-run; a new one with the same owner sees the grid complete", async ({ page, request, browser }) => {
  await request.post(`${TOGETHER_ADMIN}/faults`, { data: { kind: "delay", ms: 1_500 } });
  const { grid } = await open(page);
  await grid.axis("X", "Seed", "1, 2, 3, 4, 5, 6");
  await grid.axis("Y", "None");
  // $0.210 is under the default $0.25 confirmation amount: it starts at once.
  await expect(grid.start).toHaveText("Start grid · 6 images · $0.210");
  await grid.start.click();
  await expect(grid.progress).toContainText("running");
  const state = await page.context().storageState();
  await page.context().close();

  const later = await browser.newContext({ storageState: state });
  const again = await later.newPage();
  const studio = new StudioPage(again);
  await studio.goto();
  await studio.explore();
  const back = new GridBuilder(again);
  await expect(back.progress).toContainText("6 of 6 done", { timeout: 45_000 });
  await expect(back.table.getByRole("img")).toHaveCount(6);
  expect((await generations(request)).length).toBe(6);
  await later.close();
});

test("cancel from a second tab stops the grid; cells never sent cost nothing", async ({ page, request }) => {
  test.setTimeout(90_000);
  // Long enough that the second tab opens while the first cells are still running.
  await request.post(`${TOGETHER_ADMIN}/faults`, { data: { kind: "delay", ms: 20_000 } });
  const { grid } = await open(page);
  await grid.axis("X", "Seed", "1, 2, 3, 4, 5, 6");
  await grid.axis("Y", "Steps", "20, 28");
  await grid.start.click();
  await page.getByRole("dialog", { name: "Start this grid?" }).getByRole("button", { name: /Yes, start/ }).click();
  await expect(grid.progress).toContainText("running");

  const other = await page.context().newPage();
  const studio = new StudioPage(other);
  await studio.goto();
  await studio.explore();
  const second = new GridBuilder(other);
  await second.section.getByRole("button", { name: "Cancel grid" }).click();
  await expect(second.progress).toContainText("0 of 12 done", { timeout: 15_000 });
  await expect(grid.progress).toContainText(/12 cancelled/, { timeout: 15_000 });
  const sent = (await generations(request)).length;
  expect(sent).toBeLessThanOrEqual(4);
  await expect(grid.section.getByText("Cancelled · not charged").first()).toBeVisible();
  await expect(grid.progress).toContainText("$0.000 of $0.420 spent");
  await other.waitForTimeout(1_500);
  expect((await generations(request)).length).toBe(sent);
});

test("a 429 with retry-after slows the run, and the cell succeeds after it", async ({ page, request }) => {
  await request.post(`${TOGETHER_ADMIN}/faults`, { data: { status: 429, retryAfterSeconds: 2, times: 1 } });
  const { grid } = await open(page);
  await grid.axis("X", "Seed", "1, 2");
  await grid.axis("Y", "None");
  await expect(grid.start).toHaveText("Start grid · 2 images · $0.070");
  await grid.start.click();
  await expect(grid.progress).toContainText("2 of 2 done", { timeout: 30_000 });
  const sent = await generations(request);
  expect(sent).toHaveLength(3);
  const limited = sent.find((r) => r.fault)!;
  const retried = sent.filter((r) => !r.fault && r.body.seed === limited.body.seed);
  expect(retried).toHaveLength(1);
  expect(retried[0].receivedAt - limited.receivedAt).toBeGreaterThanOrEqual(1_900);
});

test("with the person's own Together key, the grid says so before it starts and every cell is paid with that key", async ({ page, request }) => {
  const { grid } = await open(page);
  await page.getByRole("button", { name: "Use your own key" }).click();
  await page.getByLabel("Together API key", { exact: true }).fill("tgp_v1_grid_spec_own_key_7777");
  await page.getByRole("button", { name: "Save Together AI key" }).click();
  await expect(page.getByRole("button", { name: "Your key …7777" })).toBeVisible();
  await grid.axis("X", "Seed", "1, 2, 3");
  await grid.axis("Y", "None");
  await expect(grid.section.getByTestId("grid-plan-status")).toContainText("Paid with your Together AI key …7777");
  await grid.start.click();
  await expect(grid.progress).toContainText("3 of 3 done", { timeout: 30_000 });
  const sent = (await generations(request)) as (Recorded & { keyHint: string | null })[];
  expect(sent.map((r) => r.keyHint)).toEqual(["…7777", "…7777", "…7777"]);
});

test("'3 new' seeds are priced at once without drawing them in the browser; the server draws three different ones", async ({ page, request }) => {
  const { grid } = await open(page);
  await grid.axis("X", "Seed", "3 new");
  await grid.axis("Y", "None");
  // The preview used to draw seeds from a constant source and never finished (the tab froze).
  await expect(grid.start).toHaveText("Start grid · 3 images · $0.105");
  await grid.start.click();
  await expect(grid.progress).toContainText("3 of 3 done", { timeout: 30_000 });
  const seeds = (await generations(request)).map((r) => r.body.seed);
  expect(new Set(seeds).size).toBe(3);
});
