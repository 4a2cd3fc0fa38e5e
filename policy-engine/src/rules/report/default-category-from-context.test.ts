import { describe, expect, it } from "vitest";
import { reportCategoryFacts } from "../../points/report.ts";
import {
  adult,
  baseline,
  child,
  nlDefault,
  reportRequest,
  teen13,
  unverified,
} from "../../../test/support/fixtures.ts";
import { defaultCategoryFromContext } from "./default-category-from-context.ts";

const evaluate = (pack: typeof nlDefault, request: ReturnType<typeof reportRequest>) =>
  defaultCategoryFromContext.evaluate(reportCategoryFacts(request, pack), pack)?.category;

describe("report/default-category-from-context", () => {
  it("files a teen's one-tap report of an unknown adult's request as grooming", () => {
    for (const reported of [adult, unverified]) {
      expect(
        evaluate(nlDefault, reportRequest({ reporter: teen13, reported, target: "request" })),
      ).toBe("grooming");
    }
  });

  it("pre-sets nothing for a child (a simple sheet): a one-tap report is filed as other", () => {
    // Sam never saw the held-aside request's messages: no words about them are put in his mouth.
    for (const reported of [adult, unverified]) {
      expect(
        evaluate(nlDefault, reportRequest({ reporter: child, reported, target: "request" })),
      ).toBe("other");
    }
  });

  it("files a look-alike name as impersonation, anything else as other", () => {
    expect(evaluate(nlDefault, reportRequest({ nameResemblesHelpService: true }))).toBe(
      "impersonation",
    );
    expect(evaluate(nlDefault, reportRequest({ reporter: teen13, reported: teen13 }))).toBe(
      "other",
    );
    expect(
      evaluate(nlDefault, reportRequest({ reporter: child, reported: adult, isContact: true })),
    ).toBe("other");
  });

  it("never overrides the reporter's own choice", () => {
    const chosen = reportRequest({ reporter: child, reported: adult, category: "harassment" });
    expect(evaluate(nlDefault, chosen)).toBeUndefined();
  });

  it("takes its defaults from the pack", () => {
    expect(evaluate(baseline, reportRequest({ reporter: child, reported: adult }))).toBe("other");
  });
});
