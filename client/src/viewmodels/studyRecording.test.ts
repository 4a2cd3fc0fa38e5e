// Over 400 lines on purpose: every screen's study events side by side, against one vocabulary.
// What the screens tell a usability study's log, and when: notices shown,
// "why?" and help opened, the participant's choices, reports filed. Every
// event is a valid event of the lab device's vocabulary (so the log keeps it)
// and carries engine ids and closed values only. With NO_STUDY, the default,
// nothing is recorded and the screens behave the same.

import {
  createPolicyEngine,
  loadBundledPack,
  type PersonFacts,
} from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import type { ConversationSnapshot } from "../matrix/sessionTypes.ts";
import type { ReportStatus } from "../reporting/outbox.ts";
import type { ReportFiler } from "../reporting/reportFiler.ts";
import { ageFactsFromVerified, UNVERIFIED } from "../policy/ageFacts.ts";
import { conversationNoticeDecider } from "../policy/decideConversationNotices.ts";
import { helpDecider } from "../policy/decideHelp.ts";
import { reportDecider } from "../policy/decideReport.ts";
import { createPolicyGateway } from "../policy/policyGateway.ts";
import { member, roomSnapshot, testRooms } from "../policy/testKit.ts";
import { deviceStudyVocabulary } from "../study/deviceStudyLog.ts";
import { sanitizeEvent, type StudyEventInput } from "../study/events.ts";
import { listStudyPacks } from "../study/packVariants.ts";
import type { StudyRecorder } from "../study/recorder.ts";
import {
  ConversationReminderViewModel,
  type ConversationReminderSource,
} from "./ConversationReminderViewModel.ts";
import { ConversationViewModel, type ConversationSource } from "./ConversationViewModel.ts";
import { NewChatViewModel } from "./NewChatViewModel.ts";
import { ReportSheetViewModel } from "./ReportSheetViewModel.ts";
import { RequestViewModel, type RequestSource } from "./RequestViewModel.ts";
import { RootViewModel } from "./RootViewModel.ts";
import { fakeBrowserHistory } from "./historyTestKit.ts";
import { Navigation } from "./navigation.ts";

const NOOR = "@noor:hs";
const ALEX = "@alex:hs";
const NOW = Date.UTC(2026, 10, 23, 12);
const TEEN: PersonFacts = { ageBand: "13-15", ageVerified: true };
const ADULT: PersonFacts = { ageBand: "18+", ageVerified: true };
const DECISION_ID = /^nl-default@\d+\.\d+\.\d+\/[a-z-]+\/[0-9a-f]{16}$/;
const vocabulary = deviceStudyVocabulary(listStudyPacks());

/** A StudyRecorder that keeps what it is given. */
function capture(): StudyRecorder & { readonly events: StudyEventInput[] } {
  const events: StudyEventInput[] = [];
  return {
    events,
    record: (event) => {
      events.push(event);
    },
  };
}

/** Each event passes the study log's own checks, so the device's log would keep it. */
function expectRecordable(events: readonly StudyEventInput[]): void {
  for (const event of events) expect(sanitizeEvent(event, vocabulary)).toEqual(event);
}

function gatewayFor(self: string, ages: ReadonlyMap<string, PersonFacts>, clock = () => NOW) {
  return createPolicyGateway({
    engine: createPolicyEngine(loadBundledPack("nl-default")),
    clock,
    ages: ageFactsFromVerified(self, ages),
    relationships: { userId: self, serverName: "hs", contacts: () => [], sharedRoomCount: () => 0 },
    helpServiceNames: [],
  });
}

