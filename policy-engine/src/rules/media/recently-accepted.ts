import type { MediaContribution } from "../contributions.ts";
import type { MediaFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const recentlyAccepted: Rule<MediaFacts, MediaContribution> = {
  id: "media/recently-accepted",
  summary:
    "Someone whose request was accepted less than the pack's window ago (per band) is not yet treated as a contact for media; the decision says until when.",
  evaluate: ({ request, selfBand, counterparts }, pack) => {
    // Only where it makes a difference: the table treats them unlike a contact.
    const table = request.direction === "incoming" ? pack.media.incoming : pack.media.outgoing;
    const row = table[selfBand];
    if (row["recently-accepted"] === row.contact) return null;
    if (request.direction === "outgoing" && !pack.media.thinkFirstKinds[request.mediaKind]) {
      return null;
    }
    let until: number | null = null;
    for (const other of counterparts) {
      if (other.recentUntil !== null && (until === null || other.recentUntil < until)) {
        until = other.recentUntil;
      }
    }
    return until === null ? null : { notices: [], until };
  },
};
