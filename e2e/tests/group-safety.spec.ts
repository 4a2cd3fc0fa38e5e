// Complete mediation, as Noor (13-15) and Sam (11) see it on their phones:
// (1) Lotte, a friend, invites them into a group where someone they don't
//     know is waiting: Noor first sees the group safety overview (who invited,
//     who made it, who is inside and which of them are unknown) and chooses;
//     Sam's is held aside, with nobody's name of the stranger and no join;
// (2) Lotte adds someone unknown to a chat Noor is already in: Noor sees it
//     announced in the chat when it happens, with help, and what the newcomer
//     writes stays behind "Toch bekijken" until she chooses to see it.
// The strangers and Lotte run the client's own Matrix layer in Node (real
// Megolm), so the messages are encrypted exactly as the app's are.
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "../support/test.ts";
import type { ChatSession } from "@safety-by-design/client/actors";
import { ensureDirectChat, signedInSession, until } from "../../tools/lib/conversations.ts";
import { ensureAccount, resolveHomeserver } from "../../tools/lib/homeserver.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { personaOnPhone } from "../support/personas.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import { E2E_INSTANCE } from "../support/e2eInstance.ts";

const homeserver = resolveHomeserver(E2E_INSTANCE);
const sessions: ChatSession[] = [];

/** A fresh account with this display name, on a device of its own (Rust crypto in Node). */
async function stranger(displayName: string): Promise<ChatSession> {
  const username = `stranger-${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  await ensureAccount(homeserver, { username, password, displayName });
  const session = await signedInSession(homeserver, { username, password });
  sessions.push(session);
  return session;
}

async function lotte(): Promise<ChatSession> {
  const session = await signedInSession(homeserver, { username: "lotte", password: DEMO_PASSWORD });
  sessions.push(session);
  return session;
}

async function joinInvitation(session: ChatSession, roomId: string): Promise<void> {
  await until(() => session.invitations().find((i) => i.roomId === roomId), "the invitation");
  await session.join(roomId);
  await until(() => session.room(roomId)?.membership === "join" || undefined, "joined");
}

async function noAxeViolations(page: Page): Promise<void> {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

test.beforeAll(async () => {
  const noor = { username: "noor", password: DEMO_PASSWORD };
  const sam = { username: "sam", password: DEMO_PASSWORD };
  const lotteLogin = { username: "lotte", password: DEMO_PASSWORD };
  await ensureDirectChat(homeserver, noor, lotteLogin);
  await ensureDirectChat(homeserver, sam, lotteLogin);
});

test.afterAll(async () => {
  for (const session of sessions) await session.signOut().catch(() => undefined);
});

test("a friend's group with someone unknown inside: the overview first for Noor, held aside for Sam", async ({
  browser,
}) => {
  const groupName = `Klas 2B ${randomBytes(2).toString("hex")}`;
  const secret = `foto-${randomBytes(3).toString("hex")}`;
  const friend = await lotte();
  const unknown = await stranger("Jeroen");
  const roomId = await friend.createEncryptedGroup(groupName, [unknown.userId]);
  await joinInvitation(unknown, roomId);
  await unknown.sendText(roomId, `stuur je een ${secret}?`);
  for (const minor of ["@sam:localhost", "@noor:localhost"]) {
    await friend.inviteToRoom(roomId, minor);
  }

  const noor = await personaOnPhone(browser, "noor");
  await noor.getByRole("button", { name: /^Verzoeken/ }).click();
  await noor.getByRole("button", { name: /Lotte/ }).first().click();
  await expect(noor.getByRole("heading", { name: "Wie zit er in deze groep?" })).toBeVisible();
  await expect(noor.getByText("Uitgenodigd door")).toBeVisible();
  await expect(noor.getByText(groupName)).toBeVisible();
  const members = noor.locator(".overview-members");
  await expect(members.getByText("onbekend, we weten niet hoe oud").first()).toBeVisible();
  await expect(members.getByText("vriend")).toBeVisible();
  await expect(
    noor.locator(".notice").filter({ hasText: /In deze groep zit iemand die je niet kent/ }),
  ).toBeVisible();
  // Nothing anyone wrote in the group shows before she chooses.
  await expect(noor.getByText(secret)).toHaveCount(0);
  // Her engine asks her to read first: saying no leads, joining is an ordinary button.
  await expect(noor.getByRole("button", { name: "Nee, weg ermee" })).toHaveClass(/primary/);
  await expect(noor.getByRole("button", { name: "Toch meedoen" })).not.toHaveClass(/primary/);
  await noAxeViolations(noor);
  await saveDocScreenshot(noor, "group-overview");
  // Why she sees the overview first: the engine's rule, in words for a 14-year-old.
  const noorWhy = noor.locator("details.why");
  await noorWhy.getByText("Waarom zie ik dit?").click();
  await expect(
    noorWhy.getByText(/Ook als een vriend je uitnodigt\. Daarom zie je eerst wie erin zit\./),
  ).toBeVisible();

  const sam = await personaOnPhone(browser, "sam");
  await sam.getByRole("button", { name: /^Verzoeken/ }).click();
  await sam.getByRole("button", { name: /Lotte/ }).first().click();
  await expect(sam.getByRole("heading", { name: "Wie zit er in deze groep?" })).toBeVisible();
  await expect(sam.getByRole("button", { name: "Toch meedoen" })).toHaveCount(0);
  await expect(
    sam.locator(".overview-members").getByText("Iemand die je niet kent").first(),
  ).toBeVisible();
  await expect(sam.getByText("Jeroen")).toHaveCount(0);
  await expect(sam.getByText(secret)).toHaveCount(0);
  await noAxeViolations(sam);
  await saveDocScreenshot(sam, "group-overview-8-12");
  // Why, in words for an 11-year-old (not the teens' words).
  const samWhy = sam.locator("details.why");
  await samWhy.getByText("Waarom zie ik dit?").click();
  await expect(
    samWhy.getByText(/Daarom laten we eerst zien wie erin zit, en niet wat er staat\./),
  ).toBeVisible();
  await expect(samWhy.getByText(/Ook als een vriend je uitnodigt/)).toHaveCount(0);

  // Noor reads and chooses to join: then the group shows, and what Jeroen writes from
  // now on (what he wrote before she joined was encrypted before her phone was there).
  await noor.getByRole("button", { name: "Toch meedoen" }).click();
  await expect(noor.getByRole("heading", { name: groupName })).toBeVisible();
  await until(
    () =>
      unknown
        .room(roomId)
        ?.members.find((m) => m.userId === "@noor:localhost" && m.membership === "join"),
    "Noor in the group, for Jeroen's device",
  );
  await unknown.sendText(roomId, `nog een ${secret}`);
  await expect(noor.getByText(`nog een ${secret}`)).toBeVisible();
  // Everyone in it was in the overview she read: nobody to announce.
  await expect(noor.getByRole("group", { name: "Nieuw in dit gesprek" })).toHaveCount(0);
});

test("someone unknown added to a chat Noor is in is announced there, with help, and kept back until she chooses", async ({
  browser,
}) => {
  const groupName = `Vriendinnen ${randomBytes(2).toString("hex")}`;
  const secret = `geheim-${randomBytes(3).toString("hex")}`;
  const friend = await lotte();
  const roomId = await friend.createEncryptedGroup(groupName, ["@noor:localhost"]);

  const noor = await personaOnPhone(browser, "noor");
  // Only friends inside: Lotte's invitation is with her chats, as a normal invitation.
  await noor
    .getByRole("listitem")
    .filter({ hasText: groupName })
    .getByRole("button", { name: "Accepteren" })
    .click();
  await expect(noor.getByRole("heading", { name: groupName })).toBeVisible();
  await friend.sendText(roomId, "Hoi Noor!");
  await expect(noor.getByText("Hoi Noor!")).toBeVisible();

  const unknown = await stranger("Lotte's neef Kevin");
  await friend.inviteToRoom(roomId, unknown.userId);
  await joinInvitation(unknown, roomId);
  await unknown.sendText(roomId, `ik ben ${secret}`);

  const newcomer = noor.getByRole("group", { name: "Nieuw in dit gesprek" });
  await expect(newcomer).toBeVisible();
  await expect(newcomer).toContainText("Iemand die je niet kent");
  await expect(newcomer).toContainText("is erbij gekomen.");
  await expect(newcomer.getByText(/Er is iemand bij dit gesprek gekomen/)).toBeVisible();
  await expect(newcomer.getByRole("link", { name: /Kindertelefoon/ }).first()).toBeVisible();
  await expect(noor.getByText("Bericht van iemand die je niet kent.")).toBeVisible();
  await expect(noor.getByText(secret)).toHaveCount(0);
  await expect(noor.getByText("Kevin")).toHaveCount(0);
  await noAxeViolations(noor);
  await newcomer.evaluate((element) => {
    element.scrollIntoView({ block: "start" });
  });
  await saveDocScreenshot(noor, "member-joined");
  // Why he is announced: the engine's rule, in words for a 14-year-old.
  const why = newcomer.locator("details.why");
  await why.getByText("Waarom zie ik dit?").click();
  await expect(
    why.getByText("Er kwam iemand bij dit gesprek die je niet kent. Dat laten we je altijd weten."),
  ).toBeVisible();

  // Her choice: she wants to see what he writes.
  await noor.locator(".message.kept-back").getByRole("button", { name: "Toch bekijken" }).click();
  await expect(noor.getByText(`ik ben ${secret}`)).toBeVisible();
});
