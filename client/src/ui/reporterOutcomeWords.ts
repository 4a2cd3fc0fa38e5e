// UI: the outcome of a report in the words its reporter reads (issue 18,
// acceptance 3): one text for children (8-12) and one for everyone else, per
// decision. "Mijn meldingen" shows them on the reporter's device; the
// moderator's confirmation shows exactly the same words before sending, so a
// moderator sees what a child will read. Words only; no rule here.
import type { NoActionReason } from "@safety-by-design/protocol";
import { HELP_RESOURCES, type HelpResourceId } from "../help/resources.ts";
import type { MessageKey, Translator } from "../i18n/i18n.ts";

/** An outcome as the reporter's device knows it. */
export type ReporterOutcome =
  | { readonly kind: "handled" }
  /** `to` undefined: a body this version of the app does not know by name. */
  | { readonly kind: "forwarded"; readonly to: HelpResourceId | undefined }
  | { readonly kind: "no-action"; readonly reason: NoActionReason };

/** Per outcome: the general text, then the children's. */
const OUTCOME_KEYS = {
  handled: ["myReports.status.handled", "myReports.status.handled.child"],
  forwarded: ["myReports.status.forwarded", "myReports.status.forwarded.child"],
  "no-rule-broken": ["myReports.status.noRuleBroken", "myReports.status.noRuleBroken.child"],
  "not-enough-information": [
    "myReports.status.notEnoughInformation",
    "myReports.status.notEnoughInformation.child",
  ],
  "already-handled": ["myReports.status.alreadyHandled", "myReports.status.alreadyHandled.child"],
} as const satisfies Record<string, readonly [MessageKey, MessageKey]>;

export function reporterOutcomeWords(
  outcome: ReporterOutcome,
  child: boolean,
  t: Translator["t"],
  locale: "nl" | "en",
): string {
  const pick = (keys: readonly [MessageKey, MessageKey]) => keys[child ? 1 : 0];
  switch (outcome.kind) {
    case "handled":
      return t(pick(OUTCOME_KEYS.handled));
    case "forwarded":
      return t(pick(OUTCOME_KEYS.forwarded), {
        name:
          outcome.to === undefined
            ? t("myReports.someOrganisation")
            : HELP_RESOURCES[outcome.to].name[locale],
      });
    case "no-action":
      return t(pick(OUTCOME_KEYS[outcome.reason]));
  }
}