describe("the request screen", () => {
  const invitation = roomSnapshot({
    roomId: "!req",
    isDirect: true,
    members: [member(ALEX, "Alex")],
  });

  function setUp(study?: StudyRecorder) {
    const source: RequestSource = {
      join: vi.fn(() => Promise.resolve()),
      acceptMembers: vi.fn(() => Promise.resolve()),
      recordConversationOrigin: vi.fn(() => Promise.resolve()),
      leave: vi.fn(() => Promise.resolve()),
      block: vi.fn(() => Promise.resolve()),
      declinedRequestMessages: vi.fn(() => Promise.resolve([])),
    };
    // Noor (13-15) and an unknown adult: a request she may accept after reading.
    const rooms = testRooms({
      self: NOOR,
      bands: new Map([
        [NOOR, TEEN],
        [ALEX, ADULT],
      ]),
      rooms: [invitation],
    });
    const navigation = { back: vi.fn(), openConversation: vi.fn(), report: vi.fn() };
    const vm = new RequestViewModel(source, rooms.store, "!req", navigation, study);
    // A sync with the same facts: the store keeps the decision it made.
    const sync = () => {
      rooms.set([invitation]);
    };
    return { vm, sync, source };
  }

  it("records each notice once, on opening, however often the screen refreshes", () => {
    const study = capture();
    const t = setUp(study);
    t.sync();
    t.sync();
    const view = t.vm.getSnapshot();
    if (!view.found) throw new Error("request not found");
    expect(view.notices.length).toBeGreaterThan(0);
    expect(study.events).toEqual(
      view.notices.map((notice) => ({
        kind: "notice-shown",
        decisionId: expect.stringMatching(DECISION_ID) as string,
        packId: "nl-default",
        noticeId: notice.id,
        copyKey: notice.copyKey,
      })),
    );
    expectRecordable(study.events);
  });

  it.each([
    ["accept", "accepted"],
    ["ignore", "ignored"],
    ["block", "blocked"],
    ["blockAndReport", "blocked"],
  ] as const)(
    "records %s as %s, on the decision whose notice was shown",
    async (action, choice) => {
      const study = capture();
      const t = setUp(study);
      t.sync(); // a later refresh decides anew: the answer still joins the notice shown
      await t.vm[action]();
      const shown = study.events[0];
      if (shown?.kind !== "notice-shown") throw new Error("no notice recorded");
      expect(study.events.at(-1)).toEqual({
        kind: "request-answered",
        decisionId: shown.decisionId,
        packId: "nl-default",
        choice,
      });
      expect(study.events.filter((e) => e.kind === "request-answered")).toHaveLength(1);
      expectRecordable(study.events);
    },
  );

  it("records nothing when an answer fails", async () => {
    const study = capture();
    const t = setUp(study);
    vi.mocked(t.source.leave).mockRejectedValueOnce(new Error("offline"));
    await expect(t.vm.ignore()).rejects.toThrow("offline");
    expect(study.events.map((e) => e.kind)).not.toContain("request-answered");
  });

  it("records 'why?' opened and a help organisation tapped", () => {
    const study = capture();
    const t = setUp(study);
    study.events.length = 0;
    t.vm.openWhy();
    t.vm.openHelpResource("kindertelefoon");
    expect(study.events).toEqual([
      {
        kind: "why-opened",
        decisionId: expect.stringMatching(DECISION_ID) as string,
        packId: "nl-default",
      },
      { kind: "help-resource-opened", moment: "after-warning", resource: "kindertelefoon" },
    ]);
    expectRecordable(study.events);
  });

  it("works the same and records nothing with NO_STUDY (the default)", async () => {
    const t = setUp();
    t.vm.openWhy();
    await t.vm.accept();
    expect(t.source.join).toHaveBeenCalledWith("!req");
  });
});

