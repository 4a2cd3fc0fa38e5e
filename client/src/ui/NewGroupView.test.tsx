// "New group" rendered to HTML: after the engine's notice, the choice the
// snapshot marks primary is the filled button, so where the engine marks going
// on as risky, "Niet maken" leads and "Toch groep maken" is an ordinary button.
import { describe, expect, it } from "vitest";
import type { NewGroupSnapshot } from "../viewmodels/NewGroupViewModel.ts";
import { NewGroupView } from "./NewGroupView.tsx";
import { notCalled, renderView, wordsIn } from "./renderForTest.tsx";

const actions = { setName: notCalled, setMembers: notCalled, submit: notCalled, back: notCalled };

const afterNotice = (primary: NewGroupSnapshot["primary"]): NewGroupSnapshot => ({
  name: "Huiswerk",
  members: "@sam:localhost",
  busy: false,
  error: undefined,
  checks: [
    {
      userId: "@sam:localhost",
      refused: false,
      notices: [],
      why: { audience: "adult", ruleIds: [], pack: "test 1" },
    },
  ],
  canSubmit: true,
  primary,
});

describe("NewGroupView", () => {
  it("makes the safe choice the filled button where the engine marks risk", () => {
    const { t } = wordsIn("nl");
    const html = renderView(<NewGroupView view={afterNotice("cancel")} actions={actions} />, "nl");
    expect(html).toContain(
      `<button type="button" class="primary">${t("newGroup.cancel")}</button>`,
    );
    expect(html).toContain(`<button type="submit">${t("newGroup.continue")}</button>`);
  });

  it("leaves creating the filled button when going on is not marked risky", () => {
    const { t } = wordsIn("nl");
    const html = renderView(<NewGroupView view={afterNotice("create")} actions={actions} />, "nl");
    expect(html).toContain(`<button type="button">${t("newGroup.cancel")}</button>`);
    expect(html).toContain(
      `<button type="submit" class="primary">${t("newGroup.continue")}</button>`,
    );
  });

  it("offers one filled 'create' button before the engine has said anything", () => {
    const { t } = wordsIn("nl");
    const html = renderView(
      <NewGroupView view={{ ...afterNotice("create"), checks: [] }} actions={actions} />,
      "nl",
    );
    expect(html).toContain(
      `<button type="submit" class="primary">${t("newGroup.create")}</button>`,
    );
    expect(html).not.toContain(t("newGroup.cancel"));
  });
});
