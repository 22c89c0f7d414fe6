// Page weight and Web Vitals, cold, on a desktop and a phone profile: `npm run bench:web`.
//
// Builds if the sources changed, seeds a fresh SQLite data dir (simulator images: a gallery of
// 12 results, one shared result, one shared 3 × 3 sweep), starts `next start` on embedded
// defaults, then loads each page cold (new browser context, empty cache) BENCH_RUNS times
// (default 5) per profile in headless Chromium and prints medians:
//   JS KB gz    — bytes on the wire for scripts (encodedDataLength), what Chromium fetched
//   total KB    — every response's bytes on the wire
//   req         — requests
//   LCP / CLS   — PerformanceObserver entries, read once the page has been quiet for 2 s
//   TBT         — Σ (long task − 50 ms) for long tasks after First Contentful Paint until quiet
// Profiles: desktop 1350×940, no throttling; mobile 412×823 (DPR 2.625), 4× CPU slowdown,
// 150 ms RTT, 1.6 Mbps down / 750 Kbps up (Lighthouse's "slow 4G" numbers, applied by CDP).
// When the `lighthouse` package is installed, also prints Lighthouse mobile scores
// (performance / accessibility / best practices, simulated throttling) per page.
//
// Env: BENCH_RUNS (5), BENCH_PORT (3890), BENCH_PAGES (comma list, default all), CHROMIUM_PATH.

import "./support";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3890);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SECRET = "bench-web-secret-0123456789abcdef";
const root = path.resolve(import.meta.dirname, "..");

interface Profile {
  name: "desktop" | "mobile";
  viewport: { width: number; height: number };
  deviceScaleFactor: number;
  isMobile: boolean;
  cpu: number;
  network?: { latency: number; downloadThroughput: number; uploadThroughput: number };
}

const PROFILES: Profile[] = [
  { name: "desktop", viewport: { width: 1350, height: 940 }, deviceScaleFactor: 1, isMobile: false, cpu: 1 },
  {
    name: "mobile",
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 2.625,
    isMobile: true,
    cpu: 4,
    network: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  },
];

interface Sample {
  jsBytes: number;
  totalBytes: number;
  requests: number;
  lcp: number;
  cls: number;
  tbt: number;
}

/** Runs in the page from its first script: collects LCP, CLS, FCP and long tasks. */
const OBSERVE = `(() => {
  const v = (window.__vitals = { lcp: 0, cls: 0, fcp: 0, long: [] });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) v.lcp = e.startTime; }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) v.cls += e.value; }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === "first-contentful-paint") v.fcp = e.startTime; }).observe({ type: "paint", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) v.long.push([e.startTime, e.duration]); }).observe({ type: "longtask", buffered: true });
})();`;

