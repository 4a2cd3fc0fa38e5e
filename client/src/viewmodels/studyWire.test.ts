// What a participant's device sends to the classroom's study service, taken
// off the wire: the real study link (studyLink.ts) under the real session
// screens (view models over the real engine and nl-default), in a scenario
// where every name, account and message holds a canary. A verified adult
// stranger writes to a 13-15 participant; the participant opens the request, its "why", help, then
// blocks; opens a friend's chat and writes back. Every body the device
// posts holds events of the closed vocabulary only (each one survives the
// service's own check unchanged), and no canary, name, Matrix ID, room or
// message.
import { createPolicyEngine, loadBundledPack } from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import { member, roomSnapshot, testRooms } from "../policy/testKit.ts";
import { unavailableReporting } from "../reporting/reportingSession.ts";
import { fakeBrowserHistory } from "./historyTestKit.ts";
import { Navigation } from "./navigation.ts";
import { fakeSession } from "./sessionTestKit.ts";
import { SessionViewModel, type RunningSession } from "./SessionViewModel.ts";
import { deviceStudyVocabulary } from "../study/deviceStudyLog.ts";
import { sanitizeEvent } from "../study/events.ts";
import { listStudyPacks } from "../study/packVariants.ts";
import { createStudyLink } from "../study/studyLink.ts";

const CANARY = "Kanarie7q";
const SELF = `@${CANARY.toLowerCase()}-deelnemer:hs`;
const STRANGER = `@${CANARY.toLowerCase()}-vreemde:hs`;
const FRIEND = `@${CANARY.toLowerCase()}-vriendin:hs`;
const SECRET_MESSAGE = `Stuur me een foto, ${CANARY}, niemand hoeft het te weten`;

/** The study service as the device meets it: a seat with consent; every posted body kept. */
function wire() {
  const posted: string[] = [];
  const fetchImpl = ((input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : input.toString();
    if (url.endsWith("/participant")) {
      return Promise.resolve(Response.json({ consent: true, packId: "nl-default" }));
    }
    posted.push(typeof init?.body === "string" ? init.body : "");
    return Promise.resolve(Response.json({ recorded: 1, refused: 0 }));
  }) as typeof fetch;
  const link = createStudyLink({
    baseUrl: "https://127.0.0.2:8443/study",
    fetch: fetchImpl,
    wait: () => Promise.resolve(),
    failed: () => undefined,
  });
  return { link, posted };
}

/** The participant's session: a friend's chat with a canary message, a stranger's request. */
function canarySession(sent: [string, string][]): RunningSession {
  const base = fakeSession({
    userId: SELF,
    sendText: (roomId, text) => {
      sent.push([roomId, text]);
      return Promise.resolve("$sent");
    },
    conversation: (roomId) =>
      roomId === "!friend"
        ? {
            roomId,
            name: `${CANARY} Vriendin`,
            encrypted: true,
            members: [
              {
                userId: FRIEND,
                name: `${CANARY} Vriendin`,
                label: `${CANARY} Vriendin`,
                disambiguated: false,
                membership: "join",
              },
            ],
            messages: [
              {
                eventId: `$${CANARY}`,
                sender: FRIEND,
                timestamp: 1,
                kind: "text",
                body: SECRET_MESSAGE,
                sendState: "sent",
              },
            ],
            canLoadOlder: false,
          }
        : undefined,
  });
  const { store, gateway } = testRooms({
    self: SELF,
    bands: new Map([
      [SELF, { ageBand: "13-15", ageVerified: true }],
      [STRANGER, { ageBand: "18+", ageVerified: true }],
    ]),
    contacts: new Map([[FRIEND, `${CANARY} Vriendin`]]),
    engine: createPolicyEngine(loadBundledPack("nl-default")),
    rooms: [
      roomSnapshot({
        roomId: "!friend",
        membership: "join",
        isDirect: true,
        members: [member(FRIEND, `${CANARY} Vriendin`)],
      }),
      roomSnapshot({
        roomId: `!${CANARY}`,
        isDirect: true,
        members: [member(STRANGER, `${CANARY} Vreemde`)],
      }),
    ],
  });
  return { ...base, gateway, rooms: store, reports: unavailableReporting(), stop: vi.fn() };
}

describe("what a participant's device sends to the study service", () => {
  it("is the closed vocabulary only: no message, name, account or room, whatever the screens showed", async () => {
    const { link, posted } = wire();
    expect(await link.join("seat-token")).toEqual({
      packId: "nl-default",
      resetAfterSession: true,
    });
    const sent: [string, string][] = [];
    const session = new SessionViewModel(canarySession(sent), {
      locale: () => "nl",
      openHelp: () => {
        link.recorder.record({ kind: "help-opened", moment: "general" });
      },
      signOut: () => Promise.resolve(),
      reportError: () => undefined,
      wakeAt: () => () => undefined,
      study: link.recorder,
      navigation: new Navigation(fakeBrowserHistory().browser, "load-1"),
    });
    await session.open(false);

    // The stranger's request: its notice, its "why", a help resource, then block.
    const list = session.getSnapshot().screen;
    if (list.kind !== "chats") throw new Error(`expected chats, got ${list.kind}`);
    list.chatList.openRequest(`!${CANARY}`);
    const request = session.getSnapshot().screen;
    if (request.kind !== "request") throw new Error(`expected request, got ${request.kind}`);
    expect(JSON.stringify(request.request.getSnapshot())).toContain(CANARY);
    request.request.openWhy();
    request.request.openHelpResource("kindertelefoon");
    await request.request.block();

    // The friend's chat, with the canary on screen, and a reply.
    const back = session.getSnapshot().screen;
    if (back.kind !== "chats") throw new Error(`expected chats, got ${back.kind}`);
    back.chatList.open("!friend");
    const chat = session.getSnapshot().screen;
    if (chat.kind !== "conversation") throw new Error(`expected chat, got ${chat.kind}`);
    expect(JSON.stringify(chat.conversation.getSnapshot())).toContain(SECRET_MESSAGE);
    chat.conversation.setDraft(`Nee ${CANARY}, dat doe ik niet`);
    await chat.conversation.send();
    expect(sent).toEqual([["!friend", `Nee ${CANARY}, dat doe ik niet`]]);
    await link.settled();

    const events = posted.flatMap((body) => (JSON.parse(body) as { events: unknown[] }).events);
    const kinds = events.map((e) => (e as { kind: string }).kind);
    expect(kinds).toEqual(
      expect.arrayContaining(["notice-shown", "why-opened", "request-answered"]),
    );
    const vocabulary = deviceStudyVocabulary(listStudyPacks());
    for (const event of events) {
      // The service keeps what passes this check; the device sends nothing it would cut.
      expect(sanitizeEvent(event, vocabulary)).toEqual(event);
    }
    const wireText = posted.join("\n");
    for (const forbidden of [
      CANARY,
      CANARY.toLowerCase(),
      "Vriendin",
      "Vreemde",
      "!",
      "$",
      "foto",
    ]) {
      expect(wireText).not.toContain(forbidden);
    }
    // An "@" only in the engine's decision ids (pack@version), never a Matrix ID.
    expect(wireText).not.toMatch(/@[a-z0-9._=/-]+:/);
    expect(wireText).not.toContain("policy-error");
    session.dispose();
  });
});
