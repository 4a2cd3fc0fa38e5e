import {
  createPolicyEngine,
  loadBundledPack,
  loadPack,
  resolveBundledPack,
  type PersonFacts,
  type PolicyEngine,
  type ReportCategory as EngineCategory,
} from "@safety-by-design/policy-engine";
import {
  generateModerationKeyPair,
  generateReporterSigningKeyPair,
  readReportReasons,
  type ModerationKeyPair,
} from "@safety-by-design/protocol";
import { describe, expect, it, vi } from "vitest";
import type { ConversationSnapshot, TimelineMessage } from "../matrix/sessionTypes.ts";
import { ReportOutbox } from "../reporting/outbox.ts";
import { createReportFiler, type ReportFiler } from "../reporting/reportFiler.ts";
import { createMemoryReportStore, type ReportStore } from "../reporting/reportStore.ts";
import type { DeliveryResult, ReportTransport } from "../reporting/transport.ts";
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
    deliverToIntake: (part) => answer(part),
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
  readonly engine?: PolicyEngine;
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
    intake: true,
  });
  const decide = reportDecider({
    engine: options.engine ?? createPolicyEngine(loadBundledPack("nl-default")),
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
      readerBand: () => (options.self?.ageVerified === true ? options.self.ageBand : "unverified"),
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
      offers: { block: true, leave: true, help: true },
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

  it("says which age goes along, as the engine decided, and the moderators get exactly that (TEAM)", async () => {
    // nl-default: a named teen's band goes along; a teen who leaves her name out, only "minor".
    const withheld = await setUp({ self: TEEN });
    expect(withheld.sheet.getSnapshot()).toMatchObject({
      includeIdentity: false,
      ageAlong: "minor",
    });
    await withheld.sheet.file();
    await vi.waitFor(() => {
      expect(withheld.held.reasons).toHaveLength(1);
    });
    withheld.held.deliverAll();
    expect((await withheld.opened()).bundle.bands).toEqual({
      reporter: { group: "minor", band: null },
      reported: null,
    });

    const named = await setUp({ self: TEEN });
    named.sheet.setIncludeIdentity(true);
    expect(named.sheet.getSnapshot().ageAlong).toBe("minor-band");
    await named.sheet.file();
    await vi.waitFor(() => {
      expect(named.held.reasons).toHaveLength(1);
    });
    named.held.deliverAll();
    expect((await named.opened()).bundle.bands).toEqual({
      reporter: { group: "minor", band: "13-15" },
      reported: null,
    });

    // An unverified reporter: nothing about ages goes, and the sheet says nothing.
    const unverified = await setUp();
    expect(unverified.sheet.getSnapshot().ageAlong).toBeUndefined();
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

  it("offers the engine's choices for the reporter's band, and files the picked id as it is", async () => {
    const { sheet, held, opened, actions } = await setUp({ self: TEEN });
    // nl-default's list for 13-15, in its order: the view model adds and sorts nothing.
    expect(sheet.getSnapshot().categories).toEqual([
      "asking-for-images",
      "sexual-content-to-minor",
      "grooming",
      "sextortion",
      "image-abuse",
      "threat-or-violence",
      "harassment",
      "impersonation",
      "scam-or-spam",
      "other",
    ]);
    sheet.setCategory("sextortion");
    expect(sheet.getSnapshot()).toMatchObject({
      category: "sextortion",
      identityOptional: true,
      advice: ["helpwanted", "politie"],
    });
    await sheet.file();
    await vi.waitFor(() => {
      expect(held.reasons).toHaveLength(1);
    });
    held.deliverAll();
    const { bundle } = await opened();
    expect(bundle.category).toBe("sextortion");
    expect(bundle.notice.explanation).toBe("Reported as sextortion.");
    sheet.help();
    expect(actions.help).toHaveBeenCalledWith("sextortion");
  });

  it("says reports cannot be sent when no moderation key is configured, sends nothing, and still offers block and help", async () => {
    const { sheet, held } = await setUp({ configured: false });
    expect(sheet.getSnapshot().phase).toBe("unavailable");
    expect(sheet.getSnapshot().offers).toEqual({ block: true, leave: true, help: true });
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
      offers: { block: true, leave: false, help: true },
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
    // Done: no second block offered.
    expect(sheet.getSnapshot().offers.block).toBe(false);
    sheet.help();
    expect(actions.help).toHaveBeenCalledWith("other");
    sheet.close();
    expect(actions.close).toHaveBeenCalledOnce();
  });

  it("offers as much of the conversation as the pack's evidence window says", async () => {
    const withWindow = (contextMessages: number): PolicyEngine => {
      const loaded = loadPack(
        {
          extends: "nl-default",
          id: "evidence-window",
          version: "1.0.0",
          label: { nl: "Bewijsvenster", en: "Evidence window" },
          description: { nl: "Test", en: "Test" },
          report: { evidence: { contextMessages } },
        },
        { resolveBase: resolveBundledPack },
      );
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
      return createPolicyEngine(loaded.pack);
    };
    const two = await setUp({ engine: withWindow(2) });
    expect(two.sheet.getSnapshot().context.map((row) => row.eventId)).toEqual([
      "$event5",
      "$event6",
    ]);
    const none = await setUp({ engine: withWindow(0) });
    expect(none.sheet.getSnapshot().context).toEqual([]);
    // Wider than the conversation: everything sent before it, and nothing unsent.
    const wide = await setUp({ engine: withWindow(20) });
    expect(wide.sheet.getSnapshot().context.map((row) => row.eventId)).toEqual([
      "$event1",
      "$event2",
      "$event3",
      "$event4",
      "$event5",
      "$event6",
    ]);
  });

  it("explains after filing, in the reporter's words, who gets the report and why", async () => {
    const { sheet } = await setUp({ self: TEEN });
    await sheet.file();
    const { why, phase } = sheet.getSnapshot();
    expect(phase).toBe("filed");
    expect(why.audience).toBe("teen");
    expect(why.ruleIds).toEqual(
      expect.arrayContaining(["report/moderators-always", "report/after-report-actions"]),
    );
    expect(why.pack).toMatch(/^nl-default /);
  });

  it("says so when the reported message is gone", async () => {
    const { sheet, held } = await setUp({
      subject: { kind: "message", roomId: ROOM, eventId: "$gone" },
    });
    expect(sheet.getSnapshot().phase).toBe("not-found");
    // Nobody known to block; leaving and help are still offered.
    expect(sheet.getSnapshot().offers).toEqual({ block: false, leave: true, help: true });
    await sheet.file();
    expect(held.reasons).toEqual([]);
  });
});
