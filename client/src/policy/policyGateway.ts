// Policy layer: the one enforcement point. It gathers facts about people and
// relationships from the Matrix layer (never message content), asks the
// policy engine, and returns the engine's decisions unchanged. Views and view
// models render these decisions; no rule lives anywhere else in the client.

import type {
  ContactDecision,
  DisclosureDecision,
  IncomingContactDecision,
  PolicyEngine,
} from "@safety-by-design/policy-engine";
import type { ContactSummary, InvitationSummary } from "../matrix/chatSession.ts";
import { resemblesAny } from "../matrix/displayNames.ts";
import type { AgeFactsSource } from "./ageFacts.ts";
import { ageGating, type ContactProbe } from "./ageGating.ts";
import {
  conversationNoticeDecider,
  type ConversationNoticeDecider,
} from "./decideConversationNotices.ts";
import { helpDecider, type HelpDecider } from "./decideHelp.ts";
import { reportDecider, type ReportDecider } from "./decideReport.ts";

/** What the gateway needs to know about relationships; ChatSession provides it. */
export type RelationshipFacts = {
  readonly userId: string;
  readonly serverName: string;
  contacts(): readonly ContactSummary[];
  sharedRoomCount(otherUserId: string): number;
};

export type PolicyGatewayDependencies = {
  readonly engine: PolicyEngine;
  readonly clock: () => number;
  readonly ages: AgeFactsSource;
  readonly relationships: RelationshipFacts;
  /** Names of help services, for the impersonation fact (display names only, never content). */
  readonly helpServiceNames: readonly string[];
  /** The device's locale (BCP 47), e.g. "nl-NL": help adds 112 outside the pack's country. */
  readonly locale?: () => string;
  /** Asks a recipient's devices before a chat starts (ageGating.ts); absent: no probing. */
  readonly probe?: ContactProbe;
};

export type PolicyGateway = {
  readonly engine: PolicyEngine;
  /** How an invitation is presented on this device: normal chat, request, filtered or declined. */
  readonly presentInvitation: (invitation: InvitationSummary) => IncomingContactDecision;
  /** Sender side: may the device user start a chat with this person? (May ask their device first.) */
  readonly startChat: (otherUserId: string) => Promise<ContactDecision>;
  /** May this device show its user's verified age band to this person? */
  readonly disclosure: (audienceUserId: string) => DisclosureDecision;
  /** Which help resources fit the device user at this moment. */
  readonly help: HelpDecider;
  /** Standing notices in an accepted conversation, e.g. the reminder after accepting a stranger. */
  readonly conversationNotices: ConversationNoticeDecider;
  /** What happens with a report: default category, anonymity, advice, help, what to offer after. */
  readonly report: ReportDecider;
};

export function createPolicyGateway(deps: PolicyGatewayDependencies): PolicyGateway {
  const { engine, clock, ages, relationships, helpServiceNames } = deps;

  const isContact = (userId: string): boolean =>
    relationships.contacts().some((contact) => contact.userId === userId);

  /** Another person's name looks like one of my contacts' names (but is not that contact). */
  const resemblesContact = (userId: string, displayName: string | undefined): boolean => {
    if (displayName === undefined) return false;
    const otherContacts = relationships
      .contacts()
      .filter((contact) => contact.userId !== userId)
      .flatMap((contact) => (contact.displayName === undefined ? [] : [contact.displayName]));
    return resemblesAny(displayName, otherContacts);
  };

  return {
    engine,
    help: helpDecider(engine, clock, ages.self, deps.locale ?? (() => "nl-NL")),
    conversationNotices: conversationNoticeDecider({
      engine,
      clock,
      ages,
      resemblesContact,
      resemblesHelpService: (displayName) => resemblesAny(displayName, helpServiceNames),
    }),
    report: reportDecider({
      engine,
      clock,
      ages,
      isContact,
      resemblance: (userId, displayName) => ({
        contact: resemblesContact(userId, displayName),
        helpService: displayName !== undefined && resemblesAny(displayName, helpServiceNames),
      }),
    }),
    presentInvitation: (invitation) =>
      engine.decide(
        {
          point: "incoming-contact",
          recipient: ages.self(),
          sender: ages.about(invitation.inviterUserId),
          isContact: isContact(invitation.inviterUserId),
          sharedRoomCount: relationships.sharedRoomCount(invitation.inviterUserId),
          sameServer: serverOf(invitation.inviterUserId) === relationships.serverName,
          nameResemblesContact: resemblesContact(
            invitation.inviterUserId,
            invitation.inviterDisplayName,
          ),
          nameResemblesHelpService:
            invitation.inviterDisplayName !== undefined &&
            resemblesAny(invitation.inviterDisplayName, helpServiceNames),
        },
        clock(),
      ),
    ...ageGating({
      engine,
      clock,
      ages,
      isContact,
      sharesAcceptedConversation: (userId) => relationships.sharedRoomCount(userId) > 0,
      probe: deps.probe,
    }),
  };
}

function serverOf(userId: string): string {
  return userId.slice(userId.indexOf(":") + 1);
}
