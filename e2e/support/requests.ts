// e2e support: Requests under complete mediation. The list never names a
// stranger the engine keeps back: their row reads "Iemand die je niet kent"
// with a shape tag that is stable per account (policy/roomDecisionStore.ts).
// So a test finds a stranger's request by that tag in a list it cleared first,
// and checks who it is only where the person may read it.
import { expect, type Locator, type Page } from "@playwright/test";
import { strangerTag } from "@safety-by-design/client/headless";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { rawInvitedRoomIds, rawLeave, rawLogin, rawLogout } from "../../tools/lib/rawMatrix.ts";
import { homeserver } from "./strangers.ts";

/**
 * Declines every invitation a persona still has pending (earlier runs leave
 * requests behind), so the next request in their list is the test's own.
 */
export async function declinePendingRequests(username: string): Promise<void> {
  const session = await rawLogin(homeserver, username, DEMO_PASSWORD);
  try {
    for (const roomId of await rawInvitedRoomIds(session)) await rawLeave(session, roomId);
  } finally {
    await rawLogout(session);
  }
}

/** The accessible name of a kept-back person's label: "Iemand die je niet kent teken N". */
export function unknownPersonLabel(userId: string): string {
  return `Iemand die je niet kent teken ${String(strangerTag(userId) + 1)}`;
}

/** Opens Requests; returns the row of the request from `userId`, shown without their name or ID. */
export async function strangerRequestRow(
  page: Page,
  userId: string,
  displayName: string,
  options: { readonly timeout?: number } = {},
): Promise<Locator> {
  await page.getByRole("button", { name: /^Verzoeken/ }).click();
  const row = page.getByRole("listitem").getByRole("button", {
    name: new RegExp(`^${unknownPersonLabel(userId)} `),
  });
  await expect(row).toBeVisible(options);
  // Names are content: nothing the stranger chose reaches the list.
  const list = page.getByRole("region", { name: "Verzoeken" });
  await expect(list).not.toContainText(displayName);
  await expect(list).not.toContainText(userId);
  return row;
}
