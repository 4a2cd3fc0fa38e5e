// The moderation screen rendered from plain snapshots: a report as the view
// model shaped it (no report format in the view), and the inbox.
import { describe, expect, it } from "vitest";
import type {
  ModerationOpenedReport,
  ModerationReportDetail,
  ModerationSnapshot,
  ModerationViewActions,
} from "../viewmodels/ModerationViewModel.ts";
import { ModerationView } from "./ModerationView.tsx";
import { asHtml, notCalled, renderView, wordsIn } from "./renderForTest.tsx";

const actions: ModerationViewActions = {
  back: notCalled,
  setKeyInput: notCalled,
  importKey: notCalled,
  forgetKey: notCalled,
  refresh: notCalled,
  openReport: notCalled,
  closeReport: notCalled,
  markHandled: notCalled,
  reopen: notCalled,
  handOver: notCalled,
  startAddingKey: notCalled,
  cancelAddingKey: notCalled,
  chooseOutcome: notCalled,
  changeOutcome: notCalled,
  confirmOutcome: notCalled,
  resendOutcome: notCalled,
  showMedia: notCalled,
  setNote: notCalled,
  addNote: notCalled,
};

const opened: ModerationOpenedReport = {
  kind: "opened",
  createdAt: Date.UTC(2026, 11, 6, 12),
  evidence: {
    kind: "messages",
    roomId: "!dm:localhost",
    reported: {
      eventId: "$e2",
      sender: "@alex:localhost",
      timestamp: 2,
      body: undefined,
      truncated: false,
    },
    context: [],
    contextConsent: false,
  },
  note: undefined,
  explanation: "Reported in the app.",
  location: { kind: "events", roomId: "!dm:localhost", eventIds: ["$e2"] },
  reporter: undefined,
  withholdingAllowed: true,
  goodFaithConfirmed: true,
  signerPublicKey: null,
  bands: { reporter: undefined, reported: undefined },
  routing: {
    failedClosed: false,
    adviceForChat: ["politie"],
    adviceForPublicWebsite: [],
    rules: ["moderation.rule.adviceChats", "moderation.rule.other"],
  },
};

const detail: ModerationReportDetail = {
  reportId: "0123456789abcdef0123456789abcdef",
  receivedAt: Date.UTC(2026, 11, 6, 13),
  category: "grooming",
  subject: "message",
  signature: "absent",
  handledAt: undefined,
  ageMs: 3_600_000,
  deadlineAt: Date.UTC(2026, 11, 7, 13),
  deadlineHours: 24,
  overdue: false,
  channel: "report-api",
  filedBy: ["@noor:localhost"],
  serverEventSender: "@alex:localhost",
  checks: { filedByNamedReporter: null, targetMatches: true, senderMatches: true },
  content: opened,
  handoff: { offers: ["politie"], busy: false, result: undefined },
  handledBy: undefined,
  statusShared: false,
  bands: { reporter: undefined, reported: undefined },
  history: [],
  noteDraft: "",
  media: [],
  outcome: {
    bodies: ["politie"],
    canReachReporter: true,
    chosen: undefined,
    confirming: undefined,
    sending: false,
    lastSend: undefined,
  },
};

const inbox: ModerationSnapshot["inbox"] = {
  status: "loaded",
  error: undefined,
  open: [],
  handled: [],
  incomplete: 0,
  unrecognised: 0,
  userReportsListed: true,
  truncated: false,
};

const { t } = wordsIn();

