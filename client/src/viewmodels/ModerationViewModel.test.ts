import { describe, expect, it, vi } from "vitest";
import {
  createReportBundle,
  type ReportBundle,
  type StatusOutcome,
} from "@safety-by-design/protocol";
import type { InboxLoad, InboxReport, TeamStatusEntry } from "../reporting/moderationInbox.ts";
import type { HandoffFile } from "../reporting/handoff.ts";
import type { ModerationRouting } from "../policy/decideModerationRouting.ts";
import {
  ModerationViewModel,
  type ModerationDependencies,
  type ModerationPort,
} from "./ModerationViewModel.ts";

const NOOR = "@noor:localhost";
const ALEX = "@alex:localhost";
const ROOM = "!dm:localhost";

let idCounter = 0;
function bundle(
  category: ReportBundle["category"] = "asking-for-images",
  includeIdentity = true,
  bands?: ReportBundle["bands"],
): ReportBundle {
  idCounter++;
  const created = createReportBundle(
    {
      category,
      explanation: "He keeps asking me for photos.",
      subject: {
        kind: "message",
        roomId: ROOM,
        reported: {
          eventId: "$e2",
          sender: ALEX,
          timestamp: 2_000,
          kind: "text",
          body: "send a pic",
        },
        preceding: [{ eventId: "$e1", sender: ALEX, timestamp: 1_000, kind: "text", body: "hi" }],
        contextConsent: true,
      },
      reporter: { userId: NOOR, includeIdentity },
      goodFaith: { confirmed: true, statementKey: "report.goodFaith.statement" },
      bands,
    },
    {
      now: () => 1_700_000_000_000,
      randomBytes: (n) => Uint8Array.from({ length: n }, (_, i) => (idCounter * 17 + i) % 256),
    },
  );
  if (!created.ok) throw new Error(created.problems.join("; "));
  return created.bundle;
}

function opened(b: ReportBundle, receivedAt: number): InboxReport {
  return {
    reportId: b.reportId,
    channel: "report-api",
    opened: {
      ok: true,
      bundle: b,
      signature: "valid",
      signerPublicKey: "signer-key",
      bundleSha256: "5d".repeat(32),
    },
    receivedAt,
    filedBy: [NOOR],
    serverEventSender: ALEX,
    checks: { filedByNamedReporter: true, targetMatches: true, senderMatches: true },
  };
}

const unreadable: InboxReport = {
  reportId: "f".repeat(32),
  channel: "report-api",
  opened: { ok: false, problems: ["the sealed report does not open with this key"] },
  receivedAt: 5,
  filedBy: [NOOR],
  serverEventSender: null,
  checks: { filedByNamedReporter: null, targetMatches: null, senderMatches: null },
};

const ROUTING: ModerationRouting = {
  adviceForChat: ["politie"],
  adviceForPublicWebsite: ["politie"],
  reporterIdentityOptional: true,
  reasons: ["report/advice-for-material-in-chats"],
  failedClosed: false,
  decisionId: "nl-default@1/report/0",
};

function fakePort(options: { stored?: boolean; loads?: InboxLoad[] } = {}) {
  let stored = options.stored ?? false;
  const handled = new Map<string, number>();
  const outcomes = new Map<string, StatusOutcome>();
  const history = new Map<string, TeamStatusEntry[]>();
  const loads = [...(options.loads ?? [])];
  const port = {
    storedKey: vi.fn(() =>
      Promise.resolve(stored ? { matchesDeployment: true, keyCount: 1 } : undefined),
    ),
    importKey: vi.fn((input: string) => {
      if (input !== "good")
        return Promise.resolve({ ok: false as const, problem: "unreadable" as const });
      stored = true;
      return Promise.resolve({
        ok: true as const,
        status: { matchesDeployment: false, keyCount: 1 },
      });
    }),
    forgetKey: vi.fn(() => {
      stored = false;
    }),
    loadInbox: vi.fn(() => {
      const next = loads.length > 1 ? loads.shift() : loads[0];
      if (next === undefined) throw new Error("no load scripted");
      return Promise.resolve(next);
    }),
    handled: () => handled,
    handledBy: () => undefined,
    sharesStatus: false,
    markHandled: vi.fn((id: string, at: number) => void handled.set(id, at)),
    reopen: vi.fn((id: string) => void handled.delete(id)),
    recordOutcome: vi.fn((id: string, at: number, outcome: StatusOutcome) => {
      handled.set(id, at);
      outcomes.set(id, outcome);
    }),
    outcomeOf: (id: string) => outcomes.get(id),
    history: vi.fn((id: string) => history.get(id) ?? []),
    addNote: vi.fn((id: string, note: string, at: number) => {
      history.set(id, [
        { kind: "note", at, by: "@lotte:localhost", note },
        ...(history.get(id) ?? []),
      ]);
      return true;
    }),
  } satisfies ModerationPort;
  return port;
}

