// "Mijn meldingen" rendered from plain snapshots: each report's kind, whom it
// was about, its status in words for the reader (children's words for 8-12),
// and nothing that blames a reporter for a "no action".
import { describe, expect, it } from "vitest";
import type {
  MyReportRow,
  MyReportsSnapshot,
  MyReportsViewActions,
} from "../viewmodels/MyReportsViewModel.ts";
import { MyReportsView } from "./MyReportsView.tsx";
import { asHtml, notCalled, renderView, wordsIn } from "./renderForTest.tsx";

const actions: MyReportsViewActions = { back: notCalled, refresh: notCalled };
const nl = wordsIn("nl").t;

const row = (over: Partial<MyReportRow>): MyReportRow => ({
  reportId: "a".repeat(32),
  createdAt: Date.UTC(2026, 11, 6, 12),
  category: "asking-for-images",
  about: { kind: "person", name: { kind: "name", label: "Mark", userId: "@mark:localhost" } },
  status: { kind: "sent", outcomeCanCome: true },
  isNew: false,
  ...over,
});

const view = (rows: MyReportRow[], audience: MyReportsSnapshot["audience"] = "teen") =>
  renderView(<MyReportsView view={{ rows, audience, checking: false }} actions={actions} />, "nl");

describe("MyReportsView", () => {
  it("shows what kind, about whom and where a sent report stands", () => {
    const html = view([row({})]);
    expect(html).toContain(asHtml(nl("myReports.title")));
    expect(html).toContain(asHtml(nl("report.category.asking-for-images")));
    expect(html).toContain("Mark");
    expect(html).toContain(asHtml(nl("myReports.status.sent")));
  });

  it("words a forwarded report with the body's name, and marks a new outcome", () => {
    const html = view([row({ status: { kind: "forwarded", to: "politie" }, isNew: true })]);
    expect(html).toContain(asHtml(nl("myReports.status.forwarded", { name: "Politie" })));
    expect(html).toContain(asHtml(nl("myReports.new")));
  });

  it("gives 8-12 their own words, also for no action", () => {
    const html = view(
      [row({ status: { kind: "no-action", reason: "not-enough-information" } })],
      "child",
    );
    expect(html).toContain(asHtml(nl("myReports.status.notEnoughInformation.child")));
    expect(html).not.toContain(asHtml(nl("myReports.status.notEnoughInformation")));
    expect(html).toContain(asHtml(nl("myReports.intro.child")));
  });

  it("says so when nothing was reported on this device", () => {
    expect(view([])).toContain(asHtml(nl("myReports.empty")));
  });
});
