import { isMinor } from "../../model/bands.ts";
import type { ReportContribution } from "../contributions.ts";
import type { ReportFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

const IDENTITY_OPTIONAL: ReportContribution = { reporterIdentityOptional: true };

export const reporterIdentityOptionalForChildSexualAbuse: Rule<ReportFacts, ReportContribution> = {
  id: "report/reporter-identity-optional-for-child-sexual-abuse",
  summary:
    "DSA Art. 16(2)(c): for child sexual abuse (Directive 2011/93/EU, Arts. 3-7) the reporter may leave out their name and e-mail; the pack says which categories count, some only when a minor is involved.",
  evaluate: ({ category, reporterBand, reportedBand }, pack) => {
    const scope = pack.report.categories[category].childSexualAbuse;
    if (scope === "always") return IDENTITY_OPTIONAL;
    // An unverified reporter may be a child: the reading that protects them.
    const minorInvolved =
      isMinor(reporterBand) || reporterBand === "unverified" || isMinor(reportedBand);
    return scope === "if-minor-involved" && minorInvolved ? IDENTITY_OPTIONAL : null;
  },
};
