// The request screen rendered from plain snapshots: the engine's notices,
// help and choices exactly as the snapshot carries them.
import { describe, expect, it } from "vitest";
import type { RequestSnapshot, RequestViewActions } from "../viewmodels/RequestViewModel.ts";
import { asHtml, notCalled, renderView, wordsIn } from "./renderForTest.tsx";
import { RequestView } from "./RequestView.tsx";

const actions: RequestViewActions = {
  accept: notCalled,
  ignore: notCalled,
  block: notCalled,
  blockAndReport: notCalled,
  back: notCalled,
  openWhy: notCalled,
  openHelpResource: notCalled,
};

type Found = Extract<RequestSnapshot, { found: true }>;

const request = (over: Partial<Found> = {}): Found => ({
  found: true,
  roomId: "!req",
  inviter: { kind: "name", label: "Alex", userId: "@alex:localhost" },
  presentation: "overview",
  preview: "hidden",
  reason: undefined,
  overview: undefined,
  notices: [
    {
      id: "unknown-adult",
      severity: "warning",
      copyKey: "notice.unknownAdult.teen13",
    },
  ],
  help: ["kindertelefoon"],
  choices: ["ignore", "block", "report", "accept"],
  primary: "decline",
  offered: ["accept-after-reading", "ignore", "block", "block-and-report", "get-help", "why"],
  decisionId: "nl-default@1.0.0/room/0",
  why: {
    audience: "teen",
    ruleIds: ["incoming-contact/adult-strangers-never-normal-chat-for-minors"],
    pack: "nl-default 1.0.0",
  },
  failedClosed: false,
  busy: false,
  ...over,
});

const words = wordsIn();
const { t } = words;

describe("RequestView", () => {
  it("shows who asks with their Matrix ID, the notice, help and the offered choices", () => {
    const html = renderView(<RequestView view={request()} actions={actions} />);
    expect(html).toContain(">Alex</bdi>");
    expect(html).toContain("@alex:localhost");
    expect(html).toContain(asHtml(words.notice("notice.unknownAdult.teen13")));
    expect(html).toContain('href="tel:08000432"');
    for (const key of [
      "request.accept",
      "request.ignore",
      "request.block",
      "request.blockAndReport",
    ] as const) {
      expect(html).toContain(`>${asHtml(t(key))}</button>`);
    }
    // Reporting blocks too: said once, under the choices.
    expect(html).toContain(asHtml(t("request.reportNote")));
    expect(html).toContain(asHtml(t("request.previewHidden")));
    expect(html).toContain(t("why.title"));
  });

  it("offers only what the engine offers, and promises nothing about accepting when it cannot", () => {
    const html = renderView(
      <RequestView view={request({ choices: ["block"], help: [] })} actions={actions} />,
    );
    expect(html).not.toContain(`>${t("request.accept")}</button>`);
    expect(html).not.toContain(`>${t("request.ignore")}</button>`);
    expect(html).not.toContain(`>${asHtml(t("request.blockAndReport"))}</button>`);
    expect(html).not.toContain(asHtml(t("request.reportNote")));
    expect(html).toContain(`>${t("request.block")}</button>`);
    expect(html).toContain(asHtml(t("request.previewHiddenNoAccept")));
    expect(html).not.toContain("tel:");
  });

  it("makes the choice the snapshot marks primary the filled button, first; accepting a risk comes last", () => {
    const html = renderView(<RequestView view={request()} actions={actions} />);
    const buttons = [
      ...html.matchAll(/<button type="button"( class="primary")?[^>]*>([^<]+)<\/button>/g),
    ]
      .map((match) => [match[2], match[1] !== undefined] as const)
      .filter(([label]) =>
        [t("request.accept"), t("request.ignore"), t("request.block"), t("request.blockAndReport")]
          .map(asHtml)
          .includes(label ?? ""),
      );
    expect(buttons).toEqual([
      [asHtml(t("request.ignore")), true],
      [asHtml(t("request.block")), false],
      [asHtml(t("request.blockAndReport")), false],
      [asHtml(t("request.accept")), false],
    ]);

    const plain = renderView(
      <RequestView
        view={request({ choices: ["accept", "ignore", "block"], primary: "accept" })}
        actions={actions}
      />,
    );
    expect(plain).toContain(
      `<button type="button" class="primary">${t("request.accept")}</button>`,
    );
    expect(plain).toContain(`<button type="button">${asHtml(t("request.ignore"))}</button>`);
  });

  it("shows a group's safety overview: its name, who made it, who is in it and who is unknown", () => {
    const html = renderView(
      <RequestView
        view={request({
          overview: {
            title: { kind: "name", text: "Huiswerk", flagged: false },
            creator: { kind: "unknown", tag: 0 },
            createdAt: undefined,
            invitedAt: undefined,
            members: [
              {
                name: { kind: "unknown", tag: 0 },
                relationship: "adult-stranger",
                isInviter: true,
                isCreator: true,
              },
              {
                name: { kind: "name", label: "Lotte", userId: "@lotte:localhost" },
                relationship: "contact",
                isInviter: false,
                isCreator: false,
              },
            ],
            membersKnown: true,
          },
        })}
        actions={actions}
      />,
    );
    expect(html).toContain(t("overview.title"));
    expect(html).toContain(">Huiswerk</bdi>");
    expect(html).toContain('class="member unknown"');
    expect(html).toContain('class="member known"');
    expect(html).toContain(`>${t("overview.join")}</button>`);
  });

  it("says the request is gone when it is not found", () => {
    const html = renderView(<RequestView view={{ found: false }} actions={actions} />);
    expect(html).toContain(asHtml(t("request.notFound")));
    expect(html).not.toContain('<button type="button" class="primary"');
  });
});
