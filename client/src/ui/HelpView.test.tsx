// The help screen and the dialog around it, rendered from plain snapshots:
// a native <dialog> named by its title, the quick exit and close in its top
// bar, and how to leave no trace.
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import type { HelpSnapshot, HelpViewActions } from "../viewmodels/HelpViewModel.ts";
import { Dialog } from "./Dialog.tsx";
import { HelpView } from "./HelpView.tsx";
import { asHtml, notCalled, renderView, wordsIn } from "./renderForTest.tsx";
import { SafetyActionsContext, type SafetyActions } from "./SafetyActions.tsx";

const actions: HelpViewActions = {
  openResource: notCalled,
  chooseNeed: notCalled,
  close: notCalled,
};
const safety: SafetyActions = { openHelp: notCalled, quickExit: notCalled };
const help: HelpSnapshot = {
  moment: "general",
  resources: ["kindertelefoon"],
  needs: [],
  need: undefined,
  notices: [],
  why: { audience: "teen", ruleIds: [], pack: "nl-default@1" },
};

const { t } = wordsIn("nl");

function inApp(element: ReactElement): string {
  return renderView(<SafetyActionsContext value={safety}>{element}</SafetyActionsContext>, "nl");
}

describe("HelpView", () => {
  it("asks what is going on with the engine's needs, none pressed until one is tapped", () => {
    const needs: HelpSnapshot["needs"] = ["asked-for-pictures", "picture-shared", "want-to-talk"];
    const html = inApp(<HelpView view={{ ...help, needs }} actions={actions} />);
    expect(html).toContain(`<h2 id="help-needs-title">${asHtml(t("help.need.question"))}</h2>`);
    expect(html).toContain(
      `<button type="button" class="help-need" aria-pressed="false">${asHtml(t("help.need.picture-shared"))}</button>`,
    );
    expect(html).not.toContain('aria-pressed="true"');
    expect(html).not.toContain(asHtml(t("help.need.threatened")));

    const chosen = inApp(
      <HelpView
        view={{
          ...help,
          needs,
          need: "picture-shared",
          resources: ["helpwanted", "kindertelefoon"],
        }}
        actions={actions}
      />,
    );
    expect(chosen).toContain(
      `aria-pressed="true">${asHtml(t("help.need.picture-shared"))}</button>`,
    );
    expect(chosen).toContain(asHtml(t("help.need.picture-shared.intro")));
    // Helpwanted (take-down help) is listed first, as the engine ordered it.
    expect(chosen.indexOf("Helpwanted")).toBeLessThan(chosen.indexOf("Kindertelefoon"));
  });

  it("offers no choice where the engine offers no needs", () => {
    const html = inApp(<HelpView view={help} actions={actions} />);
    expect(html).not.toContain("help-needs");
  });

  it("is a dialog named by its title, with the quick exit and close in its top bar", () => {
    const html = inApp(<HelpView view={help} actions={actions} />);
    expect(html).toMatch(/^<dialog class="dialog help-screen" aria-labelledby="help-title">/);
    expect(html).toContain('<h1 id="help-title" tabindex="-1">');
    const bar = /<div class="dialog-bar">(.*?)<\/div>/.exec(html)?.[1] ?? "";
    expect(bar).toContain(`>${t("help.quickExit")}</button>`);
    expect(bar).toContain(`>${t("help.close")}</button>`);
    // Help does not offer help again.
    expect(bar).not.toContain(`>${t("help.button")}</button>`);
  });

  it("says what the quick exit really does, to screen readers too", () => {
    const html = inApp(<HelpView view={help} actions={actions} />);
    const describedBy = /class="quick-exit" aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(describedBy).toBeDefined();
    expect(html).toContain(`id="${describedBy}" class="visually-hidden">`);
    expect(html).toContain(asHtml(t("help.quickExitHint")));
    expect(t("help.quickExitHint")).toMatch(/^Verlaat de app meteen en opent een neutrale website/);
  });

  it("tells how to leave no trace, and what stays behind", () => {
    const html = inApp(<HelpView view={help} actions={actions} />);
    expect(html).toContain(`>${t("help.traces.title")}</h2>`);
    for (const key of [
      "help.traces.quickExit",
      "help.traces.history",
      "help.traces.app",
    ] as const) {
      expect(html).toContain(asHtml(t(key)));
    }
  });
});

describe("Dialog", () => {
  it("offers help in its top bar unless told not to", () => {
    const html = inApp(
      <Dialog titleId="t" className="report-sheet" onClose={notCalled}>
        <h1 id="t">Melden</h1>
      </Dialog>,
    );
    expect(html).toContain(`>${t("help.quickExit")}</button>`);
    expect(html).toContain(`aria-haspopup="dialog">${t("help.button")}</button>`);
  });

  it("outside the app (no actions given) shows no quick exit or help buttons", () => {
    const html = renderView(
      <Dialog titleId="t" className="report-sheet" onClose={notCalled}>
        <h1 id="t">Melden</h1>
      </Dialog>,
    );
    expect(html).not.toContain("quick-exit");
    expect(html).not.toContain("help-button");
  });
});
