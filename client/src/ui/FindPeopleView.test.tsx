// "Find people" rendered to HTML from plain snapshots: its explanations.
import { describe, expect, it } from "vitest";
import type {
  FindPeopleSnapshot,
  FindPeopleViewActions,
} from "../viewmodels/FindPeopleViewModel.ts";
import { FindPeopleView } from "./FindPeopleView.tsx";
import { asHtml, notCalled, renderView, wordsIn } from "./renderForTest.tsx";

const actions: FindPeopleViewActions = {
  setTerm: notCalled,
  search: notCalled,
  startChatWith: notCalled,
  requestFindable: notCalled,
  confirmFindable: notCalled,
  cancelFindable: notCalled,
  back: notCalled,
};

const snapshot = (over: Partial<FindPeopleSnapshot> = {}): FindPeopleSnapshot => ({
  availability: "available",
  term: "noor",
  searching: false,
  results: undefined,
  resultsWhy: undefined,
  error: undefined,
  findable: { on: false, confirming: undefined, refused: undefined, saving: false, why: undefined },
  ...over,
});

const nl = wordsIn("nl");

describe("FindPeopleView", () => {
  it("says why a search found nobody, in an adult's words", () => {
    const html = renderView(
      <FindPeopleView
        view={snapshot({
          results: [],
          resultsWhy: {
            audience: "adult",
            ruleIds: ["discovery/visibility-table", "discovery/adults-never-see-minors"],
            pack: "nl-default 1",
          },
        })}
        actions={actions}
      />,
      "nl",
    );
    expect(html).toContain(nl.t("findPeople.none"));
    expect(html).toContain(nl.t("why.title"));
    expect(html).toContain(asHtml(nl.why("discovery/adults-never-see-minors", "adult") ?? "?"));
  });

  it("explains nothing before a search, and nothing while searching", () => {
    const why = { audience: "teen", ruleIds: ["discovery/visibility-table"], pack: "p 1" } as const;
    expect(renderView(<FindPeopleView view={snapshot()} actions={actions} />)).not.toContain(
      "<details",
    );
    const searching = renderView(
      <FindPeopleView
        view={snapshot({ searching: true, results: [], resultsWhy: why })}
        actions={actions}
      />,
    );
    expect(searching).not.toContain("<details");
  });

  it("explains a refused setting to a child in children's words, under the notice", () => {
    const html = renderView(
      <FindPeopleView
        view={snapshot({
          findable: {
            on: false,
            confirming: undefined,
            refused: [
              { id: "setting-locked", severity: "info", copyKey: "notice.setting.locked.child" },
            ],
            saving: false,
            why: {
              audience: "child",
              ruleIds: ["protective-setting-change/children-cannot-become-findable"],
              pack: "nl-default 1",
            },
          },
        })}
        actions={actions}
      />,
      "nl",
    );
    const notice = asHtml(nl.notice("notice.setting.locked.child"));
    const why = asHtml(
      nl.why("protective-setting-change/children-cannot-become-findable", "child") ?? "?",
    );
    expect(html).toContain(notice);
    expect(html).toContain(why);
    expect(html.indexOf(notice)).toBeLessThan(html.indexOf(why));
  });
});