describe("ModerationView: a moderation team (TEAM)", () => {
  const ready = { kind: "ready", matchesDeployment: true, keyCount: 2, adding: undefined } as const;

  it("shows the ages in words, every label explained, and no ID or JSON of the report", () => {
    const withBands = {
      ...detail,
      signature: "valid" as const,
      bands: {
        reporter: { group: "minor" as const, band: "13-15" as const },
        reported: { group: "adult" as const, band: "18+" as const },
      },
      content: {
        ...opened,
        signerPublicKey: "c2lnbmVyLWtleS1ub3Qtc2hvd24tYW55d2hlcmUtLS0tLQ",
        bands: {
          reporter: { group: "minor" as const, band: "13-15" as const },
          reported: { group: "adult" as const, band: "18+" as const },
        },
      },
    };
    const html = renderView(
      <ModerationView view={{ key: ready, inbox, selected: withBands }} actions={actions} />,
    );
    expect(html).toContain(asHtml(t("moderation.bands.minorBand", { band: "13–15" })));
    expect(html).toContain(asHtml(t("moderation.bands.adult")));
    for (const key of [
      "moderation.legend.verified",
      "moderation.legend.groupOnly",
      "moderation.legend.bandUnknown",
      "moderation.legend.valid",
      "moderation.legend.absent",
      "moderation.legend.intake",
      "moderation.legend.deadline",
      "moderation.legend.routing",
    ] as const) {
      expect(html, key).toContain(asHtml(t(key)));
    }
    expect(html).not.toContain("c2lnbmVyLWtleS1ub3Qtc2hvd24");
    expect(html).not.toContain("$e2");
    expect(html).not.toMatch(/[{}]/);

    const list = renderView(
      <ModerationView
        view={{ key: ready, inbox: { ...inbox, open: [withBands] }, selected: undefined }}
        actions={actions}
      />,
    );
    expect(list).toContain(
      asHtml(
        t("moderation.row.bandReporter", {
          band: t("moderation.bands.minorBand", { band: "13–15" }),
        }),
      ),
    );
    expect(list).toContain(
      asHtml(t("moderation.row.bandReported", { band: t("moderation.bands.adult") })),
    );
    expect(list).toContain(asHtml(t("moderation.legend.verified")));
  });

  it("shows the team's history newest first with its notes, and the note field", () => {
    const html = renderView(
      <ModerationView
        view={{
          key: ready,
          inbox,
          selected: {
            ...detail,
            statusShared: true,
            noteDraft: "bijna klaar",
            history: [
              {
                kind: "handled",
                at: Date.UTC(2026, 11, 6, 12, 4),
                by: { kind: "moderator", name: "lotte" },
                note: "doorgestuurd",
              },
              { kind: "note", at: Date.UTC(2026, 11, 6, 11), by: { kind: "you" }, note: "gezien" },
            ],
          },
        }}
        actions={actions}
      />,
    );
    const first = html.indexOf(asHtml(t("moderation.team.moderator", { name: "lotte" })));
    const second = html.indexOf(asHtml(t("moderation.team.you")));
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(html).toContain('<q class="evidence-text">doorgestuurd</q>');
    expect(html).toContain(">bijna klaar</textarea>");
    expect(html).toContain(`>${t("moderation.team.saveNote")}</button>`);
  });

  it("has no team section where statuses stay on this device", () => {
    const html = renderView(
      <ModerationView view={{ key: ready, inbox, selected: detail }} actions={actions} />,
    );
    expect(html).not.toContain(asHtml(t("moderation.team.noteLabel")));
  });
});

