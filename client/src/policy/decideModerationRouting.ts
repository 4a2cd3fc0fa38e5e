// Policy layer: where a report should go besides the platform's moderators,
// asked of the engine from the moderator's side. The moderator has opened the
// sealed bundle, so they know its category and whether it is about messages
// or a profile; the engine's report decision says which organisations to
// advise. No routing rule lives here or above: this file turns a bundle into
// the engine's facts and returns its answer.
//
// The engine is asked twice: once for the material as it was found (in a
// chat), and once as if the moderator finds the same material on a public
// website with its URL, because in the Netherlands that changes the address
// (Meldpunt Kinderporno handles public websites only; abuse material in chat
// apps goes to the police).

import type {
  AdviceDestination,
  PolicyEngine,
  ReportCategory as EngineReportCategory,
  ReportDecision,
} from "@safety-by-design/policy-engine";
import type { ReportCategory as BundleReportCategory } from "../matrix/reporting/bundle.ts";
import { UNVERIFIED } from "./ageFacts.ts";

/**
 * The report sheet's categories (the words a young reporter picks) in the
 * engine's categories. Exhaustive on purpose: a new sheet category breaks
 * the build here until someone decides how it routes.
 */
export const ENGINE_CATEGORY_OF: Readonly<Record<BundleReportCategory, EngineReportCategory>> = {
  // A reporter cannot be expected to tell abuse material from other sexual
  // content; read it as the more serious of the two (routes like grooming in a chat).
  "sexual-content-to-minor": "child-sexual-abuse-material",
  // Asking a young person for images is solicitation: grooming.
  "asking-for-images": "grooming",
  "sextortion-or-threats": "sextortion",
  grooming: "grooming",
  harassment: "harassment",
  spam: "scam-or-spam",
  other: "other",
};

export type ModerationRoutingInput = {
  readonly category: BundleReportCategory;
  readonly subject: "message" | "profile";
};

export type ModerationRouting = {
  readonly engineCategory: EngineReportCategory;
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
  return ({ category, subject }) => {
    const engineCategory = ENGINE_CATEGORY_OF[category];
    const now = clock();
    const ask = (website: boolean): ReportDecision =>
      engine.decide(
        {
          point: "report",
          // The moderator's device knows no one's verified age: both are unverified.
          reporter: UNVERIFIED,
          reported: UNVERIFIED,
          isContact: false,
          target: subject,
          category: engineCategory,
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
      engineCategory,
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
