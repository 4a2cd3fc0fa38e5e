// Help, one tap away: from every screen (sign-in included), without network,
// without a trace, with a quick exit that leaves the app for a neutral page.
// Back, help over the report sheet and the quick exit's other ways: navigation.spec.ts.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/test.ts";
import { personaOnPhone } from "../support/personas.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";

test("help opens from the sign-in screen with no network request, and quick exit leaves at once", async ({
  page,
}) => {
  // The quick exit's neutral page (client/src/deployment.ts), answered here, not by the real site.
  const neutralPage = "https://www.knmi.nl/";
  await page
    .context()
    .route(`${neutralPage}**`, (route) =>
      route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Het weer</title>" }),
    );
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();

  const requests: string[] = [];
  // The browser fetches the page's icon (index.html's <link rel="icon">) when
  // it gets to it, on a loaded machine after this point: that is the app
  // shell, not help. Every other request counts.
  const pageIcon = new URL("/icons/icon.svg", page.url()).href;
  page.on("request", (request) => {
    if (request.url() !== pageIcon) requests.push(request.url());
  });
  await page.getByRole("button", { name: "Hulp" }).click();

  const help = page.getByRole("dialog", { name: "Hulp" });
  await expect(help).toBeVisible();
  await expect(help.getByRole("heading", { name: "De Kindertelefoon" })).toBeVisible();
  await expect(help.getByRole("link", { name: /0800-0432/ })).toHaveAttribute(
    "href",
    "tel:08000432",
  );
  for (const link of await help.locator('a[href^="https:"]').all()) {
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  }
  // How to leave no trace, and what the quick exit cannot wipe.
  await expect(
    help.getByRole("heading", { name: "Wil je geen sporen achterlaten?" }),
  ).toBeVisible();
  await expect(help.getByText(/Wis daarom je geschiedenis/)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(page, "help");
  expect(requests).toEqual([]);

  const quickExit = help.getByRole("button", { name: "Snel weg" });
  await expect(quickExit).toHaveAccessibleDescription(
    /Verlaat de app meteen en opent een neutrale website/,
  );
  await quickExit.click();
  await expect(page).toHaveURL(neutralPage);
  // The one request: the neutral page itself.
  expect(requests).toEqual([neutralPage]);
});

test("help is reachable by keyboard from the chat list and closes with Escape", async ({
  browser,
}) => {
  const noor = await personaOnPhone(browser, "noor");
  const helpButton = noor.getByRole("button", { name: "Hulp", exact: true });
  await helpButton.focus();
  await noor.keyboard.press("Enter");
  await expect(noor.getByRole("dialog", { name: "Hulp" })).toBeVisible();
  await expect(noor.getByRole("heading", { name: "Hulp", exact: true })).toBeFocused();
  await expect(noor.getByRole("heading", { name: "De Kindertelefoon" })).toBeVisible();
  await noor.keyboard.press("Escape");
  await expect(noor.getByRole("dialog", { name: "Hulp" })).toHaveCount(0);
  await expect(noor.getByRole("button", { name: "Gesprekken" })).toBeVisible();
  // Back where it was: the Help button has focus again.
  await expect(helpButton).toBeFocused();
});

test("help says why these organisations, in words for the reader's age: Sam's, then Noor's", async ({
  browser,
}) => {
  for (const [persona, words] of [
    ["sam", /De app kiest hulp die bij jou past\./],
    ["noor", /De app kiest de hulp die past bij je leeftijd en bij wat er net gebeurde/],
  ] as const) {
    const page = await personaOnPhone(browser, persona);
    await page.getByRole("button", { name: "Hulp", exact: true }).click();
    const help = page.getByRole("dialog", { name: "Hulp" });
    const why = help.locator("details.why");
    await why.getByText("Waarom zie ik dit?").click();
    await expect(why.getByText(words)).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  }
});
