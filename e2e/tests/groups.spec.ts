// Small groups: Noor makes a group with Lotte. Someone calling themselves
// "L0tte" is in it too, so every message from either shows who really sent it.
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/test.ts";
import { ensureDirectChat } from "../../tools/lib/conversations.ts";
import { ensureAccount, resolveHomeserver } from "../../tools/lib/homeserver.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import {
  rawInvitedRoomIds,
  rawJoin,
  rawLogin,
  rawLogout,
  rawSetDisplayName,
} from "../../tools/lib/rawMatrix.ts";
import { personaOnPhone } from "../support/personas.ts";
import { E2E_INSTANCE } from "../support/e2eInstance.ts";

const homeserver = resolveHomeserver(E2E_INSTANCE);

test.beforeAll(async () => {
  await ensureDirectChat(
    homeserver,
    { username: "noor", password: DEMO_PASSWORD },
    { username: "lotte", password: DEMO_PASSWORD },
  );
});

test("a group of friends works, and look-alike names are told apart", async ({ browser }) => {
  const username = `lookalike-${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  await ensureAccount(homeserver, { username, password, displayName: "L0tte" });
  const impostor = await rawLogin(homeserver, username, password);
  await rawSetDisplayName(impostor, "L0tte");

  const noor = await personaOnPhone(browser, "noor");
  const lotte = await personaOnPhone(browser, "lotte");
  const groupName = `Klas 2B ${randomBytes(2).toString("hex")}`;

  await noor.getByRole("button", { name: "Nieuwe groep" }).click();
  await noor.getByLabel("Naam van de groep").fill(groupName);
  await noor.getByLabel("Wie doet er mee?").fill(`@lotte:localhost\n${impostor.userId}`);
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await noor.getByRole("button", { name: "Groep maken" }).click();
  // Noor is a verified 13-15 and "L0tte" has no verified age: her engine asks her to read first.
  await expect(noor.getByRole("alert")).toContainText(impostor.userId);
  await noor.getByRole("button", { name: "Toch groep maken" }).click();
  await expect(noor.getByRole("heading", { name: groupName })).toBeVisible();

  await expect.poll(() => rawInvitedRoomIds(impostor)).not.toHaveLength(0);
  for (const roomId of await rawInvitedRoomIds(impostor)) await rawJoin(impostor, roomId);

  // Noor is Lotte's contact, and when Lotte was invited "L0tte" was not in the group yet:
  // Lotte's own engine shows the invitation with her chats.
  await lotte
    .getByRole("listitem")
    .filter({ hasText: groupName })
    .getByRole("button", { name: "Accepteren" })
    .click();
  await expect(lotte.getByRole("heading", { name: groupName })).toBeVisible();
  // Inside, "L0tte" is someone Lotte never chose to see: announced, name kept back.
  const newcomer = lotte.getByRole("group", { name: "Nieuw in dit gesprek" });
  await expect(newcomer).toContainText("Iemand die je niet kent");
  await expect(newcomer).not.toContainText("L0tte");
  const hello = `Hoi allemaal ${randomBytes(3).toString("hex")}`;
  await lotte.getByRole("textbox", { name: "Bericht" }).fill(hello);
  await lotte.getByRole("button", { name: "Versturen" }).click();

  const message = noor.locator(".message").filter({ hasText: hello });
  await expect(message).toBeVisible();
  await expect(message.locator(".message-sender")).toHaveText("Lotte (@lotte:localhost)");
  await rawLogout(impostor);
});
