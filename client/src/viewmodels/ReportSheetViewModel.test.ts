import {
  createPolicyEngine,
  loadBundledPack,
  type PersonFacts,
  type ReportCategory as EngineCategory,
} from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import type { ConversationSnapshot, TimelineMessage } from "../matrix/chatSession.ts";
import { ReportOutbox } from "../matrix/reporting/outbox.ts";
import { readReportReasons } from "../matrix/reporting/parts.ts";
import { createReportFiler, type ReportFiler } from "../matrix/reporting/reportFiler.ts";
import { createMemoryReportStore, type ReportStore } from "../matrix/reporting/reportStore.ts";
import {
  generateModerationKeyPair,
  generateReporterSigningKeyPair,
  type ModerationKeyPair,
} from "../matrix/reporting/seal.ts";
import type { DeliveryResult, ReportTransport } from "../matrix/reporting/transport.ts";
import { UNVERIFIED } from "../policy/ageFacts.ts";
import { reportDecider } from "../policy/decideReport.ts";
import {
  ReportSheetViewModel,
  type ReportSheetActions,
  type ReportSubject,
} from "./ReportSheetViewModel.ts";

const NOOR = "@noor:localhost";
const ALEX = "@alex:localhost";
const ROOM = "!dm:localhost";
const TEEN: PersonFacts = { ageBand: "13-15", ageVerified: true };

function message(n: number, sender = ALEX, extra: Partial<TimelineMessage> = {}): TimelineMessage {
  return {
    eventId: `$event${n}`,
    sender,
    timestamp: 1_700_000_000_000 + n * 1000,
    kind: "text",
    body: `message ${n}`,
    sendState: "sent",
    ...extra,
  };
}

/** Noor and Alex: eight messages, one unreadable, and one of Noor's still unsent. */
function conversation(): ConversationSnapshot {
  return {
    roomId: ROOM,
    name: "Alex",
    encrypted: true,
    members: [
      { userId: NOOR, name: "Noor", label: "Noor", disambiguated: false, membership: "join" },
      { userId: ALEX, name: "Alex", label: "Alex", disambiguated: false, membership: "join" },
    ],
    messages: [
      message(1),
      message(2, NOOR),
      message(3, ALEX, { kind: "undecryptable", body: "" }),
      message(4),
      message(5, NOOR),
      message(6),
      { ...message(7, NOOR), eventId: "~local-txn", sendState: "sending" },
      message(8),
      message(9),
    ],
    canLoadOlder: false,
  };
}

/** A transport that answers only when the test says so. */
function heldTransport() {
  const reasons: string[] = [];
  const waiting: ((result: DeliveryResult) => void)[] = [];
  const answer = (reason: string): Promise<DeliveryResult> => {
    reasons.push(reason);
    return new Promise((resolve) => waiting.push(resolve));
  };
  const transport: ReportTransport = {
    reportEvent: (_roomId, _eventId, reason) => answer(reason),
    reportUser: (_userId, reason) => answer(reason),
  };
  return {
    transport,
    reasons,
    deliverAll: () => {
      for (const resolve of waiting.splice(0)) resolve({ kind: "delivered" });
    },
  };
}

type Setup = {
  readonly self?: PersonFacts;
  readonly configured?: boolean;
  readonly store?: ReportStore;
  readonly subject?: ReportSubject;
};

async function setUp(options: Setup = {}) {
  const team: ModerationKeyPair = await generateModerationKeyPair();
  const held = heldTransport();
  const outbox = await ReportOutbox.start({
    store: options.store ?? createMemoryReportStore(),
    transport: held.transport,
  });
  const reporting: ReportFiler = createReportFiler({
    userId: NOOR,
    moderationPublicKey: options.configured === false ? undefined : team.publicKey,
    signingKey: await generateReporterSigningKeyPair(),
    outbox,
  });
  const decide = reportDecider({
    engine: createPolicyEngine(loadBundledPack("nl-default")),
    clock: () => 1_700_000_100_000,
    ages: { self: () => options.self ?? UNVERIFIED, about: () => UNVERIFIED },
    isContact: () => false,
    resemblance: () => ({ contact: false, helpService: false }),
  });
  const actions = {
    block: vi.fn<ReportSheetActions["block"]>(() => Promise.resolve()),
    leave: vi.fn<ReportSheetActions["leave"]>(() => Promise.resolve()),
    help: vi.fn<(category: EngineCategory) => void>(),
    close: vi.fn<() => void>(),
  };
  const sheet = new ReportSheetViewModel(
    options.subject ?? { kind: "message", roomId: ROOM, eventId: "$event8" },
    {
      reporting,
      decide,
      source: {
        userId: NOOR,
        conversation: () => conversation(),
        person: (_roomId, userId) => ({
          label: conversation().members.find((m) => m.userId === userId)?.label ?? userId,
          shown: true,
        }),
      },
      explanation: (category) => `Reported as ${category}.`,
      actions,
    },
  );
  /** What the moderators read, once every part has arrived. */
  const opened = async () => {
    const inbox = await readReportReasons(held.reasons, team);
    const report = inbox.reports[0];
    if (report === undefined || !report.opened.ok) throw new Error("no report arrived");
    return report.opened;
  };
  return { sheet, outbox, held, actions, opened };
}