const HOUR = 3_600_000;

function viewModel(port: ModerationPort, overrides: Partial<ModerationDependencies> = {}) {
  const deps: ModerationDependencies = {
    port,
    decideRouting: vi.fn(() => ROUTING),
    clock: () => 42_000,
    deadlineHours: { "sexual-content-to-minor": 24, "*": 72 },
    handoff: {
      bodies: ["politie"],
      create: vi.fn(() =>
        Promise.resolve({
          ok: true as const,
          file: {
            fileName: "handoff-politie-0c0c0c0c.json",
            text: '{"format":"org.safety-by-design.handoff.sealed"}',
            package: {
              packageId: "0c".repeat(16),
              summary: { language: "nl", text: "Samenvatting" },
            },
          } as unknown as HandoffFile,
        }),
      ),
    },
    ...overrides,
  };
  const back = vi.fn();
  return { vm: new ModerationViewModel(deps, { back }), deps, back };
}

const loaded = (
  reports: InboxReport[],
  extra: Partial<Extract<InboxLoad, { ok: true }>["inbox"]> = {},
): InboxLoad => ({
  ok: true,
  inbox: {
    reports,
    incomplete: 0,
    unrecognised: 0,
    userReports: "listed",
    truncated: false,
    ...extra,
  },
});

describe("the moderation screen", () => {
  it("asks for the key first, explains a wrong one, and loads reports with the right one", async () => {
    const older = bundle();
    const port = fakePort({ loads: [loaded([opened(older, 10)])] });
    const { vm } = viewModel(port);
    await vm.start();
    expect(vm.getSnapshot().key).toEqual({
      kind: "needed",
      input: "",
      busy: false,
      error: undefined,
    });
    expect(port.loadInbox).not.toHaveBeenCalled();

    await vm.importKey();
    vm.setKeyInput("nonsense");
    await vm.importKey();
    expect(vm.getSnapshot().key).toMatchObject({
      kind: "needed",
      input: "nonsense",
      error: "moderation.key.error.unreadable",
    });

    vm.setKeyInput("good");
    expect(vm.getSnapshot().key).toMatchObject({ error: undefined });
    await vm.importKey();
    const view = vm.getSnapshot();
    // The pasted secret does not stay in the snapshot.
    expect(view.key).toEqual({
      kind: "ready",
      matchesDeployment: false,
      keyCount: 1,
      adding: undefined,
    });
    expect(view.inbox).toMatchObject({ status: "loaded", error: undefined, handled: [] });
    expect(view.inbox.open).toEqual([
      {
        reportId: older.reportId,
        receivedAt: 10,
        category: "asking-for-images",
        subject: "message",
        signature: "valid",
        handledAt: undefined,
        // Asking for images: the "*" deadline of the test configuration, 72 hours.
        ageMs: 42_000 - 10,
        deadlineAt: 10 + 72 * HOUR,
        deadlineHours: 72,
        overdue: false,
        channel: "report-api",
        // A report without ages (as every one before bundle version 4): not known.
        bands: { reporter: undefined, reported: undefined },
      },
    ]);
  });

  it("opens a report with its evidence, notice, checks and the policy layer's routing", async () => {
    const b = bundle("sexual-content-to-minor");
    const port = fakePort({ stored: true, loads: [loaded([opened(b, 10), unreadable])] });
    const { vm, deps } = viewModel(port);
    await vm.start();
    vm.openReport("not-a-report");
    expect(vm.getSnapshot().selected).toBeUndefined();

    vm.openReport(b.reportId);
    const detail = vm.getSnapshot().selected;
    expect(deps.decideRouting).toHaveBeenCalledWith({
      category: "sexual-content-to-minor",
      subject: "message",
    });
    expect(detail).toMatchObject({
      reportId: b.reportId,
      filedBy: [NOOR],
      serverEventSender: ALEX,
      checks: { filedByNamedReporter: true },
    });
    // The bundle and the routing as the screen shows them: no report format left to walk.
    expect(detail?.content).toEqual({
      kind: "opened",
      createdAt: 1_700_000_000_000,
      evidence: {
        kind: "messages",
        roomId: ROOM,
        reported: {
          eventId: "$e2",
          sender: ALEX,
          timestamp: 2_000,
          body: "send a pic",
          truncated: false,
        },
        context: [{ eventId: "$e1", sender: ALEX, timestamp: 1_000, body: "hi", truncated: false }],
        contextConsent: true,
      },
      note: undefined,
      explanation: "He keeps asking me for photos.",
      location: { kind: "events", roomId: ROOM, eventIds: ["$e2", "$e1"] },
      reporter: NOOR,
      withholdingAllowed: true,
      goodFaithConfirmed: true,
      signerPublicKey: "signer-key",
      bands: { reporter: undefined, reported: undefined },
      routing: {
        failedClosed: false,
        adviceForChat: ["politie"],
        adviceForPublicWebsite: ["politie"],
        rules: ["moderation.rule.adviceChats"],
      },
    });

    vm.openReport(unreadable.reportId);
    expect(vm.getSnapshot().selected?.content).toEqual({
      kind: "unreadable",
      problems: ["the sealed report does not open with this key"],
    });
    expect(
      vm.getSnapshot().inbox.open.find((r) => r.reportId === unreadable.reportId),
    ).toMatchObject({
      category: undefined,
      signature: undefined,
    });

    vm.closeReport();
    expect(vm.getSnapshot().selected).toBeUndefined();
  });

  it("shows a profile report with the reporter's name left out, and an unreadable message as such", async () => {
    const b = bundle();
    const profile: ReportBundle = {
      ...b,
      note: "He says he is 15.",
      evidence: { kind: "profile", userId: ALEX },
      notice: {
        ...b.notice,
        location: { kind: "user-profile", userId: ALEX },
        reporter: { kind: "withheld", basis: "dsa-art-16-2-c" },
      },
    };
    const c = bundle();
    const undecryptable: ReportBundle = {
      ...c,
      evidence: {
        kind: "messages",
        roomId: ROOM,
        reported: {
          eventId: "$e9",
          sender: ALEX,
          timestamp: 9,
          kind: "undecryptable",
          body: "",
          truncated: false,
        },
        context: [],
        contextConsent: false,
      },
    };
    const port = fakePort({
      stored: true,
      loads: [loaded([opened(profile, 10), opened(undecryptable, 11)])],
    });
    const { vm } = viewModel(port);
    await vm.start();
    vm.openReport(profile.reportId);
    expect(vm.getSnapshot().selected?.content).toMatchObject({
      evidence: { kind: "profile", userId: ALEX },
      location: { kind: "profile", userId: ALEX },
      reporter: undefined,
      note: "He says he is 15.",
    });
    vm.openReport(undecryptable.reportId);
    expect(vm.getSnapshot().selected?.content).toMatchObject({
      evidence: {
        kind: "messages",
        reported: { eventId: "$e9", body: undefined },
        context: [],
        contextConsent: false,
      },
    });
  });

  it("marks a report handled on this device, and can reopen it", async () => {
    const b = bundle();
    const port = fakePort({ stored: true, loads: [loaded([opened(b, 10)])] });
    const { vm } = viewModel(port);
    await vm.start();
    vm.openReport(b.reportId);
    vm.markHandled(b.reportId);
    expect(port.markHandled).toHaveBeenCalledWith(b.reportId, 42_000, "");
    expect(vm.getSnapshot().inbox.open).toEqual([]);
    expect(vm.getSnapshot().inbox.handled.map((r) => r.handledAt)).toEqual([42_000]);
    expect(vm.getSnapshot().selected?.handledAt).toBe(42_000);

    vm.reopen(b.reportId);
    expect(vm.getSnapshot().inbox.open).toHaveLength(1);
    expect(vm.getSnapshot().selected?.handledAt).toBeUndefined();
  });

  it("forgets the key: back to the key form, nothing of the reports left", async () => {
    const port = fakePort({ stored: true, loads: [loaded([opened(bundle(), 10)])] });
    const { vm } = viewModel(port);
    await vm.start();
    vm.forgetKey();
    expect(port.forgetKey).toHaveBeenCalled();
    expect(vm.getSnapshot()).toMatchObject({
      key: { kind: "needed" },
      inbox: { status: "idle", open: [], handled: [] },
      selected: undefined,
    });
    await vm.refresh();
    expect(port.loadInbox).toHaveBeenCalledTimes(1);
  });

  it("shows why loading failed, keeps the last list, and asks for the key if it vanished", async () => {
    const b = bundle();
    const port = fakePort({
      stored: true,
      loads: [
        loaded([opened(b, 10)], { incomplete: 1, unrecognised: 2, userReports: "unsupported" }),
        { ok: false, problem: { kind: "unreachable", message: "offline" } },
        { ok: false, problem: { kind: "not-admin" } },
        { ok: false, problem: { kind: "no-key" } },
      ],
    });
    const { vm } = viewModel(port);
    await vm.start();
    expect(vm.getSnapshot().inbox).toMatchObject({
      incomplete: 1,
      unrecognised: 2,
      userReportsListed: false,
    });
    await vm.refresh();
    expect(vm.getSnapshot().inbox).toMatchObject({
      status: "failed",
      error: "moderation.error.unreachable",
      open: [expect.objectContaining({ reportId: b.reportId })],
    });
    await vm.refresh();
    expect(vm.getSnapshot().inbox.error).toBe("moderation.error.notAdmin");
    await vm.refresh();
    expect(vm.getSnapshot().key.kind).toBe("needed");
  });

  it("ignores a load that finishes after a newer one, or after the screen closed", async () => {
    let resolveFirst: (load: InboxLoad) => void = () => undefined;
    const port = fakePort({ stored: true, loads: [loaded([])] });
    port.loadInbox
      .mockImplementationOnce(
        () =>
          new Promise<InboxLoad>((resolve) => {
            resolveFirst = resolve;
          }),
      )
      .mockImplementationOnce(() => Promise.resolve(loaded([opened(bundle(), 1)])));
    const { vm } = viewModel(port);
    const starting = vm.start();
    await vi.waitFor(() => {
      expect(port.loadInbox).toHaveBeenCalledTimes(1);
    });
    await vm.refresh();
    resolveFirst(loaded([]));
    await starting;
    expect(vm.getSnapshot().inbox.open).toHaveLength(1);
    vm.dispose();
  });

  it("sorts the open reports by their deadline, with each one's age and whether it is overdue", async () => {
    const abuse = bundle("sexual-content-to-minor");
    const other = bundle("harassment");
    const port = fakePort({
      stored: true,
      // The harassment report came in first, but its deadline (72 h) is later than the abuse one's (24 h).
      loads: [loaded([opened(other, 0), opened(abuse, 10 * HOUR)])],
    });
    const { vm } = viewModel(port, { clock: () => 35 * HOUR });
    await vm.start();
    const rows = vm.getSnapshot().inbox.open;
    expect(rows.map((r) => r.reportId)).toEqual([abuse.reportId, other.reportId]);
    expect(rows[0]).toMatchObject({
      deadlineHours: 24,
      deadlineAt: 34 * HOUR,
      ageMs: 25 * HOUR,
      overdue: true,
    });
    expect(rows[1]).toMatchObject({ deadlineHours: 72, deadlineAt: 72 * HOUR, overdue: false });
    vm.markHandled(abuse.reportId);
    expect(vm.getSnapshot().inbox.handled[0]).toMatchObject({ overdue: false });
  });

  it("has no way to name who sent a report through the intake", async () => {
    const b = bundle("child-sexual-abuse-material", false);
    const viaIntake: InboxReport = {
      ...opened(b, 10),
      channel: "intake",
      opened: {
        ok: true,
        bundle: b,
        signature: "absent",
        signerPublicKey: null,
        bundleSha256: "5d".repeat(32),
      },
      filedBy: [],
      serverEventSender: null,
      checks: { filedByNamedReporter: null, targetMatches: null, senderMatches: null },
    };
    const { vm } = viewModel(fakePort({ stored: true, loads: [loaded([viaIntake])] }));
    await vm.start();
    vm.openReport(b.reportId);
    const snapshot = vm.getSnapshot();
    expect(snapshot.selected).toMatchObject({ channel: "intake", filedBy: [] });
    expect(JSON.stringify(snapshot)).not.toContain(NOOR);
  });

  it("hands a report to a body the engine advised and this deployment has a key for", async () => {
    const b = bundle("sexual-content-to-minor");
    const { vm, deps } = viewModel(fakePort({ stored: true, loads: [loaded([opened(b, 10)])] }));
    await vm.start();
    vm.openReport(b.reportId);
    expect(vm.getSnapshot().selected?.handoff).toEqual({
      offers: ["politie"],
      busy: false,
      result: undefined,
    });
    await vm.handOver("helpwanted");
    expect(deps.handoff.create).not.toHaveBeenCalled();
    await vm.handOver("politie");
    expect(deps.handoff.create).toHaveBeenCalledWith(
      expect.objectContaining({ reportId: b.reportId }),
      "politie",
      42_000,
    );
    expect(vm.getSnapshot().selected?.handoff.result).toMatchObject({
      kind: "ready",
      bodyId: "politie",
      fileName: "handoff-politie-0c0c0c0c.json",
      summary: "Samenvatting",
      href: expect.stringMatching(/^data:application\/json;charset=utf-8,%7B/) as unknown,
    });
    vm.closeReport();
    vm.openReport(b.reportId);
    expect(vm.getSnapshot().selected?.handoff.result).toBeUndefined();
  });

  it("adds a second key after a rotation without leaving the list, and explains a wrong one", async () => {
    const b = bundle();
    const port = fakePort({ stored: true, loads: [loaded([opened(b, 10)])] });
    const { vm } = viewModel(port);
    await vm.start();
    vm.startAddingKey();
    vm.setKeyInput("nonsense");
    await vm.importKey();
    expect(vm.getSnapshot().key).toMatchObject({
      kind: "ready",
      adding: { input: "nonsense", error: "moderation.key.error.unreadable" },
    });
    expect(vm.getSnapshot().inbox.open).toHaveLength(1);
    vm.setKeyInput("good");
    await vm.importKey();
    expect(vm.getSnapshot().key).toMatchObject({ kind: "ready", adding: undefined });
    vm.startAddingKey();
    vm.cancelAddingKey();
    expect(vm.getSnapshot().key).toMatchObject({ adding: undefined });
  });

  it("goes back to the chats", () => {
    const { vm, back } = viewModel(fakePort());
    vm.back();
    expect(back).toHaveBeenCalled();
  });
});

