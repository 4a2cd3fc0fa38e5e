// Sending a photo or file, rendered to HTML from plain snapshots (no DOM in
// unit tests): the preview, the size refusal, the think-first notice with
// both choices, the tray's states, and the composer's attach button.
import { describe, expect, it } from "vitest";
import type {
  AttachmentSnapshot,
  AttachmentViewActions,
  UploadRow,
} from "../viewmodels/AttachmentViewModel.ts";
import { Attachments, sizeText } from "./AttachmentViews.tsx";
import { Composer } from "./Composer.tsx";
import { asHtml, notCalled, renderView, wordsIn } from "./renderForTest.tsx";

const actions: AttachmentViewActions = {
  pick: notCalled,
  setCaption: notCalled,
  send: notCalled,
  sendAnyway: notCalled,
  discard: notCalled,
  cancelUpload: notCalled,
  retryUpload: notCalled,
  unsend: notCalled,
  dismiss: notCalled,
};

const render = (view: AttachmentSnapshot, locale: "nl" | "en" = "en") =>
  renderView(<Attachments view={view} actions={actions} />, locale);

const row = (over: Partial<UploadRow> = {}): UploadRow => ({
  id: "u1",
  attachmentKind: "image",
  name: "zee.jpg",
  state: "uploading",
  percent: 42,
  failedStep: undefined,
  canCancel: true,
  unsendCaveat: undefined,
  ...over,
});

describe("the attachment sheet", () => {
  it("previews a photo with an optional caption and says the location comes out first", () => {
    const t = wordsIn("nl").t;
    const html = render(
      {
        stage: {
          kind: "preview",
          name: "zee.jpg",
          attachmentKind: "image",
          size: 2_000_000,
          previewUrl: "blob:preview",
          caption: "",
        },
        uploads: [],
      },
      "nl",
    );
    expect(html).toContain(t("attachment.previewTitlePhoto"));
    expect(html).toContain('src="blob:preview"');
    expect(html).toContain(asHtml(t("attachment.locationStripped")));
    expect(html).toContain(asHtml(t("attachment.caption")));
    expect(html).toContain(t("attachment.send"));
    expect(html).toContain(t("attachment.cancel"));
  });

  it("shows a file by its name and size, never rendered", () => {
    const html = render({
      stage: {
        kind: "preview",
        name: "page.svg",
        attachmentKind: "file",
        size: 3_000,
        previewUrl: undefined,
        caption: "",
      },
      uploads: [],
    });
    expect(html).toContain("page.svg");
    expect(html).toContain("3 kB");
    expect(html).not.toContain("<img");
    expect(html).toContain(asHtml(wordsIn().t("attachment.fileNote")));
  });

  it("refuses a file over the limit with the limit", () => {
    const html = render({
      stage: { kind: "refused", name: "film.mov", problem: "too-large", maxMegabytes: 25 },
      uploads: [],
    });
    expect(html).toContain(wordsIn().t("attachment.tooLargeTitle"));
    expect(html).toContain(wordsIn().t("attachment.tooLarge", { max: 25 }));
    expect(html).toContain('role="alert"');
  });

  it("shows the engine's think-first notice with help, why, and both choices", () => {
    const words = wordsIn("nl");
    const html = render(
      {
        stage: {
          kind: "think-first",
          name: "zee.jpg",
          attachmentKind: "image",
          previewUrl: "blob:preview",
          notices: [
            {
              id: "media-think-first",
              severity: "caution",
              copyKey: "notice.mediaThinkFirst.teen13",
            },
          ],
          help: ["helpwanted"],
          why: { audience: "teen", ruleIds: ["media/outgoing-table"], pack: "nl-default 1" },
        },
        uploads: [],
      },
      "nl",
    );
    expect(html).toContain(words.t("attachment.thinkFirstTitle"));
    expect(html).toContain(asHtml(words.notice("notice.mediaThinkFirst.teen13")));
    expect(html).toContain("Helpwanted");
    expect(html).toContain(words.t("attachment.sendAnyway"));
    expect(html).toContain(words.t("attachment.dontSend"));
    expect(html).toContain(words.t("why.title"));
  });
});

describe("the upload tray", () => {
  it("shows progress with cancel", () => {
    const html = render({ stage: { kind: "none" }, uploads: [row()] });
    expect(html).toContain('<progress max="100" value="42"');
    expect(html).toContain(wordsIn().t("attachment.uploading", { percent: 42 }));
    expect(html).toContain(wordsIn().t("attachment.cancel"));
    expect(html).not.toContain(wordsIn().t("attachment.retry"));
  });

  it("shows a failed upload with retry and cancel", () => {
    const html = render({
      stage: { kind: "none" },
      uploads: [row({ state: "failed", failedStep: "uploading" })],
    });
    expect(html).toContain(wordsIn().t("attachment.failed"));
    expect(html).toContain(wordsIn().t("attachment.retry"));
  });

  it("offers unsend with the engine's caveat once sent", () => {
    const words = wordsIn("nl");
    const html = render(
      {
        stage: { kind: "none" },
        uploads: [
          row({
            state: "sent",
            canCancel: false,
            unsendCaveat: {
              id: "media-unsend-caveat",
              severity: "info",
              copyKey: "notice.mediaUnsendCaveat.teen13",
            },
          }),
        ],
      },
      "nl",
    );
    expect(html).toContain(words.t("attachment.sent"));
    expect(html).toContain(words.t("attachment.unsend"));
    expect(html).toContain(asHtml(words.notice("notice.mediaUnsendCaveat.teen13")));
    expect(html).not.toContain(words.t("attachment.cancel"));
  });

  it("says the size in the reader's notation", () => {
    expect(sizeText(1_572_864, wordsIn("nl"))).toBe("1,5 MB");
    expect(sizeText(1_572_864, wordsIn("en"))).toBe("1.5 MB");
  });
});

describe("the composer's attach button", () => {
  it("is one named button with one file input, only when sending files is possible", () => {
    const withPick = renderView(
      <Composer draft="" onChange={notCalled} onSend={notCalled} onPick={notCalled} />,
    );
    expect(withPick).toContain(wordsIn().t("attachment.add"));
    expect(withPick.match(/type="file"/g)).toHaveLength(1);
    expect(withPick).not.toContain("capture");
    const without = renderView(<Composer draft="" onChange={notCalled} onSend={notCalled} />);
    expect(without).not.toContain('type="file"');
  });
});