describe("the report sheet", () => {
  it("shows the reported message and the five sent messages before it, before anything is sent", async () => {
    const { sheet, held } = await setUp();
    const view = sheet.getSnapshot();
    expect(view.phase).toBe("review");
    expect(view.target).toBe("message");
    expect(view.reportedUserId).toBe(ALEX);
    expect(view.reported).toMatchObject({ eventId: "$event8", body: "message 8", readable: true });
    // The unsent local echo has no event ID: it is not offered.
    expect(view.context.map((row) => row.eventId)).toEqual([
      "$event2",
      "$event3",
      "$event4",
      "$event5",
      "$event6",
    ]);
    expect(view.context[1]).toMatchObject({ readable: false, body: "" });
    expect(view.context[0]).toMatchObject({ mine: true, senderLabel: "Noor" });
    expect(view.includeContext).toBe(true);
    // An unverified reporter: the engine's default is "other", and the name goes with it.
    expect(view.category).toBe("other");
    expect(view.identityOptional).toBe(false);
    expect(view.includeIdentity).toBe(true);
    expect(held.reasons).toEqual([]);
  });

  it("files with one tap: queued once stored, delivered when the server took it, with exactly what it showed", async () => {
    const { sheet, held, opened, outbox } = await setUp();
    await sheet.file();
    expect(sheet.getSnapshot().phase).toBe("filed");
    expect(["queued", "sending"]).toContain(sheet.getSnapshot().status);
    expect(sheet.getSnapshot().status).not.toBe("delivered");

    await vi.waitFor(() => {
      expect(held.reasons).toHaveLength(1);
    });
    held.deliverAll();
    await outbox.whenIdle();
    expect(sheet.getSnapshot().status).toBe("delivered");

    const report = await opened();
    expect(report.signature).toBe("valid");
    const { bundle } = report;
    expect(bundle.category).toBe("other");
    expect(bundle.notice.explanation).toBe("Reported as other.");
    expect(bundle.notice.reporter).toEqual({ kind: "identified", userId: NOOR });
    expect(bundle.notice.goodFaith).toEqual({ confirmed: true, statementKey: "report.goodFaith" });
    if (bundle.evidence.kind !== "messages") throw new Error("expected message evidence");
    expect(bundle.evidence.roomId).toBe(ROOM);
    expect(bundle.evidence.reported).toMatchObject({ eventId: "$event8", body: "message 8" });
    expect(bundle.evidence.context.map((m) => m.eventId)).toEqual(
      sheet.getSnapshot().context.map((row) => row.eventId),
    );
    expect(bundle.evidence.context[1]).toMatchObject({ kind: "undecryptable", body: "" });
  });

  it("leaves the conversation out when the reporter says so", async () => {
    const { sheet, held, opened, outbox } = await setUp();
    sheet.setIncludeContext(false);
    await sheet.file();
    await vi.waitFor(() => {
      expect(held.reasons).toHaveLength(1);
    });
    held.deliverAll();
    await outbox.whenIdle();
    const { bundle } = await opened();
    if (bundle.evidence.kind !== "messages") throw new Error("expected message evidence");
    expect(bundle.evidence.context).toEqual([]);
    expect(bundle.evidence.contextConsent).toBe(false);
    expect(bundle.notice.location).toMatchObject({ eventIds: ["$event8"] });
  });

  it("leaves a teen's name out of a grooming report unless they add it (DSA Art. 16(2)(c))", async () => {
    const withheld = await setUp({ self: TEEN });
    expect(withheld.sheet.getSnapshot()).toMatchObject({
      category: "grooming",
      identityOptional: true,
      includeIdentity: false,
      afterActions: ["block", "leave", "get-help"],
      advice: ["politie"],
    });
    await withheld.sheet.file();
    await vi.waitFor(() => {
      expect(withheld.held.reasons).toHaveLength(1);
    });
    withheld.held.deliverAll();
    const anonymous = await withheld.opened();
    expect(anonymous.signature).toBe("absent");
    expect(anonymous.bundle.notice.reporter.kind).toBe("withheld");

    const named = await setUp({ self: TEEN });
    named.sheet.setIncludeIdentity(true);
    await named.sheet.file();
    await vi.waitFor(() => {
      expect(named.held.reasons).toHaveLength(1);
    });
    named.held.deliverAll();
    const signed = await named.opened();
    expect(signed.signature).toBe("valid");
    expect(signed.bundle.notice.reporter).toEqual({ kind: "identified", userId: NOOR });
  });

  it("asks the engine again when the reporter picks a category, and sends the note", async () => {
    const { sheet, held, opened } = await setUp({ self: TEEN });
    sheet.setCategory("harassment");
    sheet.setNote("  He keeps writing at night.  ");
    // Harassment is not child sexual abuse: the name goes with it, and cannot be removed.
    sheet.setIncludeIdentity(false);
    expect(sheet.getSnapshot()).toMatchObject({
      category: "harassment",
      categoryChosen: true,
      identityOptional: false,
      includeIdentity: true,
      advice: [],
    });
    await sheet.file();
    await vi.waitFor(() => {
      expect(held.reasons).toHaveLength(1);
    });
    held.deliverAll();
    const { bundle } = await opened();
    expect(bundle.category).toBe("harassment");
    expect(bundle.note).toBe("He keeps writing at night.");
    expect(bundle.notice.explanation).toBe("Reported as harassment.");
  });

  it("says reports cannot be sent when no moderation key is configured, sends nothing, and still offers block and help", async () => {
    const { sheet, held } = await setUp({ configured: false });
    expect(sheet.getSnapshot().phase).toBe("unavailable");
    expect(sheet.getSnapshot().afterActions).toEqual(["block", "leave", "get-help"]);
    await sheet.file();
    expect(sheet.getSnapshot().phase).toBe("unavailable");
    expect(held.reasons).toEqual([]);
  });

  it("does not confirm a report the device could not store, and sends nothing until a retry stores it", async () => {
    const inner = createMemoryReportStore();
    let failing = true;
    const store: ReportStore = {
      get: (id) => inner.get(id),
      list: () => inner.list(),
      put: (record) => (failing ? Promise.reject(new Error("disk full")) : inner.put(record)),
    };
    const { sheet, held } = await setUp({ store });
    await sheet.file();
    expect(sheet.getSnapshot().phase).toBe("failed");
    expect(sheet.getSnapshot().status).toBeUndefined();
    expect(held.reasons).toEqual([]);

    failing = false;
    await sheet.file();
    expect(sheet.getSnapshot().phase).toBe("filed");
    expect((await inner.list()).length).toBe(1);
  });

  it("reports a request's sender by profile, and offers what the engine lists after reporting", async () => {
    const { sheet, held, opened, actions } = await setUp({
      subject: { kind: "request", roomId: "!invite:localhost", userId: ALEX, displayName: "Alex" },
    });
    expect(sheet.getSnapshot()).toMatchObject({
      target: "request",
      reported: undefined,
      reportedLabel: "Alex",
      afterActions: ["block", "get-help"],
    });
    await sheet.file();
    await vi.waitFor(() => {
      expect(held.reasons).toHaveLength(1);
    });
    held.deliverAll();
    expect((await opened()).bundle.evidence).toEqual({ kind: "profile", userId: ALEX });

    await sheet.block();
    expect(actions.block).toHaveBeenCalledWith(ALEX);
    expect(sheet.getSnapshot().blocked).toBe(true);
    sheet.help();
    expect(actions.help).toHaveBeenCalledWith("other");
    sheet.close();
    expect(actions.close).toHaveBeenCalledOnce();
  });

  it("says so when the reported message is gone", async () => {
    const { sheet, held } = await setUp({
      subject: { kind: "message", roomId: ROOM, eventId: "$gone" },
    });
    expect(sheet.getSnapshot().phase).toBe("not-found");
    await sheet.file();
    expect(held.reasons).toEqual([]);
  });
});
