// The full-screen viewer rendered from a plain snapshot: the full picture in
// a canvas with the message's caption, sender and time; while it loads, or
// when the checks refuse the full picture, words instead of a picture.
import { describe, expect, it } from "vitest";
import type { ShownPicture } from "../media/pictureDecoding.ts";
import type { MediaViewerView } from "../viewmodels/ConversationViewModel.ts";
import { MediaViewer } from "./MediaViewer.tsx";
import { asHtml, notCalled, renderView, wordsIn } from "./renderForTest.tsx";
import { SafetyActionsContext } from "./SafetyActions.tsx";

const picture: ShownPicture = { bitmap: {} as ImageBitmap, width: 1600, height: 1200 };

const viewer = (over: Partial<MediaViewerView> = {}): MediaViewerView => ({
  eventId: "$photo",
  state: { kind: "picture", picture },
  caption: "Het strand <b>echt</b>",
  mine: false,
  sender: { kind: "name", label: "Lotte", userId: "@lotte:hs" },
  timestamp: Date.UTC(2026, 11, 6, 14, 5),
  ...over,
});

const render = (view: MediaViewerView, locale: "en" | "nl" = "nl") =>
  renderView(<MediaViewer viewer={view} time="15:05" onClose={notCalled} />, locale);

describe("the full-screen viewer", () => {
  it("has Help and quick exit in its top bar, as every sheet has", () => {
    const { t } = wordsIn("nl");
    const html = renderView(
      <SafetyActionsContext value={{ openHelp: notCalled, quickExit: notCalled }}>
        <MediaViewer viewer={viewer()} time="15:05" onClose={notCalled} />
      </SafetyActionsContext>,
      "nl",
    );
    expect(html).toContain(`>${t("help.button")}</button>`);
    expect(html).toContain("quick-exit");
  });

  it("shows the full picture in a canvas, with the caption as text, the sender and the time", () => {
    const { t } = wordsIn("nl");
    const html = render(viewer());
    expect(html).toContain("<dialog");
    expect(html).toContain("<canvas");
    expect(html).not.toContain("<img");
    expect(html).toContain(`aria-label="${t("media.viewerAlt")}"`);
    expect(html).toContain(t("media.viewerTitleFrom"));
    expect(html).toContain("Lotte");
    // The caption is text: never parsed as HTML.
    expect(html).toContain(asHtml("Het strand <b>echt</b>"));
    expect(html).toContain('dateTime="2026-12-06T14:05:00.000Z"');
    expect(html).toContain(t("media.viewerClose"));
  });

  it("says whose photo it is for the device user's own, and leaves out an empty caption", () => {
    const { t } = wordsIn("en");
    const html = render(viewer({ mine: true, caption: "" }), "en");
    expect(html).toContain(t("media.viewerTitleMine"));
    expect(html).not.toContain("media-viewer-caption");
  });

  it("shows words, never a picture, while loading and when the checks refuse the full picture", () => {
    const { t } = wordsIn("nl");
    expect(render(viewer({ state: { kind: "loading" } }))).toContain(t("media.loading"));
    const refused = render(viewer({ state: { kind: "placeholder", problem: "type-mismatch" } }));
    expect(refused).toContain(t("media.problem.type-mismatch"));
    expect(refused).not.toContain("<canvas");
    expect(render(viewer({ state: { kind: "unavailable" } }))).toContain(t("media.unavailable"));
  });
});