async function seed(env: Record<string, string>): Promise<{ owner: string; shareSlug: string; sheetSlug: string }> {
  Object.assign(process.env, env);
  const { migrateDeploy } = await import("../tests/support/test-database");
  migrateDeploy(env.DATABASE_URL);
  const { generate } = await import("../lib/generation/generate");
  const { createTogetherProvider } = await import("../lib/together/client");
  const { generationInputSchema } = await import("../lib/generation/schema");
  const { createCollection, addGenerationToCollection } = await import("../lib/db/collection-queries");
  const { shareCollection, shareGeneration } = await import("../lib/db/share-queries");
  const { cellJson } = await import("../lib/explore/cell");
  const { disconnectDb } = await import("../lib/db/client");
  const owner = randomUUID();
  const TAROT = "https://huggingface.co/multimodalart/flux-tarot-v1";
  const make = (prompt: string, seed: number, loras: { path: string; scale: number }[], width = 1024, height = 768) =>
    generate({
      ownerId: owner,
      provider: createTogetherProvider(),
      input: generationInputSchema.parse({
        clientRequestId: randomUUID(),
        prompt,
        model: "black-forest-labs/FLUX.1-dev-lora",
        width,
        height,
        steps: 28,
        n: 1,
        seed,
        loras: loras.map((l) => ({ ...l, triggers: [] })),
      }),
    });
  const prompts = ["a lighthouse at dusk", "a fox in the snow", "a neon city street", "a tarot card of a cat"];
  const made = [];
  for (let i = 0; i < 12; i++) made.push(await make(prompts[i % prompts.length], 100 + i, [{ path: TAROT, scale: 0.6 + (i % 4) * 0.1 }], i % 3 ? 1024 : 768, i % 3 ? 768 : 1024));
  const shareSlug = (await shareGeneration(made[0].id, owner))!;
  const values = [0.4, 0.8, 1.2];
  const axes = { x: { name: "LoRA 1 scale", values }, y: { name: "LoRA 2 scale", values } };
  const sweep = await createCollection(owner, { name: "Tarot × Ink sweep", kind: "sweep", axes: JSON.stringify(axes) });
  for (const [y, ys] of values.entries())
    for (const [x, xs] of values.entries()) {
      const g = await make("a lighthouse at dusk", 7, [
        { path: TAROT, scale: xs },
        { path: "https://huggingface.co/alvdansen/frosting_lane_flux", scale: ys },
      ]);
      await addGenerationToCollection(sweep.id, g.id, owner, { cell: cellJson({ x, y }) });
    }
  const sheetSlug = (await shareCollection(sweep.id, owner))!;
  await disconnectDb();
  return { owner, shareSlug, sheetSlug };
}

async function startApp(env: Record<string, string>): Promise<ChildProcess> {
  const { buildIfStale, nextBin } = (await import(path.join(root, "scripts", "build-if-stale.mjs"))) as { buildIfStale: (e: object) => void; nextBin: string };
  buildIfStale(env);
  const app = spawn(process.execPath, [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(PORT)], { cwd: root, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "ignore", "inherit"] });
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`${ORIGIN}/api/health`).then((r) => r.ok, () => false);
    if (up) return app;
    await new Promise((r) => setTimeout(r, 500));
  }
  app.kill();
  throw new Error(`the app did not answer on ${ORIGIN}/api/health within 60 s`);
}

