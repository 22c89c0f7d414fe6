import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "../csp-guard";
import { StudioPage } from "../pages/studio-page";

// An operator follows a catalog change by editing one file: LORASCOPE_MODELS adds a model that
// appears in the studio after a restart, with no rebuild; a bad file stops the start with
// a sentence naming the file, the model and the field.

const PORT = 3103 + Number(process.env.E2E_PORT_OFFSET ?? 0);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-operator-e2e-"));
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const entry = {
  provider: "together",
  id: "acme-org/flux-dev-lora-endpoint",
  label: "FLUX.1 [dev] on Acme's endpoint",
  loraFamily: "flux1",
  deprecated: false,
  note: "Our dedicated endpoint.",
  pricing: { mode: "per-image", microUsdPerImage: 12000, stepsFactor: "none", published: true, source: "our contract" },
  defaults: { steps: 28, width: 1024, height: 768, guidance: 3.5 },
  limits: { minSize: 256, maxSize: 1920, sizeMultiple: 8, minSteps: 1, maxSteps: 50, maxImages: 4, maxLoras: 2, maxPromptChars: 4000 },
};

function start(modelsFile: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = "";
  const child = spawn(process.execPath, ["scripts/start.mjs", "--no-build"], {
    env: { ...process.env, PORT: String(PORT), DATA_DIR: path.join(dir, "data"), LORASCOPE_MODELS: modelsFile, TOGETHER_API_KEY: "", FAL_KEY: "", NEXT_TELEMETRY_DISABLED: "1" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

const stop = (child: ChildProcess) => {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    /* already gone */
  }
};

test("a model added in LORASCOPE_MODELS shows in the studio after a restart, no rebuild", async ({ page }) => {
  test.setTimeout(90_000);
  const file = path.join(dir, "models.json");
  fs.writeFileSync(file, JSON.stringify({ models: [entry] }));
  const server = start(file);
  try {
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${PORT}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000 }).toBe(200);
    const studio = new StudioPage(page);
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await expect(studio.model.locator("option", { hasText: "FLUX.1 [dev] on Acme's endpoint" })).toHaveText(/\$0\.012\/image/);
    await studio.model.selectOption("acme-org/flux-dev-lora-endpoint");
    await studio.prompt.fill("a lighthouse");
    await expect(studio.cost).toContainText("$0.012");
  } finally {
    stop(server.child);
    await server.exited;
  }
});

test("a bad models file stops the start, naming the file, the model and the field", async () => {
  test.setTimeout(90_000);
  const file = path.join(dir, "bad.json");
  fs.writeFileSync(file, JSON.stringify({ models: [{ ...entry, limits: { ...entry.limits, maxImages: "four" } }] }));
  const server = start(file);
  const code = await Promise.race([server.exited, new Promise<"running">((r) => setTimeout(() => r("running"), 60_000))]);
  if (code === "running") stop(server.child);
  expect(code).not.toBe("running");
  expect(code).not.toBe(0);
  expect(server.output()).toContain(`Lorascope cannot start: LORASCOPE_MODELS=${file}: model "acme-org/flux-dev-lora-endpoint" (models[0]): limits.maxImages:`);
});
