// UI: reported media on the moderation screen (RMEDIA): the warning and
// "Toon" before anything is fetched, and the clear errors.
import { describe, expect, it } from "vitest";
import type { ModerationMediaView } from "../../viewmodels/moderationMedia.ts";
import { notCalled, renderView, wordsIn } from "../renderForTest.tsx";
import { ModerationReportMedia } from "./ModerationReportMedia.tsx";

const photo: ModerationMediaView = {
  index: 0,
  eventId: "$photo",
  kind: "image",
  display: "picture",
  mimetype: "image/jpeg",
  size: 2_200_000,
  name: "IMG.jpg",
  state: { kind: "hidden" },
};

const { t } = wordsIn();

describe("ModerationReportMedia", () => {
  it("shows a warning placeholder with its size and a 'Toon' button, and no picture", () => {
    const html = renderView(
      <ModerationReportMedia media={[photo]} actions={{ showMedia: notCalled }} />,
      "nl",
    );
    expect(html).toContain("Foto (2,1 MB) — kan schokkend zijn");
    expect(html).toContain(">Toon</button>");
    expect(html).not.toContain("<canvas");
  });

  it("offers a file to save, by name, never to show", () => {
    const html = renderView(
      <ModerationReportMedia
        media={[{ ...photo, display: "file", kind: "file", mimetype: "text/html", name: "a.html" }]}
        actions={{ showMedia: notCalled }}
      />,
    );
    expect(html).toContain("a.html");
    expect(html).toContain(`>${t("moderation.media.save")}</button>`);
  });

  it("says clearly when it is gone or damaged", () => {
    const html = renderView(
      <ModerationReportMedia
        media={[
          { ...photo, state: { kind: "failed", reason: "gone" } },
          { ...photo, index: 1, state: { kind: "failed", reason: "damaged" } },
        ]}
        actions={{ showMedia: notCalled }}
      />,
    );
    expect(html).toContain(t("moderation.media.error.gone"));
    expect(html).toContain(t("moderation.media.error.damaged"));
  });

  it("renders nothing for a report without media", () => {
    expect(
      renderView(<ModerationReportMedia media={[]} actions={{ showMedia: notCalled }} />),
    ).toBe("");
  });
});
