// View-model layer: "Why am I seeing this?" as plain snapshot fields. A
// screen's view model turns the decisions behind what it shows into a
// WhyView: the rule ids that decided (the engine's `reasons`, in order, each
// once), the pack that holds them, and whom the words are for (the reader's
// age band, as the copy is written). The view (ui/WhyDetails.tsx) looks the
// words up; it never sees a decision.

import type { AgeBand, Decision } from "@safety-by-design/policy-engine";
import type { WhyAudience } from "../i18n/i18n.ts";
import { assertNever } from "./assertNever.ts";

export type WhyView = {
  /** Whom the words are for: 8-12 ("child"), teens and unknown ages ("teen"), adults. */
  readonly audience: WhyAudience;
  /** The engine's rule ids that decided, in order, each once. */
  readonly ruleIds: readonly string[];
  /** The pack (id and version) that holds those rules. */
  readonly pack: string;
};

/** What a decision must carry to be explained. */
export type ExplainedDecision = Pick<Decision, "reasons" | "pack">;

/**
 * The reader's band, as the copy is written: 8-12 read the children's words,
 * 13-17 the teens', adults the adults'. Someone whose age is unknown may be a
 * child or an adult and reads the general (teen, B1) words, as general UI does.
 */
export function whyAudienceOf(band: AgeBand): WhyAudience {
  switch (band) {
    case "8-12":
      return "child";
    case "13-15":
    case "16-17":
    case "unverified":
      return "teen";
    case "18+":
      return "adult";
    default:
      return assertNever(band);
  }
}

/** The explanation of one or more decisions (e.g. one per member of a group), for this reader. */
export function whyViewOf(decisions: readonly ExplainedDecision[], readerBand: AgeBand): WhyView {
  return {
    audience: whyAudienceOf(readerBand),
    ruleIds: [...new Set(decisions.flatMap((decision) => decision.reasons))],
    pack: [...new Set(decisions.map(({ pack }) => `${pack.id} ${pack.version}`))].join(", "),
  };
}