describe("ModerationView", () => {
  it("shows an opened report: unreadable evidence, no context by choice, a withheld name, the advice", () => {
    const html = renderView(
      <ModerationView
        view={{
          key: { kind: "ready", matchesDeployment: true, keyCount: 1, adding: undefined },
          inbox,
          selected: detail,
        }}
        actions={actions}
      />,
    );
    expect(html).toContain(t("moderation.report.title", { id: "01234567" }));
    expect(html).toContain(asHtml(t("moderation.evidence.undecryptable")));
    expect(html).toContain(asHtml(t("moderation.evidence.noConsent")));
    expect(html).toContain(asHtml(t("moderation.report.noNote")));
    expect(html).toContain(asHtml(t("moderation.dsa.reporterWithheld")));
    expect(html).toContain(asHtml(t("moderation.dsa.withholdingAllowed")));
    // No wire format: the location in words, no room or event IDs anywhere.
    expect(html).toContain(asHtml(t("moderation.dsa.locationMessages_one", { count: 1 })));
    expect(html).not.toContain("$e2");
    expect(html).not.toContain("!dm:localhost");
    // Ages: none went along, said in words.
    expect(html).toContain(asHtml(t("moderation.bands.unknown")));
    expect(html).toContain(asHtml(t("moderation.routing.none")));
    expect(html).toContain(
      asHtml(
        t("moderation.routing.rules", {
          rules: `${t("moderation.rule.adviceChats")}; ${t("moderation.rule.other")}`,
        }),
      ),
    );
    expect(html).not.toContain("report/");
    expect(html).toContain(`>${t("moderation.markHandled")}</button>`);
  });

  it("lists open reports with their age and deadline, explains every label, and names no one for the intake", () => {
    const html = renderView(
      <ModerationView
        view={{
          key: { kind: "ready", matchesDeployment: true, keyCount: 1, adding: undefined },
          inbox: { ...inbox, open: [{ ...detail, channel: "intake", overdue: true }] },
          selected: undefined,
        }}
        actions={actions}
      />,
    );
    expect(html).toContain(asHtml(t("moderation.channel.intake")));
    expect(html).toContain(asHtml(t("moderation.row.overdue")));
    expect(html).toContain(asHtml(t("moderation.legend.absent")));
    expect(html).toContain(asHtml(t("moderation.legend.deadline")));
    expect(html).toContain(
      asHtml(
        t("moderation.row.age", { age: t("moderation.age.hours_one", { count: 1 }), deadline: "" }),
      ).split(" ·")[0] ?? "",
    );
  });

  it("offers the handoff, and shows the sealed package's download and summary", () => {
    const ready = renderView(
      <ModerationView
        view={{
          key: { kind: "ready", matchesDeployment: true, keyCount: 1, adding: undefined },
          inbox,
          selected: {
            ...detail,
            channel: "intake",
            filedBy: [],
            handoff: {
              offers: ["politie"],
              busy: false,
              result: {
                kind: "ready",
                bodyId: "politie",
                fileName: "handoff-politie-0c0c0c0c.json",
                href: "data:application/json;charset=utf-8,%7B%7D",
                packageId: "0c".repeat(16),
                summary: "Melding voor Politie.",
                handedOverAt: Date.UTC(2026, 11, 6, 14),
              },
            },
          },
        }}
        actions={actions}
      />,
    );
    expect(ready).toContain(asHtml(t("moderation.handoff.to", { name: "Police (Politie)" })));
    expect(ready).toContain('download="handoff-politie-0c0c0c0c.json"');
    expect(ready).toContain("Melding voor Politie.");
    expect(ready).toContain(asHtml(t("moderation.server.intake")));
    expect(ready).not.toContain("@noor:localhost");
  });

  it("shows a profile report with the reporter named", () => {
    const html = renderView(
      <ModerationView
        view={{
          key: { kind: "ready", matchesDeployment: true, keyCount: 1, adding: undefined },
          inbox,
          selected: {
            ...detail,
            subject: "profile",
            content: {
              ...opened,
              evidence: {
                kind: "profile",
                userId: "@alex:localhost",
                unseen: [
                  {
                    eventId: "$held",
                    sender: "@alex:localhost",
                    timestamp: 3,
                    body: "Stuur eens een foto",
                    truncated: false,
                  },
                ],
              },
              location: { kind: "profile", userId: "@alex:localhost" },
              reporter: "@noor:localhost",
              note: "He says he is 15.",
            },
          },
        }}
        actions={actions}
      />,
    );
    expect(html).toContain(asHtml(t("moderation.evidence.profile", { userId: "@alex:localhost" })));
    expect(html).toContain('<span class="matrix-id">@noor:localhost</span>');
    expect(html).toContain(">He says he is 15.</p>");
    expect(html).toContain(asHtml(t("moderation.evidence.unseen")));
    expect(html).toContain(">Stuur eens een foto</p>");
    expect(html).not.toContain(asHtml(t("moderation.dsa.reporterWithheld")));
  });

  it("asks for the team key before listing anything", () => {
    const html = renderView(
      <ModerationView
        view={{
          key: { kind: "needed", input: "", busy: false, error: "moderation.key.error.unreadable" },
          inbox,
          selected: undefined,
        }}
        actions={actions}
      />,
    );
    expect(html).toContain(asHtml(t("moderation.key.title")));
    expect(html).toContain(asHtml(t("moderation.key.error.unreadable")));
    expect(html).not.toContain(t("moderation.list.open"));
  });

  it("says the list is empty once loaded", () => {
    const html = renderView(
      <ModerationView
        view={{
          key: { kind: "ready", matchesDeployment: false, keyCount: 2, adding: undefined },
          inbox,
          selected: undefined,
        }}
        actions={actions}
      />,
    );
    expect(html).toContain(asHtml(t("moderation.key.mismatch")));
    expect(html).toContain(asHtml(t("moderation.list.empty")));
  });
});