describe("the new chat screen", () => {
  function setUp(self: string, ages: ReadonlyMap<string, PersonFacts>, study: StudyRecorder) {
    const navigation = { back: vi.fn(), openConversation: vi.fn() };
    const source = {
      userId: self,
      directChatWith: () => undefined,
      createEncryptedDirectChat: vi.fn(() => Promise.resolve("!new")),
    };
    const vm = new NewChatViewModel(source, gatewayFor(self, ages), navigation, study);
    return { vm, navigation, source };
  }

  it("records the deterrence notice an adult gets, and going back as 'cancel'", async () => {
    const study = capture();
    const t = setUp(
      ALEX,
      new Map([
        [ALEX, ADULT],
        [NOOR, TEEN],
      ]),
      study,
    );
    t.vm.setMatrixId(NOOR);
    await t.vm.submit();
    const answer = t.vm.getSnapshot().answer;
    // Refused: nothing to continue to.
    expect(answer?.canContinue).toBe(false);
    t.vm.openHelpResource("stop-it-now");
    t.vm.back();
    const decisionId = expect.stringMatching(DECISION_ID) as string;
    expect(study.events).toEqual([
      ...(answer?.notices ?? []).map((notice) => ({
        kind: "notice-shown",
        decisionId,
        packId: "nl-default",
        noticeId: notice.id,
        copyKey: notice.copyKey,
      })),
      { kind: "help-resource-opened", moment: "after-deterrence", resource: "stop-it-now" },
      { kind: "action-chosen", decisionId, packId: "nl-default", action: "cancel" },
    ]);
    // The choice refers to the decision whose notices were shown.
    const ids = new Set(study.events.flatMap((e) => ("decisionId" in e ? [e.decisionId] : [])));
    expect(ids.size).toBe(1);
    expect(study.events[0]?.kind).toBe("notice-shown");
    expectRecordable(study.events);
  });

  it("records nothing for a chat the engine simply allows", async () => {
    const study = capture();
    // Two verified 13-15s: peers. (With nothing known about either, the
    // engine would not simply allow it: an unanswered recipient gets a notice.)
    const t = setUp(
      NOOR,
      new Map([
        [NOOR, TEEN],
        ["@lotte:hs", TEEN],
      ]),
      study,
    );
    t.vm.setMatrixId("@lotte:hs");
    await t.vm.submit();
    expect(t.vm.getSnapshot().answer).toBeUndefined();
    expect(t.navigation.openConversation).toHaveBeenCalledWith("!new");
    t.vm.back();
    expect(study.events).toEqual([]);
  });
});

describe("the reminder in a conversation", () => {
  function setUp(study: StudyRecorder) {
    const listeners = new Set<() => void>();
    const conversation = (roomId: string): ConversationSnapshot => ({
      roomId,
      name: "Alex",
      encrypted: true,
      members: [
        { userId: NOOR, name: "Noor", label: "Noor", disambiguated: false, membership: "join" },
        { userId: ALEX, name: "Alex", label: "Alex", disambiguated: false, membership: "join" },
      ],
      messages: [],
      canLoadOlder: false,
    });
    const source: ConversationReminderSource & ConversationSource = {
      userId: NOOR,
      conversation,
      conversationOrigin: () => ({ origin: "accepted-request", acceptedAt: NOW }),
      joinedAt: () => NOW,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      sendText: () => Promise.resolve("$sent"),
      retry: () => Promise.resolve(),
      loadOlder: () => Promise.resolve(false),
      markRead: () => Promise.resolve(),
      leave: vi.fn(() => Promise.resolve()),
      block: vi.fn(() => Promise.resolve()),
      unblock: vi.fn(() => Promise.resolve()),
      blockedUsers: [],
      acceptMembers: vi.fn(() => Promise.resolve()),
    };
    let now = NOW;
    const decide = conversationNoticeDecider({
      engine: createPolicyEngine(loadBundledPack("nl-default")),
      clock: () => now,
      ages: ageFactsFromVerified(NOOR, new Map()),
      resemblesContact: () => false,
      resemblesHelpService: () => false,
    });
    const reminder = new ConversationReminderViewModel(
      source,
      decide,
      "!dm",
      () => () => undefined,
      study,
    );
    const onClosed = vi.fn();
    const rooms = testRooms({
      self: NOOR,
      bands: new Map(),
      contacts: new Map([[ALEX, "Alex"]]),
      rooms: [
        roomSnapshot({
          roomId: "!dm",
          membership: "join",
          isDirect: true,
          members: [member(ALEX, "Alex")],
        }),
      ],
    });
    const conversationVm = new ConversationViewModel(
      source,
      rooms.store,
      "!dm",
      onClosed,
      reminder,
      vi.fn(),
    );
    const sync = () => {
      now += 1000;
      for (const listener of listeners) listener();
    };
    return { reminder, conversation: conversationVm, sync };
  }

  it("records its notice once, 'why?', help tapped, and block with the reminder's decision", async () => {
    const study = capture();
    const t = setUp(study);
    t.sync();
    t.sync();
    expect(t.reminder.getSnapshot().notices).toHaveLength(1);
    t.reminder.openWhy();
    t.reminder.openHelpResource("kindertelefoon");
    await t.conversation.block(t.conversation.getSnapshot().others[0]?.handle ?? "");
    const ref = {
      decisionId: expect.stringMatching(DECISION_ID) as string,
      packId: "nl-default",
    };
    expect(study.events).toEqual([
      {
        kind: "notice-shown",
        ...ref,
        noticeId: "recently-accepted-unknown-adult",
        copyKey: "notice.recentlyAcceptedUnknownAdult.general",
      },
      { kind: "why-opened", ...ref },
      { kind: "help-resource-opened", moment: "after-warning", resource: "kindertelefoon" },
      { kind: "action-chosen", ...ref, action: "block" },
    ]);
    const ids = new Set(study.events.flatMap((e) => ("decisionId" in e ? [e.decisionId] : [])));
    expect(ids.size).toBe(1);
    expectRecordable(study.events);
  });
});

