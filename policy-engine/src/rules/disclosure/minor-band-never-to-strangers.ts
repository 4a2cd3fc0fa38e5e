import { isAdultOrUnverified, isMinor } from "../../model/bands.ts";
import type { DisclosureContribution } from "../contributions.ts";
import type { DisclosureFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

const WITHHOLD: DisclosureContribution = { effect: "withhold" };

export const minorBandNeverToStrangers: Rule<DisclosureFacts, DisclosureContribution> = {
  id: "disclosure/minor-band-never-to-strangers",
  summary:
    "Guard: a minor's band is never shown to an adult or unverified account that is not their contact, so strangers cannot use it to single out children.",
  evaluate: ({ selfBand, audienceBand, relationship }, pack) =>
    pack.guards.minorBandNeverDisclosedToStrangers &&
    isMinor(selfBand) &&
    relationship !== "contact" &&
    isAdultOrUnverified(audienceBand)
      ? WITHHOLD
      : null,
};
