import { describe, expect, it } from "vitest";
import { reportFacts } from "../../points/report.ts";
import { nlDefault, reportRequest } from "../../../test/support/fixtures.ts";
import { adviceForPublicWebsites } from "./advice-for-public-websites.ts";

const advice = (request: ReturnType<typeof reportRequest>) =>
  adviceForPublicWebsites
    .evaluate(reportFacts(request, nlDefault), nlDefault)
    ?.destinations?.map((destination) => destination.id);

describe("report/advice-for-public-websites", () => {
  it("advises Meldpunt Kinderporno for abuse material on a public website with its URL", () => {
    const request = reportRequest({
      category: "child-sexual-abuse-material",
      materialLocation: "public-website",
      hasPublicUrl: true,
    });
    expect(advice(request)).toEqual(["meldpunt-kinderporno"]);
  });

  it("does not apply to chats or to websites without a URL", () => {
    expect(advice(reportRequest({ category: "child-sexual-abuse-material" }))).toBeUndefined();
    const noUrl = reportRequest({
      category: "child-sexual-abuse-material",
      materialLocation: "public-website",
      hasPublicUrl: false,
    });
    expect(advice(noUrl)).toBeUndefined();
  });
});
