import { describe, expect, it } from "vitest";
import { DEFAULT_QUICK_EXIT_URL, readDeploymentConfig } from "./deployment.ts";

describe("readDeploymentConfig: study mode", () => {
  it("is off unless the deployment says VITE_STUDY_MODE=1", () => {
    expect(readDeploymentConfig({}).studyMode).toBe(false);
    expect(readDeploymentConfig({ VITE_STUDY_MODE: "" }).studyMode).toBe(false);
    expect(readDeploymentConfig({ VITE_STUDY_MODE: "0" })).toMatchObject({
      studyMode: false,
      problems: [],
    });
    expect(readDeploymentConfig({ VITE_STUDY_MODE: " 1 " })).toMatchObject({
      studyMode: true,
      problems: [],
    });
  });

  it("treats any other value as off, and says so", () => {
    for (const value of ["true", "yes", "on", "2"]) {
      const config = readDeploymentConfig({ VITE_STUDY_MODE: value });
      expect(config.studyMode).toBe(false);
      expect(config.problems).toEqual([
        "VITE_STUDY_MODE is neither 1 nor 0; study assignments are ignored",
      ]);
    }
  });
});

describe("readDeploymentConfig: the quick exit's neutral page", () => {
  it("is the weather service unless the deployment names another http(s) page", () => {
    expect(readDeploymentConfig({}).quickExitUrl).toBe(DEFAULT_QUICK_EXIT_URL);
    expect(readDeploymentConfig({ VITE_QUICK_EXIT_URL: " https://nos.nl/weer " })).toMatchObject({
      quickExitUrl: "https://nos.nl/weer",
      problems: [],
    });
  });

  it("goes to the default, and says so, when the address is not an http(s) URL", () => {
    for (const value of ["javascript:alert(1)", "weer.nl", "ftp://example.org/"]) {
      const config = readDeploymentConfig({ VITE_QUICK_EXIT_URL: value });
      expect(config.quickExitUrl).toBe(DEFAULT_QUICK_EXIT_URL);
      expect(config.problems).toEqual([
        "VITE_QUICK_EXIT_URL is not an http(s) URL; the quick exit goes to the default",
      ]);
    }
  });
});

describe("readDeploymentConfig: the largest attachment", () => {
  it("is 25 MB unless the deployment says otherwise in whole megabytes", () => {
    expect(readDeploymentConfig({}).maxAttachmentBytes).toBe(25 * 1024 * 1024);
    expect(readDeploymentConfig({ VITE_MAX_ATTACHMENT_MB: " 2 " })).toMatchObject({
      maxAttachmentBytes: 2 * 1024 * 1024,
      problems: [],
    });
  });

  it("keeps the default, and says so, for anything else", () => {
    for (const value of ["0", "1.5", "-3", "2000", "lots"]) {
      const config = readDeploymentConfig({ VITE_MAX_ATTACHMENT_MB: value });
      expect(config.maxAttachmentBytes).toBe(25 * 1024 * 1024);
      expect(config.problems).toEqual([
        "VITE_MAX_ATTACHMENT_MB is not a whole number from 1 to 1024; the limit is 25 MB",
      ]);
    }
  });
});

describe("readDeploymentConfig: the caps on a report's media", () => {
  const MiB = 1024 * 1024;

  it("are 8 MB per item and 4 items unless the deployment says less", () => {
    expect(readDeploymentConfig({}).reportMediaLimits).toEqual({
      maxItemBytes: 8 * MiB,
      maxReportBytes: 32 * MiB,
      maxItems: 4,
    });
    expect(
      readDeploymentConfig({
        VITE_REPORT_MEDIA_MAX_MB: "2",
        VITE_REPORT_MEDIA_MAX_ITEMS: " 3 ",
        VITE_REPORT_MEDIA_MAX_TOTAL_MB: "5",
      }),
    ).toMatchObject({
      reportMediaLimits: { maxItemBytes: 2 * MiB, maxReportBytes: 5 * MiB, maxItems: 3 },
      problems: [],
    });
  });

  it("never go past what a handoff package and a bundle carry, and say so", () => {
    const config = readDeploymentConfig({
      VITE_REPORT_MEDIA_MAX_MB: "9",
      VITE_REPORT_MEDIA_MAX_ITEMS: "5",
      VITE_REPORT_MEDIA_MAX_TOTAL_MB: "0",
    });
    expect(config.reportMediaLimits).toEqual({
      maxItemBytes: 8 * MiB,
      maxReportBytes: 32 * MiB,
      maxItems: 4,
    });
    expect(config.problems).toEqual([
      "VITE_REPORT_MEDIA_MAX_MB is not a whole number from 1 to 8; the default is used",
      "VITE_REPORT_MEDIA_MAX_ITEMS is not a whole number from 1 to 4; the default is used",
      "VITE_REPORT_MEDIA_MAX_TOTAL_MB is not a whole number from 1 to 32; the default is used",
    ]);
  });
});

describe("readDeploymentConfig: the moderation team's keys", () => {
  const key = (c: string) => c.repeat(43);

  it("takes one key, or several comma-separated (one per moderator or team)", () => {
    expect(readDeploymentConfig({ VITE_MODERATION_PUBLIC_KEY: key("a") })).toMatchObject({
      moderationPublicKey: key("a"),
      problems: [],
    });
    expect(
      readDeploymentConfig({
        VITE_MODERATION_PUBLIC_KEY: ` ${key("a")}, ${key("b")},${key("a")} `,
      }),
    ).toMatchObject({ moderationPublicKey: `${key("a")},${key("b")}`, problems: [] });
  });

  it("seals to nothing when any key is broken, or there are more than the protocol allows", async () => {
    const { MAX_MODERATION_KEYS } = await import("@safety-by-design/protocol");
    const broken = readDeploymentConfig({ VITE_MODERATION_PUBLIC_KEY: `${key("a")},short` });
    expect(broken.moderationPublicKey).toBeUndefined();
    expect(broken.problems).toHaveLength(1);
    const tooMany = Array.from({ length: MAX_MODERATION_KEYS + 1 }, (_, i) =>
      key(String.fromCharCode(97 + i)),
    ).join(",");
    expect(readDeploymentConfig({ VITE_MODERATION_PUBLIC_KEY: tooMany }).moderationPublicKey).toBe(
      undefined,
    );
    const enough = tooMany.split(",").slice(0, MAX_MODERATION_KEYS).join(",");
    expect(readDeploymentConfig({ VITE_MODERATION_PUBLIC_KEY: enough }).moderationPublicKey).toBe(
      enough,
    );
  });
});
