// Loading in stages: after signing in, the app shows what it is doing (the
// app, the encryption keys, the first sync), each step as the session's start
// reaches it. When the first sync is slow (held back here, as a bad network
// would), the screen says after 20 seconds that it takes longer than normal
// and offers a retry; help stays one tap away the whole time.
import { expect, test, type Route } from "../support/test.ts";
import { checkScreen } from "../support/everyScreen.ts";
import { skipRecoveryOffer } from "../support/personas.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";

// The page's own requests only: a service worker's fetch would pass the route by.
test.use({ serviceWorkers: "block" });

test("Daan sees the loading steps, and after a long wait a message with a retry", async ({
  page,
}) => {
  test.setTimeout(90_000);
  // The first sync (no `since`) waits until the test lets it go.
  let heldSync: Route | undefined;
  const firstSync = (url: URL): boolean =>
    url.pathname.endsWith("/_matrix/client/v3/sync") && !url.searchParams.has("since");
  await page.route(firstSync, async (route) => {
    if (heldSync === undefined) heldSync = route;
    else await route.continue();
  });

  await page.goto("/");
  await page.getByLabel("Gebruikersnaam").fill("daan");
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();

  const loading = page.getByRole("region", { name: "De app start op" });
  await expect(loading).toBeVisible();
  const steps = loading.getByRole("listitem");
  await expect(steps).toHaveText([
    /De app laden/,
    /Je sleutels klaarzetten/,
    /Je gesprekken ophalen/,
  ]);
  // The first sync is under way: the two steps before it are done.
  await expect(steps.nth(2)).toHaveAttribute("aria-current", "step");
  await expect(steps.nth(0)).toContainText("klaar");
  await expect(steps.nth(1)).toContainText("klaar");
  await expect(loading.getByRole("progressbar")).toHaveAttribute("value", "2");
  await expect(loading.getByText("Dit duurt langer dan normaal.")).toHaveCount(0);
  await checkScreen(page, "loading");

  // Twenty seconds on: it says so, and offers to try again.
  await expect(loading.getByText("Dit duurt langer dan normaal.")).toBeVisible({
    timeout: 25_000,
  });
  await expect(loading.getByRole("button", { name: "Opnieuw proberen" })).toBeVisible();
  await checkScreen(page, "loading-slow");

  // Help is there all along.
  await page.getByRole("button", { name: "Hulp" }).click();
  await expect(page.getByRole("dialog", { name: "Hulp" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Hulp" })).toHaveCount(0);

  // The network recovers: the sync answers and the chats open.
  expect(heldSync).toBeDefined();
  await heldSync?.continue();
  await skipRecoveryOffer(page);
  await expect(page.getByRole("heading", { name: "Gesprekken" })).toBeVisible();
});
