// The sign-in screen, rendered to HTML: the form with a calm notice (signed
// out elsewhere), and a classroom seat link's problem on its own, no form.
import { describe, expect, it } from "vitest";
import type { SignInSnapshot } from "../viewmodels/SignInViewModel.ts";
import { asHtml, notCalled, renderView, wordsIn } from "./renderForTest.tsx";
import { SignInView } from "./SignInView.tsx";

const actions = {
  setUsername: notCalled,
  setPassword: notCalled,
  setHomeserverUrl: notCalled,
  openServerField: notCalled,
  submit: notCalled,
  signInByHand: notCalled,
};

const form: SignInSnapshot = {
  homeserverUrl: "http://hs",
  username: "",
  password: "",
  serverFieldOpen: false,
  busy: false,
  error: undefined,
  notice: undefined,
  seatLinkProblem: undefined,
  openedByHand: false,
};

describe("SignInView", () => {
  it("says kindly, above the form, that this device was signed out elsewhere", () => {
    const { t } = wordsIn("nl");
    const html = renderView(
      <SignInView
        form={{ ...form, notice: { key: "signIn.notice.signedOutElsewhere", params: {} } }}
        actions={actions}
      />,
      "nl",
    );
    expect(html).toMatch(
      new RegExp(
        `<p id="([^"]+)" class="notice" role="status">${asHtml(t("signIn.notice.signedOutElsewhere"))}</p><form noValidate="" aria-describedby="\\1"`,
      ),
    );
    expect(html).not.toContain('role="alert"');
    expect(html).toContain('name="password"');
  });

  it("shows a used seat link's message on its own: no username or password, a small link to them", () => {
    const { t } = wordsIn("en");
    const html = renderView(
      <SignInView
        form={{ ...form, seatLinkProblem: { key: "signIn.error.seatCodeUsed", params: {} } }}
        actions={actions}
      />,
    );
    expect(html).toContain(asHtml(t("signIn.seatLink.title")));
    expect(html).toContain(
      `<p class="notice" role="alert">${asHtml(t("signIn.error.seatCodeUsed"))}</p>`,
    );
    expect(html).toContain(
      `<button type="button" class="link-button">${asHtml(t("signIn.seatLink.byHand"))}</button>`,
    );
    expect(html).not.toContain("<form");
    expect(html).not.toContain("<input");
  });
});
