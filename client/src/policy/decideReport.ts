// Policy layer: what happens with a report, decided by the engine. For a
// one-tap report (no category yet) the engine picks the default category
// from context; it also says whether the reporter may leave their name out
// (DSA Art. 16(2)(c)), which organisations to advise, which help to show and
// what to offer after reporting. The client never decides any of that.
//
// Two vocabularies meet here. The reporter picks from the categories the
// issue lists and the sealed bundle carries (matrix/reporting/bundle.ts); the
// engine routes by its own, finer categories. The tables below translate
// between them; they hold no rule. Every reporter category survives a round
// trip (reporter -> engine -> reporter), which the test checks.

import type {
  PersonFacts,
  PolicyEngine,
  ReportCategory as EngineCategory,
  ReportDecision,
  ReportTarget,
} from "@safety-by-design/policy-engine";
import type { ReportCategory } from "../matrix/reporting/bundle.ts";
import type { AgeFactsSource } from "./ageFacts.ts";

/** The engine category a reporter's choice is routed as. */
export const ENGINE_CATEGORY: Readonly<Record<ReportCategory, EngineCategory>> = {
  // Sexual messages or images sent to a minor: a child sexual abuse offence.
  "sexual-content-to-minor": "child-sexual-abuse-material",
  // Asking a young person for images: Helpwanted's field (image abuse).
  "asking-for-images": "image-abuse",
  "sextortion-or-threats": "sextortion",
  grooming: "grooming",
  harassment: "harassment",
  spam: "scam-or-spam",
  other: "other",
};

/** The reporter category that shows an engine category (e.g. a one-tap default). */
export const REPORTER_CATEGORY: Readonly<Record<EngineCategory, ReportCategory>> = {
  "child-sexual-abuse-material": "sexual-content-to-minor",
  grooming: "grooming",
  sextortion: "sextortion-or-threats",
  "image-abuse": "asking-for-images",
  harassment: "harassment",
  "threat-or-violence": "sextortion-or-threats",
  // The reporter's list has no "pretends to be someone else": it is "other".
  impersonation: "other",
  "scam-or-spam": "spam",
  other: "other",
};

export type ReportQuery = {
  readonly reportedUserId: string;
  /** The reported person's display name, for the look-alike facts (never message content). */
  readonly reportedDisplayName: string | undefined;
  readonly target: Extract<ReportTarget, "message" | "request" | "profile">;
  /** Absent for a one-tap report: the engine picks the default. */
  readonly category?: ReportCategory | undefined;
};

export type ReportOutcome = {
  readonly decision: ReportDecision;
  /** The decision's category in the reporter's words (the default, or their choice). */
  readonly category: ReportCategory;
};

export type ReportDecider = (query: ReportQuery) => ReportOutcome;

export type ReportDeciderDependencies = {
  readonly engine: PolicyEngine;
  readonly clock: () => number;
  readonly ages: Pick<AgeFactsSource, "self" | "about">;
  readonly isContact: (userId: string) => boolean;
  /** Whether a name looks like one of the reporter's contacts or like a help service. */
  readonly resemblance: (
    userId: string,
    displayName: string | undefined,
  ) => { readonly contact: boolean; readonly helpService: boolean };
};

export function reportDecider(deps: ReportDeciderDependencies): ReportDecider {
  return (query) => {
    const reported: PersonFacts = deps.ages.about(query.reportedUserId);
    const looks = deps.resemblance(query.reportedUserId, query.reportedDisplayName);
    const decision = deps.engine.decide(
      {
        point: "report",
        reporter: deps.ages.self(),
        reported,
        isContact: deps.isContact(query.reportedUserId),
        target: query.target,
        category: query.category === undefined ? undefined : ENGINE_CATEGORY[query.category],
        // Reports from this app are about what was sent in a chat.
        materialLocation: "chat",
        hasPublicUrl: false,
        nameResemblesContact: looks.contact,
        nameResemblesHelpService: looks.helpService,
      },
      deps.clock(),
    );
    return {
      decision,
      category: query.category ?? REPORTER_CATEGORY[decision.category],
    };
  };
}
