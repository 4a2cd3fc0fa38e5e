import { describe, expect, it } from "vitest";
import { reportFacts } from "../../points/report.ts";
import { adult, baseline, nlDefault, reportRequest } from "../../../test/support/fixtures.ts";
import { adviceForMaterialInChats } from "./advice-for-material-in-chats.ts";

// About an adult: between peers report/peers-not-criminalised may advise instead.
const advice = (pack: typeof nlDefault, request: ReturnType<typeof reportRequest>) =>
  adviceForMaterialInChats
    .evaluate(reportFacts({ ...request, reported: adult }, pack), pack)
    ?.destinations?.map((destination) => destination.id);

describe("report/advice-for-material-in-chats", () => {
  it("advises the police, not Meldpunt Kinderporno, for abuse material in a chat", () => {
    expect(advice(nlDefault, reportRequest({ category: "child-sexual-abuse-material" }))).toEqual([
      "politie",
    ]);
  });

  it("advises Helpwanted for sextortion and image abuse", () => {
    expect(advice(nlDefault, reportRequest({ category: "sextortion" }))).toEqual([
      "helpwanted",
      "politie",
    ]);
    expect(advice(nlDefault, reportRequest({ category: "image-abuse" }))).toEqual(["helpwanted"]);
  });

  it("also covers a public website whose URL is not known (Meldpunt needs one)", () => {
    const noUrl = reportRequest({
      category: "child-sexual-abuse-material",
      materialLocation: "public-website",
      hasPublicUrl: false,
    });
    expect(advice(nlDefault, noUrl)).toEqual(["politie"]);
  });

  it("steps aside between peers where the pack routes the category differently, not otherwise", () => {
    const between = (category: "sexual-content-to-minor" | "sextortion") =>
      adviceForMaterialInChats
        .evaluate(reportFacts(reportRequest({ category }), nlDefault), nlDefault)
        ?.destinations?.map((destination) => destination.id);
    expect(between("sexual-content-to-minor")).toBeUndefined();
    expect(between("sextortion")).toEqual(["helpwanted", "politie"]);
  });

  it("gives no advice where the pack lists none", () => {
    expect(advice(nlDefault, reportRequest({ category: "harassment" }))).toBeUndefined();
    expect(advice(baseline, reportRequest({ category: "sextortion" }))).toBeUndefined();
  });
});