describe("ModerationView: the outcome for the reporter (OUT)", () => {
  const withKey = (selected: ModerationReportDetail) => (
    <ModerationView
      view={{
        key: { kind: "ready", matchesDeployment: true, keyCount: 1, adding: undefined },
        inbox,
        selected,
      }}
      actions={actions}
    />
  );

  it("offers handled, the advised bodies and no action with each reason", () => {
    const html = renderView(withKey(detail), "nl");
    const nl = wordsIn("nl").t;
    expect(html).toContain(asHtml(nl("moderation.outcome.title")));
    expect(html).toContain(asHtml(nl("moderation.outcome.handled")));
    expect(html).toContain(asHtml(nl("moderation.outcome.forwardedTo", { name: "Politie" })));
    expect(html).toContain(
      asHtml(
        nl("moderation.outcome.noAction", {
          reason: nl("moderation.outcome.reason.notEnoughInformation"),
        }),
      ),
    );
    expect(html).not.toContain(asHtml(nl("moderation.outcome.noChannel")));
  });

  it("shows the chosen outcome and whether it reached the reporter, with a retry when not", () => {
    const nl = wordsIn("nl").t;
    const chosen = {
      decision: "forwarded",
      forwardedTo: "politie",
      reason: null,
      sentToReporter: false,
    } as const;
    const failed = renderView(
      withKey({
        ...detail,
        handledAt: 5,
        outcome: { ...detail.outcome, chosen, lastSend: "failed" },
      }),
      "nl",
    );
    expect(failed).toContain(asHtml(nl("moderation.outcome.notSent")));
    expect(failed).toContain(asHtml(nl("moderation.outcome.retry")));
    const sent = renderView(
      withKey({
        ...detail,
        handledAt: 5,
        outcome: { ...detail.outcome, chosen: { ...chosen, sentToReporter: true } },
      }),
      "nl",
    );
    expect(sent).toContain(asHtml(nl("moderation.outcome.sent")));
    expect(sent).toContain(
      asHtml(
        nl("moderation.outcome.chosen", {
          outcome: nl("moderation.outcome.forwardedTo", { name: "Politie" }),
        }),
      ),
    );
  });

  it("asks to confirm a choice, showing exactly the words the reporter will read", () => {
    const nl = wordsIn("nl").t;
    const confirming = (readerWords: "child" | "general", canReachReporter = true) =>
      renderView(
        withKey({
          ...detail,
          outcome: {
            ...detail.outcome,
            canReachReporter,
            confirming: {
              choice: { decision: "no-action", reason: "no-rule-broken" },
              readerWords,
            },
          },
        }),
        "nl",
      );
    const child = confirming("child");
    expect(child).toContain(asHtml(nl("moderation.outcome.confirm.readerChild")));
    expect(child).toContain(asHtml(nl("myReports.status.noRuleBroken.child")));
    expect(child).not.toContain(asHtml(nl("myReports.status.noRuleBroken")) + "<");
    expect(child).toContain(asHtml(nl("moderation.outcome.confirm.send")));
    expect(child).toContain(asHtml(nl("moderation.outcome.confirm.change")));
    // The choices are gone until "Andere keuze": no second tap sends anything.
    expect(child).not.toContain(asHtml(nl("moderation.outcome.handled")) + "<");
    const general = confirming("general");
    expect(general).toContain(asHtml(nl("moderation.outcome.confirm.reader")));
    expect(general).toContain(asHtml(nl("myReports.status.noRuleBroken")));
    expect(general).not.toContain(asHtml(nl("myReports.status.noRuleBroken.child")));
    const unreachable = confirming("general", false);
    expect(unreachable).toContain(asHtml(nl("moderation.outcome.confirm.save")));
    expect(unreachable).not.toContain(asHtml(nl("myReports.status.noRuleBroken")));
  });

  it("says when a report has no reply channel", () => {
    const html = renderView(
      withKey({ ...detail, outcome: { ...detail.outcome, canReachReporter: false } }),
      "nl",
    );
    expect(html).toContain(asHtml(wordsIn("nl").t("moderation.outcome.noChannel")));
  });
});
