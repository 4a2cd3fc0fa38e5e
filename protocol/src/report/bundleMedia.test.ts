// Protocol, reports: reported media in the bundle (RMEDIA): what travels, and what the parser refuses.
import { describe, expect, it } from "vitest";
import { encryptAttachment } from "../media/attachment.ts";
import {
  createReportBundle,
  MAX_REPORT_MEDIA,
  parseReportBundle,
  type ReportBundle,
  type ReportMediaItem,
} from "./bundle.ts";
import { fixedEnvironment, messageReport } from "./testKit.ts";

async function mediaItem(eventId = "$event5"): Promise<ReportMediaItem> {
  const { keys } = await encryptAttachment(new TextEncoder().encode("picture bytes"));
  return {
    eventId,
    kind: "image",
    mimetype: "image/jpeg",
    size: 13,
    name: "foto.jpg",
    file: { url: "mxc://localhost/reportedMedia1", ...keys },
  };
}

async function withMedia(items?: readonly ReportMediaItem[]): Promise<ReportBundle> {
  const result = createReportBundle(
    messageReport({ media: items ?? [await mediaItem()] }),
    fixedEnvironment(),
  );
  if (!result.ok) throw new Error(result.problems.join("; "));
  return result.bundle;
}

describe("reported media in a report bundle", () => {
  it("carries the re-encrypted copy's keys, inside the bundle", async () => {
    const item = await mediaItem();
    const bundle = await withMedia([item]);
    expect(bundle.media).toEqual([item]);
    const reparsed = parseReportBundle(JSON.parse(JSON.stringify(bundle)));
    expect(reparsed.ok && reparsed.bundle.media).toEqual([item]);
  });

  it("leaves the field out when nothing is reported but text (older readers still read it)", () => {
    const result = createReportBundle(messageReport({ media: [] }), fixedEnvironment());
    expect(result.ok && "media" in result.bundle).toBe(false);
  });

  it("refuses media of a message the bundle does not carry", async () => {
    const bundle = await withMedia();
    const forged = { ...bundle, media: [await mediaItem("$elsewhere")] };
    const result = parseReportBundle(forged);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join()).toMatch(/media\[0\]\.eventId/);
  });

  it("refuses a URL that is not mxc://, a missing key and a made-up type", async () => {
    const item = await mediaItem();
    const bundle = await withMedia([item]);
    const cases: unknown[] = [
      { ...item, file: { ...item.file, url: "https://tracker.example/pixel.png" } },
      { ...item, file: { ...item.file, key: undefined } },
      { ...item, mimetype: "<script>" },
      { ...item, kind: "video" },
      { ...item, size: -1 },
      { ...item, extra: true },
    ];
    for (const media of cases) {
      expect(parseReportBundle({ ...bundle, media: [media] }).ok).toBe(false);
    }
  });

  it(`holds at most ${MAX_REPORT_MEDIA} items and never an empty list`, async () => {
    const bundle = await withMedia();
    const item = await mediaItem();
    expect(
      parseReportBundle({
        ...bundle,
        media: Array.from({ length: MAX_REPORT_MEDIA + 1 }, () => item),
      }).ok,
    ).toBe(false);
    expect(parseReportBundle({ ...bundle, media: [] }).ok).toBe(false);
  });
});
