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
  routing: {
    failedClosed: false,
    adviceForChat: ["politie"],
    adviceForPublicWebsite: [],
    rules: "report/advice-for-material-in-chats",
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
    expect(html).toContain('<li class="matrix-id">$e2</li>');
    expect(html).toContain(asHtml(t("moderation.routing.none")));
    expect(html).toContain(
      asHtml(t("moderation.routing.rules", { rules: "report/advice-for-material-in-chats" })),
    );
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
