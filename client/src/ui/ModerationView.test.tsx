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
  filedBy: ["@noor:localhost"],
  serverEventSender: "@alex:localhost",
  checks: { filedByNamedReporter: null, targetMatches: true, senderMatches: true },
  content: opened,
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
        view={{ key: { kind: "ready", matchesDeployment: true }, inbox, selected: detail }}
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

  it("shows a profile report with the reporter named", () => {
    const html = renderView(
      <ModerationView
        view={{
          key: { kind: "ready", matchesDeployment: true },
          inbox,
          selected: {
            ...detail,
            subject: "profile",
            content: {
              ...opened,
              evidence: { kind: "profile", userId: "@alex:localhost" },
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
        view={{ key: { kind: "ready", matchesDeployment: false }, inbox, selected: undefined }}
        actions={actions}
      />,
    );
    expect(html).toContain(asHtml(t("moderation.key.mismatch")));
    expect(html).toContain(asHtml(t("moderation.list.empty")));
  });
});