describe("a moderation team (TEAM)", () => {
  it("writes a note for the team, sends it with the status, and shows the history newest first", async () => {
    const b = bundle();
    const port = fakePort({ stored: true, loads: [loaded([opened(b, 10)])] });
    const { vm } = viewModel(port, { userId: "@sanne:localhost" });
    await vm.start();
    vm.openReport(b.reportId);
    vm.addNote(b.reportId);
    expect(port.addNote).not.toHaveBeenCalled();
    vm.setNote("Doorgestuurd naar de politie");
    expect(vm.getSnapshot().selected?.noteDraft).toBe("Doorgestuurd naar de politie");
    vm.addNote(b.reportId);
    expect(port.addNote).toHaveBeenCalledWith(b.reportId, "Doorgestuurd naar de politie", 42_000);
    expect(vm.getSnapshot().selected?.noteDraft).toBe("");
    expect(vm.getSnapshot().selected?.history).toEqual([
      {
        kind: "note",
        at: 42_000,
        by: { kind: "moderator", name: "lotte" },
        note: "Doorgestuurd naar de politie",
      },
    ]);
    vm.setNote("  klaar ");
    vm.markHandled(b.reportId);
    expect(port.markHandled).toHaveBeenCalledWith(b.reportId, 42_000, "  klaar ");
    expect(vm.getSnapshot().selected?.noteDraft).toBe("");
    vm.setNote("x".repeat(600));
    expect(vm.getSnapshot().selected?.noteDraft).toHaveLength(500);
  });

  it("says 'you' for this moderator's own lines", async () => {
    const b = bundle();
    const port = fakePort({ stored: true, loads: [loaded([opened(b, 10)])] });
    const { vm } = viewModel(port, { userId: "@lotte:localhost" });
    await vm.start();
    vm.openReport(b.reportId);
    vm.setNote("gezien");
    vm.addNote(b.reportId);
    expect(vm.getSnapshot().selected?.history[0]?.by).toEqual({ kind: "you" });
  });

  it("shows the ages the report carries, and 'not known' for a report without them", async () => {
    const withBands = bundle("asking-for-images", true, {
      reporter: { group: "minor", band: "13-15" },
      reported: { group: "adult", band: "18+" },
    });
    const without = bundle();
    const port = fakePort({
      stored: true,
      loads: [loaded([opened(withBands, 10), opened(without, 20)])],
    });
    const { vm } = viewModel(port);
    await vm.start();
    const rows = vm.getSnapshot().inbox.open;
    expect(rows.find((r) => r.reportId === withBands.reportId)?.bands).toEqual({
      reporter: { group: "minor", band: "13-15" },
      reported: { group: "adult", band: "18+" },
    });
    expect(rows.find((r) => r.reportId === without.reportId)?.bands).toEqual({
      reporter: undefined,
      reported: undefined,
    });
    vm.openReport(withBands.reportId);
    const content = vm.getSnapshot().selected?.content;
    expect(content?.kind === "opened" && content.bands).toEqual({
      reporter: { group: "minor", band: "13-15" },
      reported: { group: "adult", band: "18+" },
    });
  });
});

