// Policy layer: what happens with a report, decided by the engine. For a
// one-tap report (no category yet) the engine picks the default category
// from context; it also says whether the reporter may leave their name out
// (DSA Art. 16(2)(c)), which organisations to advise, which help to show,
// what to offer after reporting and how many messages before a reported one
// go with it as evidence. The client never decides any of that.
//
// Decision owned here: `report`, asked for the reporter (reportDecider). The
// moderator's routing asks the same point with what a moderator knows
// (decideModerationRouting.ts).
//
// The category is the engine's own id all the way: the sheet offers the
// decision's `categoryChoices`, the bundle carries the id the reporter (or the
// default) picked, and the moderator's routing asks the engine with that same
// id. There is no table between vocabularies (policy-engine/src/model/ids.ts,
// REPORT_CATEGORIES, says why the list is what it is).

import type {
  PersonFacts,
  PolicyEngine,
  ReportCategory,
  ReportDecision,
  ReportTarget,
} from "@safety-by-design/policy-engine";
import type { AgeFactsSource } from "./ageFacts.ts";

export type ReportQuery = {
  readonly reportedUserId: string;
  /** The reported person's display name, for the look-alike facts (never message content). */
  readonly reportedDisplayName: string | undefined;
  readonly target: Extract<ReportTarget, "message" | "request" | "profile">;
  /** Absent for a one-tap report: the engine picks the default. */
  readonly category?: ReportCategory | undefined;
};

export type ReportOutcome = {
  /** Its `category` is the default or the reporter's choice; `categoryChoices` what the sheet offers. */
  readonly decision: ReportDecision;
  /**
   * How many messages before a reported message the sheet offers as evidence
   * (the pack's window; 0 for a request or profile). The pack schema caps it
   * at the bundle's MAX_CONTEXT_MESSAGES.
   */
  readonly contextMessages: number;
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
        category: query.category,
        // Reports from this app are about what was sent in a chat.
        materialLocation: "chat",
        hasPublicUrl: false,
        nameResemblesContact: looks.contact,
        nameResemblesHelpService: looks.helpService,
      },
      deps.clock(),
    );
    return { decision, contextMessages: decision.contextMessages };
  };
}
