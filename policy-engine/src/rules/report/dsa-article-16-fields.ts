import { DSA_FIELDS } from "../../model/ids.ts";
import type { ReportContribution } from "../contributions.ts";
import type { ReportFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

const ALL_FIELDS: ReportContribution = { requiredFields: DSA_FIELDS };

export const dsaArticle16Fields: Rule<ReportFacts, ReportContribution> = {
  id: "report/dsa-article-16-fields",
  summary:
    "A report is a DSA Article 16 notice: explanation, exact location, reporter's name and e-mail, and a good-faith statement (the client fills what it can, so one tap suffices).",
  evaluate: () => ALL_FIELDS,
};
