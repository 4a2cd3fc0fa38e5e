// Signing in leaves the browser's console clean: no errors and no failed
// requests, as each persona. What the app does not need, it does not ask (the
// admin API only for the moderation team's accounts, a read receipt only for
// an event the person can see, no call-transport look-up in an app without
// calls). What the protocol answers with an error status by design is listed
// below with its reason; nothing else may appear.
import { expect, test, type Page } from "../support/test.ts";
import { PERSONAS } from "../../tools/lib/personas.ts";
import { signIn } from "../support/personas.ts";

/** Failed requests that are the protocol's normal answer, each with why. */
const EXPECTED_FAILURES: readonly {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  readonly why: string;
}[] = [
  {
    method: "GET",
    path: /\/_matrix\/client\/v3\/room_keys\/version$/,
    status: 404,
    why: "an account without a key backup: the Matrix spec's answer to 'which backup is newest?' is 404 M_NOT_FOUND (asked by the SDK's backup check at start and by our recovery check)",
  },
  {
    method: "POST",
    path: /^\/v1\/attestations$/,
    status: 404,
    why: "an account with no age check on record (Mark, unverified): the age issuer answers 404 NOT_VERIFIED; the device asks at each start, since a check may have been done since",
  },
];

type Problem = { readonly kind: string; readonly text: string };

/** Collects console errors and failed requests from now on, minus the expected ones. */
function watch(page: Page): Problem[] {
  const problems: Problem[] = [];
  const expected = (method: string, url: string, status: number): boolean =>
    EXPECTED_FAILURES.some(
      (failure) =>
        failure.method === method &&
        failure.status === status &&
        failure.path.test(new URL(url).pathname),
    );
  const expectedUrls = new Set<string>();
  page.on("response", (response) => {
    if (response.status() < 400) return;
    const request = response.request();
    if (expected(request.method(), response.url(), response.status())) {
      expectedUrls.add(response.url());
      return;
    }
    problems.push({
      kind: "failed request",
      text: `${request.method()} ${response.url()} ${String(response.status())}`,
    });
  });
  page.on("requestfailed", (request) => {
    // A request the page itself ended (a long poll when the page goes) is not a failure.
    if (request.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push({
      kind: "request failed",
      text: `${request.method()} ${request.url()} ${request.failure()?.errorText ?? ""}`,
    });
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // The browser's own line for an expected failed request ("Failed to load resource").
    if (expectedUrls.has(message.location().url)) return;
    problems.push({ kind: "console error", text: message.text() });
  });
  page.on("pageerror", (error) => {
    problems.push({ kind: "page error", text: error.message });
  });
  return problems;
}

for (const persona of PERSONAS) {
  test(`${persona.displayName} signs in with a clean console`, async ({ page }) => {
    const problems = watch(page);
    await signIn(page, persona.username);
    // What a session starts after the first screen (age exchange, reports, moderation) has run.
    await page.waitForTimeout(3_000);
    expect(problems).toEqual([]);
  });
}
