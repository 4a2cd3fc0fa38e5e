// Renders the app's PNG icons from their SVG sources in client/public/icons/
// with the project's Chromium (through Playwright, as the e2e tests run it),
// since the machine has no image tooling of its own. Run it after changing an
// SVG and commit the PNGs:
//
//   node tools/render-icons.ts

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "../e2e/chromium.ts";

const icons = resolve(import.meta.dirname, "..", "client", "public", "icons");

type Rendering = { readonly source: string; readonly size: number; readonly output: string };

const renderings: readonly Rendering[] = [
  // "any": rounded corners, transparent outside them.
  { source: "icon.svg", size: 192, output: "icon-192.png" },
  { source: "icon.svg", size: 512, output: "icon-512.png" },
  // "maskable": full bleed; the platform cuts its own shape.
  { source: "icon-maskable.svg", size: 192, output: "icon-maskable-192.png" },
  { source: "icon-maskable.svg", size: 512, output: "icon-maskable-512.png" },
  // iOS rounds the corners itself and wants no transparency.
  { source: "icon-maskable.svg", size: 180, output: "apple-touch-icon.png" },
];

const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { source, size, output } of renderings) {
    const svg = readFileSync(join(icons, source)).toString("base64");
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<body style="margin:0"><img src="data:image/svg+xml;base64,${svg}" width="${size}" height="${size}" style="display:block"></body>`,
    );
    await page.locator("img").evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({
      path: join(icons, output),
      clip: { x: 0, y: 0, width: size, height: size },
      omitBackground: true,
    });
    console.log(`${output} (${size}×${size}) from ${source}`);
  }
} finally {
  await browser.close();
}
