// The facilitator console's page, rendered from plain snapshots: seats as
// cards with their one-time sign-in QR code (the link as text only when
// asked; a used code says so), the actor's steps in words (not
// ids), the classroom certificate with steps per platform, and a
// confirmation that says what will be deleted.
import { describe, expect, it } from "vitest";
import { listStudyPacks } from "../study/packVariants.ts";
import type { ConsoleSnapshot, ConsoleViewActions } from "../viewmodels/ConsoleViewModel.ts";
import { ConsolePage } from "./ConsoleView.tsx";
import { asHtml, notCalled, renderView, wordsIn } from "./renderForTest.tsx";

const actions: ConsoleViewActions = {
  signIn: notCalled,
  signOut: notCalled,
  createSeats: notCalled,
  setPack: notCalled,
  chooseScenario: notCalled,
  giveConsent: notCalled,
  askToWithdraw: notCalled,
  askToReset: notCalled,
  askToRenewCode: notCalled,
  showLink: notCalled,
  askToClear: notCalled,
  cancelConfirmation: notCalled,
  confirm: notCalled,
  startScenario: notCalled,
  stopScenario: notCalled,
  exportCsv: notCalled,
  exportJson: notCalled,
};

const snapshot: ConsoleSnapshot = {
  facilitator: "@facilitator:localhost",
  busy: false,
  error: undefined,
  packs: listStudyPacks(),
  scenarios: [
    {
      id: "unknown-adult-contacts-noor",
      title: { nl: "Onbekende volwassene stuurt Noor een bericht", en: "Unknown adult" },
      participant: "noor",
      band: "13-15",
    },
  ],
  seats: [
    {
      seat: "p01",
      band: "13-15",
      packId: "nl-default",
      participant: "p-0101010101010101",
      consent: { textVersion: "2026-11", givenAt: 1 },
      loggedRun: { scenario: "unknown-adult-contacts-noor", run: 1 },
      recorded: 3,
      actor: {
        scenarioId: "unknown-adult-contacts-noor",
        status: "running",
        steps: [
          { index: 0, step: "start-direct-chat", status: "finished" },
          { index: 1, step: "send", status: "running" },
        ],
      },
      signInCode: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      signInLink: "https://127.0.0.2:8443/#seat=p01.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      linkShown: false,
      chosenScenario: "unknown-adult-contacts-noor",
    },
    {
      seat: "p02",
      band: "8-12",
      packId: "baseline",
      participant: null,
      consent: null,
      loggedRun: null,
      recorded: 0,
      actor: null,
      signInCode: "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
      signInLink: "https://127.0.0.2:8443/#seat=p02.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
      linkShown: true,
      chosenScenario: "unknown-adult-contacts-noor",
    },
  ],
  timeline: [],
  summaries: [],
  confirmation: { kind: "withdraw", seat: "p01", recorded: 3 },
  result: { key: "facilitator.result.started", params: { seat: "p01" } },
  certificateUrl: "https://127.0.0.2:8443/lan/ca.crt",
};

const language = { locale: "nl" as const, setLocale: notCalled };

describe("the facilitator console page", () => {
  it("shows a card per seat with its QR code, and the actor's steps in words", () => {
    const html = renderView(
      <ConsolePage view={snapshot} actions={actions} language={language} />,
      "nl",
    );
    const { t } = wordsIn("nl");
    expect(html).toContain(asHtml(t("facilitator.seats.seat", { seat: "p02" })));
    expect(html).toContain(`aria-label="${asHtml(t("facilitator.seats.qr", { seat: "p01" }))}"`);
    // p01's link is a QR code only; p02's facilitator asked to see it as text.
    expect(html).not.toContain("#seat=p01");
    expect(html).toContain(
      'href="https://127.0.0.2:8443/#seat=p02.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"',
    );
    expect(html).toContain(asHtml(t("facilitator.seats.showLink")));
    expect(html).toContain(asHtml(t("facilitator.seats.renewCode", { seat: "p01" })));
    expect(html).toContain(
      asHtml(`${t("facilitator.step.start-direct-chat")}: ${t("facilitator.stepStatus.finished")}`),
    );
    expect(html).not.toContain("start-direct-chat:");
    expect(html).toContain(asHtml(t("facilitator.seats.stop", { seat: "p01" })));
    expect(html).toContain(asHtml(t("facilitator.seats.giveConsent", { seat: "p02" })));
    expect(html).toContain(asHtml(t("facilitator.result.started", { seat: "p01" })));
  });

  it("says when a seat's code was used, with no QR code, and asks before a fresh one signs the phone out", () => {
    const { t } = wordsIn("nl");
    const [p01, p02] = snapshot.seats;
    if (p01 === undefined || p02 === undefined) throw new Error("two seats expected");
    const html = renderView(
      <ConsolePage
        view={{
          ...snapshot,
          seats: [{ ...p01, signInCode: null, signInLink: undefined, linkShown: false }, p02],
          confirmation: { kind: "renew-code", seat: "p01" },
        }}
        actions={actions}
        language={language}
      />,
      "nl",
    );
    expect(html).toContain(asHtml(t("facilitator.seats.codeUsed", { seat: "p01" })));
    expect(html).not.toContain(
      `aria-label="${asHtml(t("facilitator.seats.qr", { seat: "p01" }))}"`,
    );
    expect(html).toContain(asHtml(t("facilitator.confirm.renewCode", { seat: "p01" })));
    expect(html).toContain(asHtml(t("facilitator.confirm.renewCodeYes")));
  });

  it("shows the classroom certificate with steps per platform, on the HTTPS classroom only", () => {
    const { t } = wordsIn("en");
    const html = renderView(<ConsolePage view={snapshot} actions={actions} language={language} />);
    expect(html).toContain('href="https://127.0.0.2:8443/lan/ca.crt"');
    for (const key of ["facilitator.trust.android", "facilitator.trust.ios"] as const) {
      expect(html).toContain(asHtml(t(key)));
    }
    const loopback = renderView(
      <ConsolePage
        view={{ ...snapshot, certificateUrl: undefined }}
        actions={actions}
        language={language}
      />,
    );
    expect(loopback).not.toContain(asHtml(t("facilitator.trust.title")));
  });

  it("asks before a withdrawal, saying how many events go; the safe answer has the focus", () => {
    const { t } = wordsIn("en");
    const html = renderView(<ConsolePage view={snapshot} actions={actions} language={language} />);
    expect(html).toContain('role="alertdialog"');
    expect(html).toContain(asHtml(t("facilitator.confirm.withdraw", { seat: "p01", recorded: 3 })));
    const none = renderView(
      <ConsolePage
        view={{ ...snapshot, confirmation: undefined }}
        actions={actions}
        language={language}
      />,
    );
    expect(none).not.toContain('role="alertdialog"');
  });
});
