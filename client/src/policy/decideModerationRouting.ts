// Policy layer: where a report should go besides the platform's moderators,
// asked of the engine from the moderator's side. It asks the `report` point
// (owned by decideReport.ts) with what a moderator knows; it owns no decision
// of its own. The moderator has opened the sealed bundle, so they know its
// category (the engine's own id: the reporter's sheet offered the engine's
// categories) and whether it is about messages or a profile; the engine's
// report decision says which organisations to advise. No routing rule lives
// here or above: this file turns a bundle into the engine's facts and returns
// its answer.
//
// The engine is asked twice: once for the material as it was found (in a
// chat), and once as if the moderator finds the same material on a public
// website with its URL, because in the Netherlands that changes the address
// (Meldpunt Kinderporno handles public websites only; abuse material in chat
// apps goes to the police).

import type {
  AdviceDestination,
  PersonFacts,
  PolicyEngine,
  ReportCategory,
  ReportDecision,
} from "@safety-by-design/policy-engine";
import { UNVERIFIED } from "./ageFacts.ts";

export type ModerationRoutingInput = {
  /** The bundle's category: the same ids as the engine's (protocol v2). */
  readonly category: ReportCategory;
  readonly subject: "message" | "profile";
  /**
   * What the moderator knows of the reporter's and the reported person's
   * verified age bands; unknown (absent) reads as unverified. The engine's
   * peer rule (report/peers-not-criminalised) needs both as verified minors
   * of one age group, so without them routing is never the peers' routing.
   */
  readonly reporter?: PersonFacts | undefined;
  readonly reported?: PersonFacts | undefined;
};

export type ModerationRouting = {
  /** Organisations to advise for the material where it was reported: in a chat. */
  readonly adviceForChat: readonly AdviceDestination[];
  /** The same, were the material also found on a public website with its URL. */
  readonly adviceForPublicWebsite: readonly AdviceDestination[];
  /** DSA Art. 16(2)(c): the reporter may lawfully leave out their identity for this category. */
  readonly reporterIdentityOptional: boolean;
  /** The rules that decided (for the chat case), and whether the engine failed closed. */
  readonly reasons: readonly string[];
  readonly failedClosed: boolean;
  readonly decisionId: string;
};

export type ModerationRoutingDecider = (input: ModerationRoutingInput) => ModerationRouting;

export function moderationRoutingDecider(
  engine: PolicyEngine,
  clock: () => number,
): ModerationRoutingDecider {
  return ({ category, subject, reporter, reported }) => {
    const now = clock();
    const ask = (website: boolean): ReportDecision =>
      engine.decide(
        {
          point: "report",
          // Unless the moderator knows a verified band, the person is unverified.
          reporter: reporter ?? UNVERIFIED,
          reported: reported ?? UNVERIFIED,
          isContact: false,
          target: subject,
          category,
          materialLocation: website ? "public-website" : "chat",
          hasPublicUrl: website,
          nameResemblesContact: false,
          nameResemblesHelpService: false,
        },
        now,
      );
    const inChat = ask(false);
    const onWebsite = ask(true);
    return {
      adviceForChat: adviceOf(inChat),
      adviceForPublicWebsite: adviceOf(onWebsite),
      reporterIdentityOptional: inChat.reporterIdentityOptional,
      reasons: inChat.reasons,
      failedClosed: inChat.failedClosed || onWebsite.failedClosed,
      decisionId: inChat.decisionId,
    };
  };
}

function adviceOf(decision: ReportDecision): AdviceDestination[] {
  return decision.destinations.flatMap((d) => (d.delivery === "advice" ? [d.id] : []));
}