describe("the outcome for the reporter (OUT)", () => {
  const replyTo = { mailbox: "ab".repeat(16), publicKey: "A".repeat(43) };

  it("offers the bodies the engine advised, sends the chosen outcome to the report's mailbox and shares it with the team", async () => {
    const b = { ...bundle("sexual-content-to-minor"), replyTo };
    const port = fakePort({ stored: true, loads: [loaded([opened(b, 10)])] });
    const send = vi.fn(() => Promise.resolve("sent" as const));
    const { vm } = viewModel(port, { outcomes: { send } });
    await vm.start();
    vm.openReport(b.reportId);
    expect(vm.getSnapshot().selected?.outcome).toEqual({
      bodies: ["politie"],
      canReachReporter: true,
      chosen: undefined,
      confirming: undefined,
      sending: false,
      lastSend: undefined,
    });
    // A body the engine did not advise is not an outcome.
    vm.chooseOutcome({ decision: "forwarded", forwardedTo: "helpwanted" });
    expect(vm.getSnapshot().selected?.outcome.confirming).toBeUndefined();
    await vm.confirmOutcome();
    expect(send).not.toHaveBeenCalled();
    // A note for the team goes with the status, never to the reporter.
    vm.setNote("Politie gebeld");
    vm.chooseOutcome({ decision: "forwarded", forwardedTo: "politie" });
    expect(send).not.toHaveBeenCalled();
    await vm.confirmOutcome();
    expect(send).toHaveBeenCalledWith(replyTo, {
      version: 1,
      reportId: b.reportId,
      decision: "forwarded",
      forwardedTo: "politie",
      reason: null,
      decidedAt: 42_000,
    });
    const shared = {
      decision: "forwarded",
      forwardedTo: "politie",
      reason: null,
      sentToReporter: true,
    };
    expect(port.recordOutcome).toHaveBeenCalledWith(b.reportId, 42_000, shared, "Politie gebeld");
    expect(JSON.stringify(send.mock.calls)).not.toContain("Politie gebeld");
    expect(vm.getSnapshot().selected?.outcome).toMatchObject({ chosen: shared, lastSend: "sent" });
    expect(vm.getSnapshot().inbox.handled.map((r) => r.reportId)).toEqual([b.reportId]);
  });

  it("keeps an outcome the intake did not take, and sends it again on retry", async () => {
    const b = { ...bundle(), replyTo };
    const port = fakePort({ stored: true, loads: [loaded([opened(b, 10)])] });
    const send = vi
      .fn<() => Promise<"sent" | "failed">>()
      .mockResolvedValueOnce("failed")
      .mockResolvedValueOnce("sent");
    const { vm } = viewModel(port, { outcomes: { send } });
    await vm.start();
    vm.openReport(b.reportId);
    vm.chooseOutcome({ decision: "no-action", reason: "not-enough-information" });
    await vm.confirmOutcome();
    expect(vm.getSnapshot().selected?.outcome).toMatchObject({
      chosen: { decision: "no-action", reason: "not-enough-information", sentToReporter: false },
      lastSend: "failed",
    });
    await vm.resendOutcome();
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1]).toEqual(send.mock.calls[0]);
    expect(vm.getSnapshot().selected?.outcome.chosen?.sentToReporter).toBe(true);
  });

  it("says when a report has no reply channel, and still records the outcome for the team", async () => {
    const b = bundle();
    const port = fakePort({ stored: true, loads: [loaded([opened(b, 10)])] });
    const send = vi.fn(() => Promise.resolve("sent" as const));
    const { vm } = viewModel(port, { outcomes: { send } });
    await vm.start();
    vm.openReport(b.reportId);
    expect(vm.getSnapshot().selected?.outcome.canReachReporter).toBe(false);
    vm.chooseOutcome({ decision: "handled" });
    await vm.confirmOutcome();
    expect(send).not.toHaveBeenCalled();
    expect(port.recordOutcome).toHaveBeenCalledWith(
      b.reportId,
      42_000,
      { decision: "handled", forwardedTo: null, reason: null, sentToReporter: false },
      "",
    );
  });
});

