// The report sheet rendered from plain snapshots: before filing it shows
// exactly what will be shared; after, the status and what the engine offers.
import { describe, expect, it } from "vitest";
import type {
  EvidenceRow,
  ReportSheetSnapshot,
  ReportSheetViewActions,
} from "../viewmodels/ReportSheetViewModel.ts";
import { asHtml, notCalled, renderView, wordsIn } from "./renderForTest.tsx";
import { ReportSheetView } from "./ReportSheetView.tsx";

const actions: ReportSheetViewActions = {
  toggleDetails: notCalled,
  setCategory: notCalled,
  setNote: notCalled,
  setIncludeContext: notCalled,
  setIncludeIdentity: notCalled,
  file: notCalled,
  retryDelivery: notCalled,
  block: notCalled,
  leave: notCalled,
  help: notCalled,
  close: notCalled,
};

const row = (n: number, over: Partial<EvidenceRow> = {}): EvidenceRow => ({
  eventId: `$e${n}`,
  senderUserId: "@alex:localhost",
  senderLabel: "Alex",
  mine: false,
  timestamp: Date.UTC(2026, 11, 6, 12, n),
  readable: true,
  keptBack: false,
  body: `message ${n}`,
  ...over,
});

const sheet = (over: Partial<ReportSheetSnapshot> = {}): ReportSheetSnapshot => ({
  phase: "review",
  target: "message",
  reporterUserId: "@noor:localhost",
  reportedUserId: "@alex:localhost",
  reportedLabel: "Alex",
  reportedShown: true,
  roomId: "!dm:localhost",
  reported: row(3, { body: "send a pic" }),
  context: [row(1, { mine: true, body: "hoi" }), row(2, { readable: false, body: "" })],
  includeContext: true,
  sheet: "standard",
  unseenCount: 0,
  ageAlong: undefined,
  category: "asking-for-images",
  categoryChosen: false,
  categories: ["asking-for-images", "grooming", "other"],
  note: "",
  detailsOpen: false,
  media: [],
  mediaProblem: undefined,
  identityOptional: false,
  includeIdentity: true,
  reportId: undefined,
  status: undefined,
  offers: { block: true, leave: true, help: true },
  advice: [],
  help: ["kindertelefoon"],
  blocked: false,
  left: false,
  busy: false,
  why: {
    audience: "teen",
    ruleIds: ["report/moderators-always", "report/advice-for-material-in-chats"],
    pack: "nl-default 1",
  },
  ...over,
});

const words = wordsIn();
const { t, plural } = words;

describe("ReportSheetView: what goes along about the reporter's age (TEAM)", () => {
  it("says it in one line when the engine lets an age go, and says nothing otherwise", () => {
    expect(renderView(<ReportSheetView view={sheet()} actions={actions} />)).not.toContain(
      "report-age-along",
    );
    for (const ageAlong of ["minor-band", "minor", "adult"] as const) {
      const html = renderView(<ReportSheetView view={sheet({ ageAlong })} actions={actions} />);
      expect(html, ageAlong).toContain(asHtml(t(`report.ageAlong.${ageAlong}`)));
    }
  });
});