describe("help", () => {
  it("records the help screen opened with its moment, and a resource tapped", () => {
    const study = capture();
    const app = new RootViewModel({
      defaultHomeserverUrl: "http://hs",
      initialLocale: "nl",
      saveLocale: vi.fn(),
      loadCredentials: () => undefined,
      saveCredentials: vi.fn(),
      forgetCredentials: vi.fn(),
      signIn: vi.fn(),
      startSession: vi.fn(),
      restart: vi.fn(),
      reportError: vi.fn(),
      signedOutHelp: helpDecider(
        createPolicyEngine(loadBundledPack("nl-default")),
        () => NOW,
        () => UNVERIFIED,
        () => "nl-NL",
      ),
      navigation: new Navigation(fakeBrowserHistory().browser, "load-1"),
      leaveApp: vi.fn(),
      now: () => NOW,
      study,
    });
    app.openHelp("after-warning");
    app.getSnapshot().help?.openResource("kindertelefoon");
    expect(study.events).toEqual([
      { kind: "help-opened", moment: "after-warning" },
      { kind: "help-resource-opened", moment: "after-warning", resource: "kindertelefoon" },
    ]);
    expectRecordable(study.events);
    app.dispose();
  });
});

describe("the report sheet", () => {
  function filer(ok: boolean): ReportFiler {
    const status: ReportStatus = {
      reportId: "r1",
      createdAt: NOW,
      category: "grooming",
      target: { kind: "user", userId: ALEX },
      state: "queued",
      attempts: 0,
      partsDelivered: 0,
      partsTotal: 1,
      lastError: null,
      nextAttemptAt: null,
      deliveredAt: null,
    };
    return {
      canSend: true,
      file: () =>
        Promise.resolve(
          ok ? { ok: true, status } : { ok: false, reason: "not-stored", problems: [] },
        ),
      getSnapshot: () => ({ reports: [] }),
      subscribe: () => () => undefined,
      retry: () => Promise.resolve(),
    };
  }

  function sheet(reporting: ReportFiler, study: StudyRecorder) {
    return new ReportSheetViewModel(
      { kind: "request", roomId: "!req", userId: ALEX, displayName: "Alex" },
      {
        reporting,
        decide: reportDecider({
          engine: createPolicyEngine(loadBundledPack("nl-default")),
          clock: () => NOW,
          ages: { self: () => TEEN, about: () => ADULT },
          isContact: () => false,
          resemblance: () => ({ contact: false, helpService: false }),
        }),
        source: {
          userId: NOOR,
          conversation: () => undefined,
          person: (_roomId, userId) => ({ label: userId, shown: true }),
        },
        explanation: (category) => `Reported as ${category}.`,
        actions: { block: vi.fn(), leave: vi.fn(), help: vi.fn(), close: vi.fn() },
        study,
        readerBand: () => "13-15",
      },
    );
  }

  it("records a filed report: the engine's decision, category and target, nothing else", async () => {
    const study = capture();
    const vm = sheet(filer(true), study);
    vm.setCategory("grooming");
    vm.setNote("he asked for a photo of me, my number is 0612345678");
    await vm.file();
    expect(study.events).toEqual([
      {
        kind: "report-filed",
        decisionId: expect.stringMatching(/^nl-default@[\d.]+\/report\/[0-9a-f]{16}$/) as string,
        packId: "nl-default",
        category: "grooming",
        target: "request",
      },
    ]);
    expectRecordable(study.events);
  });

  it("records nothing when filing fails", async () => {
    const study = capture();
    await sheet(filer(false), study).file();
    expect(study.events).toEqual([]);
  });
});
