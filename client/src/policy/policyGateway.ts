// Policy layer: the one enforcement point. It gathers facts about people and
// relationships from the Matrix layer (never message content), asks the
// policy engine, and returns the engine's decisions unchanged. Views and view
// models render these decisions; no rule lives anywhere else in the client.

import type {
  ContactDecision,
  DisclosureDecision,
  IncomingContactDecision,
  PolicyEngine,
  RoomDecision,
  RoomMemberFacts,
  RoomRequest,
} from "@safety-by-design/policy-engine";
import type {
  ContactSummary,
  InvitationSummary,
  RoomMemberSnapshot,
  RoomSnapshot,
} from "../matrix/chatSession.ts";
import { resemblesAny } from "./nameResemblance.ts";
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
  /** The deployment's own moderation accounts: never flagged as looking like a help service. */
  readonly moderationAccounts?: readonly string[];
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
  /**
   * How a room (invitation or joined) and each of its members are shown:
   * every member judged, the room's name judged by who set it. `members`
   * are the snapshot's members, then anyone who set the name, topic or
   * avatar and has left (`factsMembers` says who each decision entry is).
   */
  readonly roomFacts: (snapshot: RoomSnapshot) => RoomFacts;
  /** The engine's room decision for facts from `roomFacts`. */
  readonly decideRoom: (request: RoomRequest) => RoomDecision;
};

/** A room's engine request with the members it lists, in the request's order. */
export type RoomFacts = {
  readonly request: RoomRequest;
  readonly factsMembers: readonly RoomMemberSnapshot[];
  /** The room's name looks like a contact's name or a help service. */
  readonly nameResembles: boolean;
};

export function createPolicyGateway(deps: PolicyGatewayDependencies): PolicyGateway {
  const { engine, clock, ages, relationships, helpServiceNames } = deps;
  const exemptUserIds = deps.moderationAccounts ?? [];
  /** Another person's name looks like a help service (the deployment's moderators excepted). */
  const resemblesHelpService = (userId: string, displayName: string | undefined): boolean =>
    displayName !== undefined &&
    resemblesAny(displayName, helpServiceNames, { userId, exemptUserIds });

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

  const roomFacts = (snapshot: RoomSnapshot): RoomFacts => {
    const members: RoomMemberSnapshot[] = [...snapshot.members];
    const present = new Set(members.map((member) => member.userId));
    const addMissing = (userId: string | undefined): void => {
      // The inviter (a server may leave their membership out of the preview)
      // and whoever set the name or topic and has left are judged like members.
      if (userId === undefined || userId === relationships.userId || present.has(userId)) return;
      present.add(userId);
      members.push({ userId, displayName: undefined, membership: "join", since: undefined });
    };
    addMissing(snapshot.inviterUserId);
    addMissing(snapshot.name?.setBy);
    addMissing(snapshot.topic?.setBy);
    addMissing(snapshot.avatarSetBy);
    const facts = members.map((member): RoomMemberFacts => {
      const roles: ("inviter" | "creator")[] = [];
      if (member.userId === snapshot.inviterUserId) roles.push("inviter");
      if (member.userId === snapshot.creatorUserId) roles.push("creator");
      // This room itself is not "another shared room".
      const shared = relationships.sharedRoomCount(member.userId);
      const sharesThis = snapshot.membership === "join" && member.membership === "join";
      return {
        person: ages.about(member.userId),
        isContact: isContact(member.userId),
        sharedRoomCount: Math.max(0, shared - (sharesThis ? 1 : 0)),
        sameServer: serverOf(member.userId) === relationships.serverName,
        nameResemblesContact: resemblesContact(member.userId, member.displayName),
        nameResemblesHelpService: resemblesHelpService(member.userId, member.displayName),
        roles,
        acceptedHere: snapshot.acceptedMembers.includes(member.userId),
      };
    });
    const setters = [snapshot.name?.setBy, snapshot.topic?.setBy, snapshot.avatarSetBy];
    const profileSetBy = [
      ...new Set(
        setters.flatMap((userId) => {
          const index = members.findIndex((member) => member.userId === userId);
          return index < 0 ? [] : [index];
        }),
      ),
    ];
    const roomName = snapshot.name?.value;
    const contactNames = relationships
      .contacts()
      .flatMap((contact) => (contact.displayName === undefined ? [] : [contact.displayName]));
    const roomNameResemblesContact =
      roomName !== undefined && !snapshot.isDirect && resemblesAny(roomName, contactNames);
    const roomNameResemblesHelpService =
      roomName !== undefined && resemblesAny(roomName, helpServiceNames);
    return {
      request: {
        point: "room",
        self: ages.self(),
        membership: snapshot.membership,
        isDirect: snapshot.isDirect,
        membersKnown: snapshot.membersKnown,
        members: facts,
        profileSetBy,
        roomNameResemblesContact,
        roomNameResemblesHelpService,
      },
      factsMembers: members,
      nameResembles: roomNameResemblesContact || roomNameResemblesHelpService,
    };
  };

  return {
    engine,
    roomFacts,
    decideRoom: (request) => engine.decide(request, clock()),
    help: helpDecider(engine, clock, ages.self, deps.locale ?? (() => "nl-NL")),
    conversationNotices: conversationNoticeDecider({
      engine,
      clock,
      ages,
      resemblesContact,
      resemblesHelpService,
    }),
    report: reportDecider({
      engine,
      clock,
      ages,
      isContact,
      resemblance: (userId, displayName) => ({
        contact: resemblesContact(userId, displayName),
        helpService: resemblesHelpService(userId, displayName),
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
          nameResemblesHelpService: resemblesHelpService(
            invitation.inviterUserId,
            invitation.inviterDisplayName,
          ),
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
