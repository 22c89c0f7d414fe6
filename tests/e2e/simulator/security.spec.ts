import type { Page, Response } from "@playwright/test";
import { dynamicRoutes, withBrokenEscape } from "../../support/app-routes";
import { expect, test, watchCsp } from "../csp-guard";
import { StudioPage } from "../pages/studio-page";

// Security headers and the Content-Security-Policy on the real production server: every kind of
// page loads without a single CSP violation (the guard in ../csp-guard fails any test that has
// one, in every spec), headers on pages, API routes and static files, and bad input that Next
// used to answer with a 500 (broken %-escapes, oversize server-action bodies) is a 4xx.

const TAROT = "https://huggingface.co/multimodalart/flux-tarot-v1";
const PROMPT = "a guarded lighthouse";

function expectSecurityHeaders(res: Response | { headers(): Record<string, string>; url(): string }, where = res.url()) {
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic' 'sha256-/);
  expect(csp, where).toMatch(/frame-ancestors 'none'/);
  expect(csp, where).not.toMatch(/unsafe-eval/);
  expect(h["x-content-type-options"], where).toBe("nosniff");
  expect(h["referrer-policy"], where).toBe("same-origin");
  expect(h["permissions-policy"], where).toMatch(/camera=\(\)/);
  expect(h["x-frame-options"], where).toBe("DENY");
  // Served over plain http here: no HSTS.
  expect(h["strict-transport-security"], where).toBeUndefined();
}

/** Every document this page loads is checked for the headers. */
function checkDocuments(page: Page, seen: string[]) {
  page.on("response", (res) => {
    if (res.request().resourceType() !== "document") return;
    seen.push(new URL(res.url()).pathname);
    expectSecurityHeaders(res);
  });
}

test("every kind of page loads with the security headers and no CSP violation, in light and dark", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const seen: string[] = [];
  checkDocuments(page, seen);
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill(PROMPT);
  await studio.pasteLora(1, TAROT);
  await studio.fixSeed(11);
  await studio.explore();
  await studio.sweep("lora1", "0.3, 0.9");
  await studio.startSweep.click();
  await expect(studio.sweepProgress).toContainText("2 of 2 done");

  await studio.sweepGrid.getByRole("button", { name: "Compare LoRA 1 scale 0.3" }).click();
  await studio.sweepGrid.getByRole("button", { name: "Compare LoRA 1 scale 0.9" }).click();
  await page.getByRole("region", { name: "Compare" }).getByRole("link", { name: "Compare", exact: true }).click();
  await expect(page.getByRole("table", { name: "Differences" })).toBeVisible();
  await page.getByRole("button", { name: "Split" }).click();
  await page.reload(); // a client-side navigation above: load /compare as a document too

  await page.goto("/gallery");
  await page.getByRole("article").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/gallery\/[\w-]+$/);
  await page.reload();
  await page.getByRole("switch", { name: "Share" }).click();
  const resultLink = await page.getByLabel("Public link").inputValue();

  await page.goto("/collections");
  await page.getByRole("link", { name: new RegExp(PROMPT) }).first().click();
  await expect(page).toHaveURL(/\/collections\/[\w-]+$/);
  await page.reload(); // reached by a client-side navigation: load it as a document too
  await expect(page.getByRole("table")).toBeVisible();
  await page.getByRole("switch", { name: "Share" }).click();
  const collectionLink = await page.getByLabel("Public link").inputValue();

  await page.goto("/loras");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // The theme's <head> script is allowed by its hash: a stored Dark applies before the first paint.
  await page.getByRole("group", { name: "Theme" }).getByRole("radio", { name: "Dark" }).click();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");

  // Not-found pages (the app's and the framework's) render per request too, with the nonce.
  expect((await page.goto("/gallery/no-such-result"))!.status()).toBe(404);
  expect((await page.goto("/no-such-page"))!.status()).toBe(404);

  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  checkDocuments(other, seen);
  await other.goto(resultLink);
  await expect(other.getByRole("heading", { level: 1 })).toContainText(PROMPT);
  await other.goto(collectionLink);
  await expect(other.getByRole("table").locator("img")).toHaveCount(2);
  const toggles = other.getByRole("button", { name: /^Compare / });
  if ((await toggles.count()) >= 2) {
    await toggles.nth(0).click();
    await toggles.nth(1).click();
    await other.getByRole("region", { name: "Compare" }).getByRole("link", { name: "Compare", exact: true }).click();
    await expect(other).toHaveURL(/\/c\/[\w-]+\/compare/);
    await other.reload();
  } else {
    await other.goto(`${collectionLink}/compare`);
  }
  await stranger.close();

  for (const kind of [/^\/$/, /^\/compare$/, /^\/gallery$/, /^\/gallery\/[\w-]+$/, /^\/collections$/, /^\/collections\/[\w-]+$/, /^\/loras$/, /^\/s\/[\w-]+$/, /^\/c\/[\w-]+$/, /^\/c\/[\w-]+\/compare$/, /^\/no-such-page$/]) {
    expect(seen.some((p) => kind.test(p)), `visited ${kind}`).toBe(true);
  }
});

