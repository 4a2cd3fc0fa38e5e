// The update notice, rendered to HTML (no DOM in unit tests): an always
// present status region, filled only when a new version waits.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/i18n.ts";
import type { AppUpdateModel, AppUpdateSnapshot } from "../pwa/appUpdate.ts";
import { TranslatorContext } from "./TranslatorContext.tsx";
import { UpdateNotice } from "./UpdateNotice.tsx";

function render(snapshot: AppUpdateSnapshot, locale: "nl" | "en" = "nl"): string {
  const update: AppUpdateModel = {
    subscribe: () => () => undefined,
    getSnapshot: () => snapshot,
    apply: () => undefined,
  };
  return renderToStaticMarkup(
    <TranslatorContext value={createTranslator(locale)}>
      <UpdateNotice update={update} />
    </TranslatorContext>,
  );
}

describe("UpdateNotice", () => {
  it("keeps an empty status region while the app is current", () => {
    expect(render({ kind: "current" })).toBe('<div class="update-notice" role="status"></div>');
  });

  it("says a new version is there, with one button to switch to it", () => {
    const html = render({ kind: "available" });
    expect(html).toContain("Nieuwe versie beschikbaar");
    expect(html).toContain('<button type="button">Vernieuwen</button>');
    expect(render({ kind: "available" }, "en")).toContain('<button type="button">Refresh</button>');
  });

  it("disables the button while the new version takes over", () => {
    expect(render({ kind: "applying" })).toContain(
      '<button type="button" disabled="">Vernieuwen</button>',
    );
  });
});
