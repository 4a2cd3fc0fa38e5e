import { isAdultOrUnverified, isMinor } from "../../model/bands.ts";
import type { IncomingContactContribution } from "../contributions.ts";
import type { IncomingContactFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const adultStrangersNeverNormalChatForMinors: Rule<
  IncomingContactFacts,
  IncomingContactContribution
> = {
  id: "incoming-contact/adult-strangers-never-normal-chat-for-minors",
  summary:
    "Guard: a first contact from an unknown adult or unverified account never lands in a minor's chat list; at the least it is a request with a hidden preview, accepted only after reading the notice.",
  evaluate: ({ request, recipientBand, senderBand }, pack) => {
    if (
      !pack.guards.adultStrangersNeverNormalChatForMinors ||
      !isMinor(recipientBand) ||
      !isAdultOrUnverified(senderBand) ||
      request.isContact
    ) {
      return null;
    }
    const notice = senderBand === "18+" ? "unknown-adult" : "unverified-age";
    return {
      effect: "request",
      preview: "hidden",
      accept: "after-reading",
      notices: [pack.notices[notice][recipientBand]],
    };
  },
};