test("the CSP guard would notice a violation, and injected markup cannot run script", async ({ browser, baseURL }) => {
  // A context the guard does not watch (the prototype's newContext), with its own collector.
  const context = await Object.getPrototypeOf(browser).newContext.call(browser, { baseURL });
  const caught = await watchCsp(context);
  const page = await context.newPage();
  await page.goto("/loras");
  const ran = await page.evaluate(async () => {
    // The shape of an XSS: markup with an inline handler (no nonce, no hash can cover it).
    document.body.insertAdjacentHTML("beforeend", `<img src="/no-such-image.png" onerror="window.__injected = true">`);
    const img = new Image();
    img.src = "http://127.0.0.2:9/not-allowed.png"; // not an allowed image origin: refused before any request
    document.body.append(img);
    await new Promise((r) => setTimeout(r, 300));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => caught.join("\n")).toMatch(/script-src-attr/);
  await expect.poll(() => caught.join("\n")).toMatch(/img-src/);
  await context.close();
});

test("API routes, images and static files carry the headers; HSTS only when the proxy says https", async ({ page, request }) => {
  await page.goto("/");
  const script = await page.locator("script[src]").first().getAttribute("src");
  for (const res of [
    await request.get("/api/health"),
    await request.get("/api/images/no-such-image"),
    await request.get("/s/no-such-slug/images/0"),
    await request.post("/api/generations", { data: "x", headers: { "content-type": "text/plain" } }),
    await request.get(script!),
    await request.get("/icon.svg"),
  ]) {
    expect(res.status(), res.url()).toBeLessThan(500);
    expectSecurityHeaders(res);
  }
  const viaHttps = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(viaHttps.headers()["strict-transport-security"]).toBe("max-age=31536000");
});

test("a broken %-escape in any dynamic segment is a 400 with a message, not a 500", async ({ request }) => {
  const routes = dynamicRoutes();
  expect(routes.length).toBeGreaterThanOrEqual(10);
  for (const route of routes) {
    for (const param of route.match(/\[\w+\]/g)!) {
      const url = withBrokenEscape(route, param);
      const res = await request.get(url);
      expect(res.status(), url).toBe(400);
      expect((await res.json()).error.message, url).toMatch(/%-escape/);
    }
  }
});

test("oversize bodies: a 1 MB prompt gets the typed 'too long' answer; more than 2 MB a 413 with a message", async ({ page, request }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.prompt.fill("MARKER-PROMPT");
  // Inflate the prompt in flight: the studio's own checks would never send it.
  let size = 1_000_000;
  await page.route("**/*", async (route) => {
    const req = route.request();
    if (req.method() !== "POST" || !req.headers()["next-action"] || !req.postData()?.includes("MARKER-PROMPT")) return route.continue();
    await route.continue({ postData: req.postData()!.replace("MARKER-PROMPT", "x".repeat(size)) });
  });
  await studio.generate.click();
  await expect(studio.alert).toContainText(/4000|too (long|big)/i);

  size = 3_000_000;
  const refused = page.waitForResponse((res) => res.request().method() === "POST" && !!res.request().headers()["next-action"]);
  await studio.generate.click();
  expect((await refused).status()).toBe(413);
  await expect(studio.alert).toBeVisible();
  // The same refusal as the server sends it, with its message.
  const action = await request.post("/", { headers: { "next-action": "0123456789abcdef", "content-type": "text/plain;charset=UTF-8" }, data: "x".repeat(3_000_000) });
  expect(action.status()).toBe(413);
  expect(await action.json()).toMatchObject({ ok: false, error: { code: "too_large", message: expect.stringMatching(/too long/) } });

  // The JSON route the sweep uses: 64 KB, typed.
  const big = await request.post("/api/generations", { data: { input: { prompt: "x".repeat(100_000) } } });
  expect(big.status()).toBe(413);
  expect(await big.json()).toMatchObject({ ok: false, error: { code: "too_large" } });
});
