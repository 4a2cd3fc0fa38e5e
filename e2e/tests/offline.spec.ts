// Installable and offline: the app can be installed (a valid manifest and a
// service worker that controls the page); with the network off, a cold start
// still opens the app and help is one tap away; a new version waits until the
// person taps "Vernieuwen".
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "../support/test.ts";
import { resolveHomeserver } from "../../tools/lib/homeserver.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import { E2E_CLIENT_DIST, E2E_INSTANCE } from "../support/e2eInstance.ts";

/** Opens the app and waits until its service worker has installed and controls the page. */
async function openApp(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page;
}

/** This origin's caches and the addresses each holds. */
async function cachedFiles(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const result: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      result[name] = (await cache.keys()).map((request) => new URL(request.url).pathname);
    }
    return result;
  });
}

test("the app is installable: a valid manifest, icons, and a service worker that controls the page", async ({
  context,
}) => {
  const page = await openApp(context);

  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestHref).toBe("/manifest.webmanifest");
  const manifest = (await (await page.request.get("/manifest.webmanifest")).json()) as {
    name: string;
    lang: string;
    display: string;
    icons: { src: string; sizes: string; type: string; purpose: string }[];
  };
  expect(manifest).toMatchObject({ name: "Veilig Chatten", lang: "nl", display: "standalone" });
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, page.url()).href);
    expect(response.ok(), icon.src).toBe(true);
    expect(response.headers()["content-type"]).toContain(icon.type);
  }

  // Chromium's own verdict: what it checks before it offers "Install app".
  const devtools = await context.newCDPSession(page);
  const { errors } = await devtools.send("Page.getAppManifest");
  expect(errors).toEqual([]);
  const { installabilityErrors } = await devtools.send("Page.getInstallabilityErrors");
  // A Playwright context is like a private window, where Chromium never installs; that is all it may object to.
  expect(installabilityErrors.map((error) => error.errorId)).toEqual(["in-incognito"]);

  expect(
    await page.evaluate(
      () => new URL(navigator.serviceWorker.controller?.scriptURL ?? "").pathname,
    ),
  ).toBe("/sw.js");

  // Cached at install: the page and every script and stylesheet it loads
  // (the sign-in screen, all copy, help). Not the Matrix SDK or the crypto
  // WASM: nobody has signed in.
  const caches = await cachedFiles(page);
  const shell = Object.entries(caches).find(([name]) => name.startsWith("veilig-chatten-shell-"));
  expect(shell).toBeDefined();
  const shellFiles = shell?.[1] ?? [];
  const pageFiles = await page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>("script[src], link[href]"),
    ].map((element) => new URL("src" in element ? element.src : element.href).pathname),
  );
  expect(shellFiles).toEqual(expect.arrayContaining(["/index.html", ...pageFiles]));
  const everything = Object.values(caches).flat();
  expect(everything.filter((path) => /chatSession|rust-crypto|\.wasm$/.test(path))).toEqual([]);
});

test("with the network off, a cold start opens the app and help is one tap away", async ({
  context,
}) => {
  // Visited once online: the worker installed. Then every page is closed and
  // the network goes off; a new page opens the app.
  const firstVisit = await openApp(context);
  await firstVisit.close();
  await context.setOffline(true);
  const page = await context.newPage();

  const opened = await page.goto("/");
  expect(opened?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  // Really offline, and the Matrix API is never answered from a cache.
  expect(
    await page.evaluate(async (homeserverUrl) => {
      try {
        await fetch(`${homeserverUrl}/_matrix/client/versions`);
        return "answered";
      } catch {
        return "no network";
      }
    }, resolveHomeserver(E2E_INSTANCE).url),
  ).toBe("no network");

  await page.getByRole("button", { name: "Hulp" }).click();
  const help = page.getByRole("dialog", { name: "Hulp" });
  await expect(help.getByRole("heading", { name: "De Kindertelefoon" })).toBeVisible();
  await expect(help.getByRole("link", { name: /0800-0432/ })).toHaveAttribute(
    "href",
    "tel:08000432",
  );
  await expect(help.getByText("Telefoon: dag en nacht (24/7)").first()).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(page, "offline-help");
});

test("a new version waits until the person taps Vernieuwen, then takes over", async ({
  context,
}) => {
  const page = await openApp(context);
  const shellCaches = async (): Promise<string[]> =>
    Object.keys(await cachedFiles(page)).filter((name) => name.startsWith("veilig-chatten-shell-"));
  const [oldShell] = await shellCaches();
  expect(oldShell).toBeDefined();

  // A new version is deployed: the server's sw.js changes (here only its
  // version, so it names other caches, as a new build's worker does). The
  // file is put back afterwards.
  const deployedWorker = join(E2E_CLIENT_DIST[E2E_INSTANCE], "sw.js");
  const original = readFileSync(deployedWorker, "utf8");
  const newVersion = "0e2e0e2e0e2e0e2e";
  const next = original.replace(/var version = "[0-9a-f]+";/, `var version = "${newVersion}";`);
  expect(next).not.toBe(original);
  deploy(deployedWorker, next);
  try {
    // The person opens the app again: the browser fetches sw.js and installs the new worker.
    await page.reload();
    const notice = page.getByRole("status").filter({ hasText: "Nieuwe versie beschikbaar" });
    await expect(notice).toBeVisible();
    // A real new worker waits; the old one still controls the page, which keeps working.
    expect(
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return registration?.waiting?.state;
      }),
    ).toBe("installed");
    await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await saveDocScreenshot(page, "update-notice");

    // By keyboard: Vernieuwen activates the new worker, and the page reloads into it.
    const reloaded = page.waitForEvent("load");
    await notice.getByRole("button", { name: "Vernieuwen" }).focus();
    await page.keyboard.press("Enter");
    await reloaded;
    await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
    await expect(page.getByText("Nieuwe versie beschikbaar")).toHaveCount(0);

    // The new version's caches replaced the old ones.
    await expect.poll(shellCaches).toEqual([`veilig-chatten-shell-${newVersion}`]);
    expect(oldShell).not.toBe(`veilig-chatten-shell-${newVersion}`);
  } finally {
    deploy(deployedWorker, original);
  }
});

/** Replaces a file the preview server serves in one step, so no request sees half of it. */
function deploy(file: string, content: string): void {
  writeFileSync(`${file}.next`, content);
  renameSync(`${file}.next`, file);
}