describe("an outcome is confirmed before it goes (OUT)", () => {
  const replyTo = { mailbox: "cd".repeat(16), publicKey: "B".repeat(43) };

  it("sends nothing on a choice: it shows what the reporter will read until the moderator sends", async () => {
    const b = { ...bundle(), replyTo };
    const port = fakePort({ stored: true, loads: [loaded([opened(b, 10)])] });
    const send = vi.fn(() => Promise.resolve("sent" as const));
    const { vm } = viewModel(port, { outcomes: { send } });
    await vm.start();
    vm.openReport(b.reportId);
    vm.chooseOutcome({ decision: "no-action", reason: "no-rule-broken" });
    expect(vm.getSnapshot().selected?.outcome.confirming).toEqual({
      choice: { decision: "no-action", reason: "no-rule-broken" },
      readerWords: "general",
    });
    expect(send).not.toHaveBeenCalled();
    expect(port.recordOutcome).not.toHaveBeenCalled();
    // "Andere keuze": back to the choices, still nothing sent.
    vm.changeOutcome();
    expect(vm.getSnapshot().selected?.outcome.confirming).toBeUndefined();
    await vm.confirmOutcome();
    expect(send).not.toHaveBeenCalled();
    vm.chooseOutcome({ decision: "handled" });
    await vm.confirmOutcome();
    expect(send).toHaveBeenCalledTimes(1);
    expect(vm.getSnapshot().selected?.outcome).toMatchObject({
      confirming: undefined,
      chosen: { decision: "handled", sentToReporter: true },
    });
  });

  it("shows the children's words for a reporter the report says is 8-12, else the general ones", async () => {
    const child = {
      ...bundle(undefined, true, { reporter: { group: "minor", band: "8-12" }, reported: null }),
      replyTo,
    };
    const teen = {
      ...bundle(undefined, false, { reporter: { group: "minor", band: null }, reported: null }),
      replyTo,
    };
    const port = fakePort({
      stored: true,
      loads: [loaded([opened(child, 10), opened(teen, 20)])],
    });
    const { vm } = viewModel(port, { outcomes: { send: () => Promise.resolve("sent") } });
    await vm.start();
    vm.openReport(child.reportId);
    vm.chooseOutcome({ decision: "handled" });
    expect(vm.getSnapshot().selected?.outcome.confirming?.readerWords).toBe("child");
    vm.openReport(teen.reportId);
    expect(vm.getSnapshot().selected?.outcome.confirming).toBeUndefined();
    vm.chooseOutcome({ decision: "handled" });
    expect(vm.getSnapshot().selected?.outcome.confirming?.readerWords).toBe("general");
  });

  it("sends nothing when the team decided the report meanwhile", async () => {
    const b = { ...bundle(), replyTo };
    const port = fakePort({ stored: true, loads: [loaded([opened(b, 10)])] });
    const send = vi.fn(() => Promise.resolve("sent" as const));
    const { vm } = viewModel(port, { outcomes: { send } });
    await vm.start();
    vm.openReport(b.reportId);
    vm.chooseOutcome({ decision: "handled" });
    vm.markHandled(b.reportId);
    expect(vm.getSnapshot().selected?.outcome.confirming).toBeUndefined();
    await vm.confirmOutcome();
    expect(send).not.toHaveBeenCalled();
  });
});

describe("the routing rules in words (TEAM)", () => {
  it("has words for every rule of the engine's report point: no rule id reaches the screen", async () => {
    const { RULE_IDS } = await import("@safety-by-design/policy-engine");
    const { ROUTING_RULE_WORDS } = await import("./moderationReport.ts");
    const reportRules = RULE_IDS.filter((id) => id.startsWith("report/"));
    expect(reportRules.length).toBeGreaterThan(5);
    for (const id of reportRules) expect(ROUTING_RULE_WORDS[id], id).toBeDefined();
  });
});
