// The loading screen, rendered to HTML: the stages as steps (done, under way,
// still to come) for eyes and screen readers, and the retry only once the
// wait has become long.
import { describe, expect, it } from "vitest";
import { asHtml, notCalled, renderView, wordsIn } from "./renderForTest.tsx";
import { SessionLoadingView } from "./SessionLoadingView.tsx";

const actions = { retry: notCalled };

describe("SessionLoadingView", () => {
  it("shows the three stages, the one under way marked as the current step", () => {
    const { t } = wordsIn("nl");
    const html = renderView(
      <SessionLoadingView view={{ stage: "keys", slow: false }} actions={actions} />,
      "nl",
    );
    expect(html).toContain(asHtml(t("loading.title")));
    expect(html).toContain('<progress class="loading-progress" max="3" value="1"');
    expect(html).toContain(asHtml(t("loading.progress", { done: 1, total: 3 })));
    expect(html).toMatch(/loading-step-done"><span[^>]*><\/span><span>De app laden/);
    expect(html).toContain(
      `class="loading-step loading-step-active" aria-current="step"><span class="loading-step-mark" aria-hidden="true"></span><span>${asHtml(t("loading.stage.keys"))}`,
    );
    expect(html).toContain(
      `loading-step-waiting"><span class="loading-step-mark" aria-hidden="true"></span><span>${t("loading.stage.sync")}`,
    );
    expect(html).not.toContain(t("loading.retry"));
  });

  it("says it takes longer than normal and offers a retry after a long wait", () => {
    const { t } = wordsIn("en");
    const html = renderView(
      <SessionLoadingView view={{ stage: "sync", slow: true }} actions={actions} />,
    );
    expect(html).toContain(t("loading.slow"));
    expect(html).toContain(`<button type="button" class="primary">${t("loading.retry")}</button>`);
  });

  it("fills the bar once every stage is done", () => {
    const html = renderView(
      <SessionLoadingView view={{ stage: "done", slow: false }} actions={actions} />,
    );
    expect(html).toContain('max="3" value="3"');
    expect(html).not.toContain('aria-current="step"');
  });
});
