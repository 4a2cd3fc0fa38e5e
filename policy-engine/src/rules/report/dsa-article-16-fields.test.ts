import { describe, expect, it } from "vitest";
import { reportFacts } from "../../points/report.ts";
import { nlDefault, reportRequest } from "../../../test/support/fixtures.ts";
import { dsaArticle16Fields } from "./dsa-article-16-fields.ts";

describe("report/dsa-article-16-fields", () => {
  it("asks for all four Article 16(2) fields", () => {
    expect(
      dsaArticle16Fields.evaluate(reportFacts(reportRequest(), nlDefault), nlDefault)
        ?.requiredFields,
    ).toEqual(["explanation", "exact-location", "reporter-identity", "good-faith-statement"]);
  });
});
