import { chromium } from "@playwright/test";
const [url, out, w = "1440", h = "900", scheme = "light", actions = ""] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: +w, height: +h }, colorScheme: scheme });
await page.goto(url);
await page.waitForTimeout(1500);
if (actions) { const f = new Function("page", `return (async () => { ${actions} })()`); await f(page); }
await page.screenshot({ path: out, fullPage: false });
await browser.close();
