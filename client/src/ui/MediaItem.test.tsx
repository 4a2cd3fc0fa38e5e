// An image or file rendered from a plain MediaView: each state, the
// decision's warning with block, report and help, and that a file is a card
// with a download button, never a link that opens it.
import { describe, expect, it } from "vitest";
import type { ShownPicture } from "../media/pictureDecoding.ts";
import type { MediaView } from "../viewmodels/conversationMedia.ts";
import { MediaItem, type MediaItemActions } from "./MediaItem.tsx";
import { asHtml, notCalled, renderView, wordsIn } from "./renderForTest.tsx";

const actions: MediaItemActions = {
  onTap: notCalled,
  onUnblur: notCalled,
  onOpen: notCalled,
  onVisible: notCalled,
  onHidden: notCalled,
  onBlock: notCalled,
  onReport: notCalled,
};

const picture: ShownPicture = { bitmap: {} as ImageBitmap, width: 720, height: 540 };

const view = (over: Partial<MediaView>): MediaView => ({
  display: "picture",
  kind: "image",
  name: "foto.jpg",
  mimetype: "image/jpeg",
  size: 1_200_000,
  width: 1200,
  height: 900,
  state: { kind: "waiting", tap: false },
  notices: [],
  help: [],
  canBlock: false,
  canReport: false,
  why: undefined,
  ...over,
});

const { t } = wordsIn("en");
const render = (media: MediaView, locale: "en" | "nl" = "en") =>
  renderView(<MediaItem media={media} actions={actions} />, locale);

describe("an image or file in a message", () => {
  it("offers a stranger's photo as a button with its size, saying nothing was loaded", () => {
    const html = render(
      view({
        state: { kind: "waiting", tap: true },
        notices: [
          {
            id: "media-from-stranger",
            severity: "caution",
            copyKey: "notice.mediaFromStranger.13-15",
          },
        ],
        help: ["helpwanted"],
        canBlock: true,
        canReport: true,
        why: { audience: "teen", ruleIds: [], pack: "nl-default 1" },
      }),
    );
    expect(html).toContain(t("media.tapToLoad"));
    expect(html).toContain("1.2 MB");
    expect(html).toContain(asHtml(t("media.tapHint")));
    expect(html).toContain("Helpwanted");
    expect(html).toContain(`>${t("request.block")}</button>`);
    expect(html).toContain(`>${t("conversation.reportPerson")}</button>`);
    expect(html).not.toContain("<img");
  });

  it("leaves the warning to the first of a run by the same sender", () => {
    const warned = view({
      state: { kind: "waiting", tap: true },
      notices: [
        {
          id: "media-from-stranger",
          severity: "caution",
          copyKey: "notice.mediaFromStranger.13-15",
        },
      ],
      help: ["helpwanted"],
      canBlock: true,
    });
    const html = renderView(<MediaItem media={warned} actions={actions} warning={false} />);
    expect(html).not.toContain("Helpwanted");
    expect(html).not.toContain(`>${t("request.block")}</button>`);
    expect(html).toContain(t("media.tapToLoad"));
  });

  it("draws a loaded picture into a canvas, blurred with a button to see it and no way to open it", () => {
    const html = render(
      view({
        state: { kind: "picture", picture, width: 720, height: 540, blurred: true, canOpen: false },
      }),
    );
    expect(html).toContain("<canvas");
    expect(html).not.toContain("<img");
    expect(html).toContain("media-frame blurred");
    expect(html).toContain(t("media.unblur"));
    expect(html).toContain(`aria-label="${t("media.blurredLabel")}"`);
    expect(html).not.toContain(t("media.open"));
  });

  it("offers to open a picture shown as it is full screen", () => {
    const html = render(
      view({
        state: { kind: "picture", picture, width: 720, height: 540, blurred: false, canOpen: true },
      }),
    );
    expect(html).toContain(`aria-label="${t("media.pictureAlt")}"`);
    expect(html).toContain(t("media.open"));
    expect(html).not.toContain(t("media.unblur"));
  });

  it("shows each problem as a placeholder, with no image and no button", () => {
    for (const problem of [
      "not-mxc",
      "not-encrypted",
      "missing-keys",
      "thumbnail-mismatch",
      "too-large",
      "type-mismatch",
      "damaged",
    ] as const) {
      const html = render(view({ state: { kind: "placeholder", problem } }));
      expect(html, problem).toContain(asHtml(t(`media.problem.${problem}`)));
      expect(html).not.toContain("<img");
      expect(html).not.toContain("<button");
    }
  });

  it("says a photo cannot be seen when the decision makes it not viewable", () => {
    const html = render(view({ state: { kind: "not-viewable" } }), "nl");
    expect(html).toContain(asHtml(wordsIn("nl").t("media.notViewable")));
    expect(html).not.toContain("<img");
  });

  it("shows a file as a card with its name, type and size, and a download button; never a link", () => {
    const html = render(
      view({
        display: "file",
        kind: "file",
        name: "<script>plan.svg",
        mimetype: "image/svg+xml",
        size: 3_400,
        state: { kind: "waiting", tap: true },
      }),
    );
    expect(html).toContain(asHtml("<script>plan.svg"));
    expect(html).toContain("image/svg+xml · 3.4 kB");
    expect(html).toContain(t("media.download"));
    expect(html).not.toContain("<a ");
    expect(html).not.toContain("<img");
  });
});