describe("ReportSheetView", () => {
  it("shows what will be shared: the message, the context before it, the category and the name", () => {
    const html = renderView(<ReportSheetView view={sheet()} actions={actions} />);
    expect(html).toContain("<dialog ");
    expect(html).toContain(t("report.title.message"));
    expect(html).toContain(">send a pic</p>");
    expect(html).toContain(plural("report.includeContext", 2));
    expect(html).toContain(">hoi</p>");
    expect(html).toContain(`>${t("conversation.you")}</span>`);
    expect(html).toContain(asHtml(t("report.unreadable")));
    expect(html).toContain(`<strong>${t("report.category.asking-for-images")}</strong>`);
    expect(html).toContain(asHtml(t("report.identityIncluded", { userId: "@noor:localhost" })));
    expect(html).toContain(asHtml(t("report.technicalEvents", { eventIds: "$e3, $e1, $e2" })));
    expect(html).toContain(`>${t("report.send")}</button>`);
    // Details are folded away until asked for.
    expect(html).not.toContain('name="report-category"');
  });

  it("leaves out what the reporter leaves out, and shows a kept-back sender's words as a placeholder", () => {
    const html = renderView(
      <ReportSheetView
        view={sheet({
          includeContext: false,
          identityOptional: true,
          includeIdentity: false,
          detailsOpen: true,
          reported: row(3, { keptBack: true, senderLabel: "Someone you don't know" }),
        })}
        actions={actions}
      />,
    );
    expect(html).not.toContain(">hoi</p>");
    expect(html).toContain(asHtml(t("report.technicalEvents", { eventIds: "$e3" })));
    expect(html).toContain(asHtml(t("report.keptBack")));
    expect(html).not.toContain("message 3");
    expect(html).toContain(t("report.includeIdentity"));
    expect(html).toContain('name="report-category"');
  });

  it("after filing: the live status, where else to report, and only what is still offered", () => {
    const html = renderView(
      <ReportSheetView
        view={sheet({
          phase: "filed",
          status: "delivered",
          reportId: "r1",
          advice: ["politie"],
          blocked: true,
          offers: { block: false, leave: true, help: true },
        })}
        actions={actions}
      />,
    );
    expect(html).toContain(asHtml(t("report.status.delivered")));
    expect(html).toContain(t("report.advice"));
    expect(html).toContain(asHtml(t("report.blocked", { name: "Alex" })));
    expect(html).not.toContain(`>${t("report.block", { name: "Alex" })}</button>`);
    expect(html).toContain(`>${t("report.leave")}</button>`);
    expect(html).toContain(`>${t("report.help")}</button>`);
    expect(html).not.toContain(">send a pic</p>");
    // Who gets it and why, in the reporter's words.
    expect(html).toContain(t("why.title"));
    expect(html).toContain(asHtml(words.why("report/moderators-always", "teen") ?? "missing"));
  });

  it("says reports cannot be sent here, and still offers what the engine offers instead", () => {
    const html = renderView(
      <ReportSheetView
        view={sheet({ phase: "unavailable", offers: { block: true, leave: false, help: false } })}
        actions={actions}
      />,
    );
    expect(html).toContain(asHtml(t("report.unavailable")));
    expect(html).toContain(`>${t("report.block", { name: "Alex" })}</button>`);
    expect(html).not.toContain(`>${t("report.leave")}</button>`);
    expect(html).not.toContain(`>${t("report.send")}</button>`);
  });

  it("says a request's unseen messages go along, without showing a word of them", () => {
    const html = renderView(
      <ReportSheetView
        view={sheet({ target: "request", reported: undefined, context: [], unseenCount: 3 })}
        actions={actions}
      />,
    );
    expect(html).toContain(asHtml(plural("report.unseen", 3)));
    expect(html).toContain(asHtml(t("report.who", { name: "Alex", userId: "@alex:localhost" })));
    expect(html).not.toContain(
      asHtml(t("report.profileShared", { name: "Alex", userId: "@alex:localhost" })),
    );
  });

  it("gives a child's sheet (simple) a few choices in a child's words, none picked", () => {
    const html = renderView(
      <ReportSheetView
        view={sheet({
          sheet: "simple",
          target: "request",
          reported: undefined,
          context: [],
          reportedShown: false,
          unseenCount: 2,
          category: "other",
          categories: ["asking-for-images", "harassment", "other"],
        })}
        actions={actions}
      />,
    );
    expect(html).toContain(asHtml(plural("report.unseen.child", 2)));
    expect(html).toContain(asHtml(t("report.simple.question.child")));
    expect(html).toContain(asHtml(t("report.simple.category.asking-for-images.child")));
    expect(html).toContain(asHtml(t("report.simple.category.other.child")));
    // The engine's one-tap default ("other") is not shown as the child's choice.
    expect(html).not.toContain("checked");
    expect(html).not.toContain(t("report.categoryLabel"));
    expect(html).toContain(`>${t("report.send")}</button>`);
  });

  it("after a child's report: thanks and who helps first; where else to report is folded away for parents", () => {
    const html = renderView(
      <ReportSheetView
        view={sheet({
          sheet: "simple",
          phase: "filed",
          status: "queued",
          reportId: "r1",
          advice: ["politie"],
          help: ["kindertelefoon"],
        })}
        actions={actions}
      />,
    );
    const thanks = html.indexOf(asHtml(t("report.simple.thanks.child")));
    const whoHelps = html.indexOf(asHtml(t("report.simple.whoHelps.child")));
    const police = html.indexOf("Politie");
    expect(thanks).toBeGreaterThan(-1);
    expect(whoHelps).toBeGreaterThan(thanks);
    expect(html).toContain("0800-0432");
    // The police card sits behind "for your parents", after the thanks and the help.
    expect(police).toBeGreaterThan(whoHelps);
    expect(html).toMatch(/<details class="report-advice report-for-adults"><summary>/);
    expect(html).not.toContain(asHtml(t("report.advice")));
  });
});

describe("ReportSheetView: reported media (RMEDIA)", () => {
  const photo = {
    eventId: "$e3",
    kind: "image" as const,
    name: "IMG_0001.jpg",
    size: 2_100_000,
    mimetype: "image/jpeg",
    visible: true,
    preview: undefined,
  };

  it("names a photo the reporter may see, and a file by its name", () => {
    const html = renderView(
      <ReportSheetView
        view={sheet({
          media: [photo, { ...photo, eventId: "$e2", kind: "file", name: "plan.pdf" }],
        })}
        actions={actions}
      />,
    );
    expect(html).toContain(t("report.media.photo"));
    expect(html).toContain(t("report.media.file", { name: "plan.pdf" }));
  });

  it("only counts what the engine does not let the reporter see", () => {
    const html = renderView(
      <ReportSheetView view={sheet({ media: [{ ...photo, visible: false }] })} actions={actions} />,
    );
    expect(html).toContain(plural("report.media.unseenPhotos", 1));
    expect(html).not.toContain(t("report.media.photo"));
    expect(html).not.toContain("IMG_0001.jpg");
  });

  it("says why filing failed when the photo could not go", () => {
    const html = renderView(
      <ReportSheetView
        view={sheet({ phase: "failed", media: [photo], mediaProblem: "not-sent" })}
        actions={actions}
      />,
    );
    expect(html).toContain(t("report.media.notSent"));
  });
});
