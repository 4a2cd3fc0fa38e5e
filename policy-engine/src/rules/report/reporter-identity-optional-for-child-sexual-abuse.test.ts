import { describe, expect, it } from "vitest";
import { reportFacts } from "../../points/report.ts";
import {
  adult,
  nlDefault,
  reportRequest,
  teen16,
  unverified,
} from "../../../test/support/fixtures.ts";
import { reporterIdentityOptionalForChildSexualAbuse } from "./reporter-identity-optional-for-child-sexual-abuse.ts";

const optional = (request: ReturnType<typeof reportRequest>) =>
  reporterIdentityOptionalForChildSexualAbuse.evaluate(reportFacts(request, nlDefault), nlDefault)
    ?.reporterIdentityOptional ?? false;

describe("report/reporter-identity-optional-for-child-sexual-abuse", () => {
  it("lets anyone leave out their identity for abuse material and grooming", () => {
    expect(
      optional(
        reportRequest({
          reporter: adult,
          reported: adult,
          category: "child-sexual-abuse-material",
        }),
      ),
    ).toBe(true);
    expect(
      optional(reportRequest({ reporter: adult, reported: adult, category: "grooming" })),
    ).toBe(true);
  });

  it("for sextortion and image abuse, only when a minor (or possibly a minor) is involved", () => {
    const adults = reportRequest({ reporter: adult, reported: adult, category: "sextortion" });
    expect(optional(adults)).toBe(false);
    expect(optional({ ...adults, reporter: teen16 })).toBe(true);
    expect(optional({ ...adults, reporter: unverified })).toBe(true);
    expect(optional({ ...adults, reported: teen16, category: "image-abuse" })).toBe(true);
  });

  it("requires identity for other categories (DSA Art. 16(2)(c))", () => {
    expect(optional(reportRequest({ reporter: teen16, category: "harassment" }))).toBe(false);
  });
});
