// The web app manifest and the icons: what a browser checks before it offers
// to install the app, checked here on the files themselves.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { shellNl as nl } from "../i18n/shell.nl.ts";

const publicDir = new URL("../../public/", import.meta.url);
const manifest = JSON.parse(
  readFileSync(new URL("manifest.webmanifest", publicDir), "utf8"),
) as Record<string, unknown>;
const indexHtml = readFileSync(new URL("../../index.html", import.meta.url), "utf8");
const styles = readFileSync(new URL("../ui/styles.css", import.meta.url), "utf8");

type Icon = { src: string; sizes: string; type: string; purpose: string };
const icons = manifest["icons"] as Icon[];

/** Width and height from a PNG's header (IHDR), and whether it has an alpha channel. */
function pngInfo(file: URL): { width: number; height: number; alpha: boolean } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  const colourType = bytes.readUInt8(25);
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    alpha: colourType === 4 || colourType === 6,
  };
}

/** A colour's light value: `--name: #hex` or `--name: light-dark(#hex, …)`. */
function cssColour(name: string): string {
  const match = new RegExp(`--${name}:\\s*(?:light-dark\\(\\s*)?(#[0-9a-f]{6})`, "i").exec(styles);
  if (match?.[1] === undefined) throw new Error(`styles.css has no --${name}`);
  return match[1].toLowerCase();
}

describe("the web app manifest", () => {
  it("names the app as the app does, in Dutch first", () => {
    expect(manifest["name"]).toBe(nl["app.name"]);
    expect(manifest["short_name"]).toBe(nl["app.name"]);
    expect(manifest["description"]).toBe(nl["app.tagline"]);
    expect(manifest["lang"]).toBe("nl");
  });

  it("opens as a standalone app on the app page, in portrait", () => {
    expect(manifest).toMatchObject({
      id: "./",
      start_url: "./",
      scope: "./",
      display: "standalone",
      orientation: "portrait",
    });
  });

  it("takes its colours from the app's stylesheet", () => {
    expect(manifest["theme_color"]).toBe(cssColour("brand"));
    expect(manifest["background_color"]).toBe(cssColour("canvas"));
    expect(indexHtml).toContain(`<meta name="theme-color" content="${cssColour("brand")}" />`);
  });

  it("has 192 and 512 pixel PNG icons, plain and maskable, that exist at their sizes", () => {
    for (const purpose of ["any", "maskable"]) {
      for (const size of [192, 512]) {
        const icon = icons.find(
          (candidate) =>
            candidate.purpose === purpose &&
            candidate.type === "image/png" &&
            candidate.sizes === `${size}x${size}`,
        );
        expect(icon, `${purpose} ${size}`).toBeDefined();
        const info = pngInfo(new URL(icon?.src ?? "", publicDir));
        expect([info.width, info.height]).toEqual([size, size]);
        // A maskable icon fills its square: the platform cuts the shape.
        if (purpose === "maskable") expect(info.alpha).toBe(false);
      }
    }
  });

  it("lists only icons that exist", () => {
    for (const icon of icons) expect(existsSync(new URL(icon.src, publicDir)), icon.src).toBe(true);
  });
});

describe("index.html", () => {
  it("links the manifest, the icon and the Apple touch icon", () => {
    expect(indexHtml).toContain('<link rel="manifest" href="/manifest.webmanifest" />');
    expect(indexHtml).toContain('<link rel="icon" href="/icons/icon.svg" type="image/svg+xml" />');
    expect(indexHtml).toContain(
      '<link rel="apple-touch-icon" href="/icons/apple-touch-icon.png" />',
    );
    const touchIcon = pngInfo(new URL("icons/apple-touch-icon.png", publicDir));
    expect(touchIcon).toEqual({ width: 180, height: 180, alpha: false });
  });

  it("is the only page that offers the app for installing (the facilitator console is not part of it)", () => {
    const consoleHtml = readFileSync(new URL("../../console.html", import.meta.url), "utf8");
    expect(consoleHtml).not.toContain('rel="manifest"');
  });
});