async function measure(browser: Browser, profile: Profile, url: string, cookie: string): Promise<Sample> {
  const context: BrowserContext = await browser.newContext({ viewport: profile.viewport, deviceScaleFactor: profile.deviceScaleFactor, isMobile: profile.isMobile, hasTouch: profile.isMobile });
  await context.addCookies([{ name: "lorascope_owner", value: cookie, url: ORIGIN }]);
  await context.addInitScript(OBSERVE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (profile.cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
  if (profile.network) await cdp.send("Network.emulateNetworkConditions", { offline: false, ...profile.network });
  const types = new Map<string, string>();
  let jsBytes = 0;
  let totalBytes = 0;
  let requests = 0;
  let lastActivity = Date.now();
  cdp.on("Network.requestWillBeSent", () => {
    requests++;
    lastActivity = Date.now();
  });
  cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
  cdp.on("Network.loadingFinished", (e) => {
    lastActivity = Date.now();
    totalBytes += e.encodedDataLength;
    if (types.get(e.requestId) === "Script") jsBytes += e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  // Quiet: no request started or finished for 2 s (images below the fold, client fetches).
  while (Date.now() - lastActivity < 2_000) await page.waitForTimeout(250);
  const v = (await page.evaluate("window.__vitals")) as { lcp: number; cls: number; fcp: number; long: [number, number][] };
  await context.close();
  const tbt = v.long.filter(([start]) => start >= v.fcp).reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
  return { jsBytes, totalBytes, requests, lcp: v.lcp, cls: v.cls, tbt };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function lighthouseScores(pages: [string, string][], cookie: string, chromePath: string) {
  let lighthouse: typeof import("lighthouse").default;
  let launch: typeof import("chrome-launcher").launch;
  try {
    lighthouse = (await import("lighthouse")).default;
    launch = (await import("chrome-launcher")).launch;
  } catch {
    console.log("\n(Lighthouse scores skipped: `lighthouse` is not installed.)");
    return;
  }
  console.log("\nLighthouse mobile (simulated throttling): performance / accessibility / best practices, LCP");
  for (const [label, url] of pages) {
    const chrome = await launch({ chromePath, chromeFlags: ["--headless=new", "--no-sandbox"] });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices"], extraHeaders: { Cookie: `lorascope_owner=${cookie}` } });
      const c = result!.lhr.categories;
      const lcp = result!.lhr.audits["largest-contentful-paint"]?.numericValue ?? 0;
      const score = (k: string) => Math.round((c[k]?.score ?? 0) * 100);
      console.log(`  ${label.padEnd(10)} ${score("performance")} / ${score("accessibility")} / ${score("best-practices")}   LCP ${(lcp / 1000).toFixed(1)} s`);
    } finally {
      chrome.kill();
    }
  }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lorascope-bench-web-"));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    DATA_DIR: dataDir,
    DATABASE_URL: `file:${dataDir}/lorascope.db`,
    TOGETHER_API_KEY: "",
    FAL_KEY: "",
    S3_BUCKET: "",
    APP_SECRET: SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  let app: ChildProcess | null = null;
  try {
    process.stderr.write("seeding a gallery, a shared result and a shared sweep…\n");
    const { owner, shareSlug, sheetSlug } = await seed(env);
    const { signOwnerToken } = await import("../lib/owner/token");
    const cookie = signOwnerToken(owner, SECRET);
    app = await startApp(env);
    const { ensureChromium } = (await import(path.join(root, "scripts", "find-chromium.mjs"))) as { ensureChromium: () => string };
    const chromePath = process.env.CHROMIUM_PATH || ensureChromium();
    const wanted = process.env.BENCH_PAGES?.split(",").map((s) => s.trim());
    const pages = (
      [
        ["/", `${ORIGIN}/`],
        ["/gallery", `${ORIGIN}/gallery`],
        ["/loras", `${ORIGIN}/loras`],
        ["/s/{slug}", `${ORIGIN}/s/${shareSlug}`],
        ["/c/{slug}", `${ORIGIN}/c/${sheetSlug}`],
      ] as [string, string][]
    ).filter(([label]) => !wanted || wanted.includes(label));
    const browser = await chromium.launch({ executablePath: chromePath });
    // One unmeasured visit per page so the server's first-request work is not in the numbers.
    for (const [, url] of pages) await fetch(url, { headers: { cookie: `lorascope_owner=${cookie}` } }).then((r) => r.arrayBuffer());
    console.log(`web · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"} · Node ${process.version} · Chromium ${browser.version()} · median of ${RUNS} cold loads`);
    for (const profile of PROFILES) {
      console.log(`\n${profile.name} (${profile.viewport.width}×${profile.viewport.height}${profile.cpu > 1 ? `, ${profile.cpu}× CPU, 150 ms RTT, 1.6 Mbps` : ""})`);
      console.log("  page        JS KB gz  total KB  req   LCP s   CLS     TBT ms");
      for (const [label, url] of pages) {
        const samples: Sample[] = [];
        for (let i = 0; i < RUNS; i++) samples.push(await measure(browser, profile, url, cookie));
        const m = (k: keyof Sample) => median(samples.map((s) => s[k]));
        console.log(
          `  ${label.padEnd(10)} ${(m("jsBytes") / 1024).toFixed(0).padStart(9)} ${(m("totalBytes") / 1024).toFixed(0).padStart(9)} ${String(m("requests")).padStart(4)} ${(m("lcp") / 1000).toFixed(2).padStart(7)} ${m("cls").toFixed(3).padStart(7)} ${m("tbt").toFixed(0).padStart(8)}`,
        );
      }
    }
    await browser.close();
    await lighthouseScores(pages, cookie, chromePath);
  } finally {
    app?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
