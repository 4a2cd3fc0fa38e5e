// e2e support: phone-sized screenshots of key screens, saved into
// docs/screenshots/ so the documentation shows the real product.
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { repoRoot } from "../../tools/lib/homeserver.ts";

export async function saveDocScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: join(repoRoot, "docs", "screenshots", `${name}.png`),
    fullPage: false,
  });
}
