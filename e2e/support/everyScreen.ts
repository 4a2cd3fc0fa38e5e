// e2e support: one screen, checked as every screen is: axe in the light and
// the dark theme (the system's choice, page.emulateMedia), no violations.
// With SCREENSHOTS=1 (`npm run screenshots`, tools/screenshots.ts) each check
// also saves the screen at phone size into docs/screenshots/screens/, named
// `<screen>-light.png` and `<screen>-dark.png`.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { repoRoot } from "../../tools/lib/homeserver.ts";

export const SCREENS_DIR = join(repoRoot, "docs", "screenshots", "screens");
const SAVE = process.env["SCREENSHOTS"] === "1";

export const COLOR_SCHEMES = ["light", "dark"] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];

/** Axe's violations as lines a person can act on: the rule and where. */
async function violationsOf(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id}: ${node.target.join(" ")}${node.failureSummary === undefined ? "" : ` (${node.failureSummary.replace(/\s+/g, " ")})`}`,
    ),
  );
}

/** Two frames: the new theme's styles are computed and painted. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => {
          requestAnimationFrame(() => {
            resolve();
          });
        });
      }),
  );
}

/**
 * Checks the screen now shown in both themes (the system's, as a phone
 * switches it), and leaves the page light.
 */
export async function checkScreen(
  page: Page,
  name: string,
  schemes: readonly ColorScheme[] = COLOR_SCHEMES,
): Promise<void> {
  for (const colorScheme of schemes) {
    await page.emulateMedia({ colorScheme });
    await settle(page);
    expect(await violationsOf(page), `axe on ${name} (${colorScheme})`).toEqual([]);
    if (SAVE) {
      mkdirSync(SCREENS_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENS_DIR, `${name}-${colorScheme}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
}
