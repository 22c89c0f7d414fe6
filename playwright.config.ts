import { defineConfig } from "@playwright/test";

/**
 * Two copies of the production build: one on its built-in simulator (no key, what a fresh
 * checkout runs), one talking through the real SDK to a Together stand-in on loopback that
 * records requests and injects failures. Both get fresh data dirs (scripts/test-e2e.mjs).
 */
/** E2E_PORT_OFFSET shifts every port, so two checkouts can run their browser suites at once. */
const OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
const STANDIN_PORT = 4010 + OFFSET;
/** Files on 4020, Hugging Face 4021, Civitai 4022, Replicate 4023 (tests/support/standins-cli.ts). */
const HUBS_PORT = 4020 + OFFSET;
const hubs = {
  HF_ENDPOINT: `http://127.0.0.1:${HUBS_PORT + 1}`,
  CIVITAI_BASE_URL: `http://127.0.0.1:${HUBS_PORT + 2}/api/v1`,
  REPLICATE_BASE_URL: `http://127.0.0.1:${HUBS_PORT + 3}/v1`,
  REPLICATE_API_TOKEN: "r8_standin_0123456789abcdef",
  // The stand-ins live on loopback: the explicit opt-in, for tests only.
  ALLOW_PRIVATE_FETCH: "true",
};
/** fal's queue stand-in (tests/support/fal-server-cli.ts). */
const FAL_PORT = 4030 + OFFSET;
const fal = { FAL_KEY: "standin-id:standin-secret", FAL_BASE_URL: `http://127.0.0.1:${FAL_PORT}` };
const SIM_PORT = 3100 + OFFSET;
const REAL_PORT = 3101 + OFFSET;
/** A deployment with only FAL_KEY: fal for real (the stand-in), Together waiting for a key. */
const FAL_ONLY_PORT = 3102 + OFFSET;
const dataRoot = "test-results/e2e-data";

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

const app = (port: number, dataDir: string, extra: Record<string, string>) => ({
  command: `node scripts/start.mjs --no-build`,
  url: `http://127.0.0.1:${port}/api/health`,
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: "pipe" as const,
  env: { PORT: String(port), DATA_DIR: `${dataRoot}/${dataDir}`, TOGETHER_API_KEY: "", FAL_KEY: "", ...hubs, ...extra },
});

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    launchOptions: chromium,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "simulator", testMatch: /simulator\/.*\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${SIM_PORT}` } },
    { name: "together-standin", testMatch: /standin\/.*\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${REAL_PORT}` } },
    { name: "fal-only", testMatch: /fal-only\/.*\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${FAL_ONLY_PORT}` } },
  ],
  webServer: [
    {
      command: `npx tsx tests/support/together-server-cli.ts --port ${STANDIN_PORT}`,
      url: `http://127.0.0.1:${STANDIN_PORT}/__admin/requests`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx tsx tests/support/standins-cli.ts --port ${HUBS_PORT}`,
      url: `http://127.0.0.1:${HUBS_PORT + 1}/api/models/multimodalart/flux-tarot-v1`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx tsx tests/support/fal-server-cli.ts --port ${FAL_PORT}`,
      url: `http://127.0.0.1:${FAL_PORT}/__admin/requests`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    app(SIM_PORT, "simulator", {}),
    app(REAL_PORT, "standin", {
      TOGETHER_API_KEY: "test-key",
      TOGETHER_BASE_URL: `http://127.0.0.1:${STANDIN_PORT}/v1`,
      TOGETHER_MAX_RETRIES: "0",
      ...fal,
    }),
    app(FAL_ONLY_PORT, "fal-only", fal),
  ],
});
