import { expect, test as base, type Browser, type BrowserContext } from "@playwright/test";

/**
 * Every browser test imports `test` from here: it fails the test on any Content-Security-Policy
 * violation on any page it opened, in the default context and in every context the test makes
 * with `browser.newContext()` (strangers, other owners). Chromium reports a violation twice:
 * as a console error ("Refused to …") and as a `securitypolicyviolation` event, which an init
 * script turns into a console message, so a violation Chromium does not log is caught too.
 */

const MARK = "[csp-violation]";

const REPORT_VIOLATIONS = `document.addEventListener("securitypolicyviolation", (e) => {
  console.error(${JSON.stringify(MARK)} + " " + e.effectiveDirective + " blocked " + (e.blockedURI || "inline") + " on " + e.documentURI + (e.sample ? " sample: " + e.sample : ""));
});`;

/** Starts collecting the CSP violations of every page in this context, into the returned list. */
export async function watchCsp(context: BrowserContext, into: string[] = []): Promise<string[]> {
  await context.addInitScript({ content: REPORT_VIOLATIONS });
  context.on("console", (msg) => {
    const text = msg.text();
    if (text.startsWith(MARK) || /Content Security Policy/i.test(text)) into.push(`${msg.location().url || "?"}: ${text}`);
  });
  return into;
}

export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      await watchCsp(context, violations);
      const b = browser as Browser & { newContext: Browser["newContext"] };
      const original = b.newContext;
      b.newContext = async (...args: Parameters<Browser["newContext"]>) => {
        const created = await original.apply(b, args);
        await watchCsp(created, violations);
        return created;
      };
      try {
        await use();
      } finally {
        b.newContext = original;
      }
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
