// e2e support: the `test` every spec uses. Playwright closes the pages it
// hands out itself, but not the contexts a test opens with
// `browser.newContext()` (each persona's phone, personas.ts). Left open, every
// earlier test's phones keep syncing and decrypting in the background: the
// suite slows down test by test and a loaded machine times out. Every context
// a test opened is closed when it ends.
import { test as base } from "@playwright/test";

export * from "@playwright/test";

export const test = base.extend<{ closesItsContexts: undefined }>({
  closesItsContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use(undefined);
      await Promise.all(
        browser
          .contexts()
          .filter((context) => !before.has(context))
          .map((context) => context.close()),
      );
    },
    { auto: true },
  ],
});
