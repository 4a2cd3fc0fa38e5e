// Policy layer: the one enforcement point. It gathers facts about people and
// (Over 400 lines: the one place where facts become engine requests for every decision point; each point is a short function.)
// relationships from the Matrix layer (never message content), asks the
// policy engine, and returns the engine's decisions unchanged. Views and view
// models render these decisions; no rule lives anywhere else in the client.
//
// Decisions owned here: `incoming-contact` (presentInvitation: how a direct
// invitation from someone would be presented; the age exchange answers
// contact probes with it) and the facts of every `room` decision (roomFacts;
// roomDecisionStore.ts decides them once per change). A person's facts as a
// first contact are gathered by one function (firstContactFacts) for both, so
// an invitation and a room member are never judged on different facts. The
// other decisions it hands out are owned by the files it takes them from:
// contact and disclosure (ageGating.ts), help (decideHelp.ts), conversation
// notices (decideConversationNotices.ts), report (decideReport.ts), and the
// facts of media decisions (decideMedia.ts; roomDecisionStore.ts decides and
// keeps them).

import type {
  AgeBand,
  ContactDecision,
  IncomingContactDecision,
  IncomingMediaDecision,
  IncomingMediaRequest,
  MediaKind,
  NotificationContent,
  OutgoingMediaDecision,
  OutgoingMediaRequest,
  PersonFacts,
  PolicyEngine,
  RoomDecision,
  RoomMemberFacts,
  RoomRequest,
} from "@safety-by-design/policy-engine";
import type {
  ContactSummary,
  ConversationOriginRecord,
  InvitationSummary,
  RoomMemberSnapshot,
  RoomSnapshot,
} from "../matrix/sessionTypes.ts";
import { createResemblanceIndex, resemblesAny, type ResemblanceIndex } from "./nameResemblance.ts";
import type { AgeFactsSource } from "./ageFacts.ts";
import { ageGating, type ContactProbe, type DisclosureDecider } from "./ageGating.ts";
import {
  conversationNoticeDecider,
  type ConversationNoticeDecider,
} from "./decideConversationNotices.ts";
import { helpDecider, type HelpDecider } from "./decideHelp.ts";
import { incomingMediaRequest, outgoingMediaRequest, type MediaRoomLookup } from "./decideMedia.ts";
import { decideNotificationContent } from "./decideNotifications.ts";
import { reportDecider, type ReportDecider } from "./decideReport.ts";

/** What the gateway needs to know about relationships; ChatSession provides it. */
export type RelationshipFacts = {
  readonly userId: string;
  readonly serverName: string;
  contacts(): readonly ContactSummary[];
  sharedRoomCount(otherUserId: string): number;
  /**
   * How the direct chat in `roomId` started, as this account recorded it.
   * Absent (or undefined): not recorded, which media decisions read as an
   * accepted request (the protective reading).
   */
  conversationOrigin?(roomId: string): ConversationOriginRecord | undefined;
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
  /**
   * The device user's band as the engine reads it (`unverified` without a
   * verified attestation): whom "why am I seeing this?" is written for.
   */
  readonly readerBand: () => AgeBand;
  /** What this device verified about a person's age (a band they presented), else unverified. */
  readonly ageOf: (userId: string) => PersonFacts;
  /** At most what the device user's notifications may show (decideNotifications.ts). */
  readonly notificationContent: () => NotificationContent;
  /** How an invitation is presented on this device: normal chat, request, filtered or declined. */
  readonly presentInvitation: (invitation: InvitationSummary) => IncomingContactDecision;
  /** Sender side: may the device user start a chat with this person? (May ask their device first.) */
  readonly startChat: (otherUserId: string) => Promise<ContactDecision>;
  /** May this device show its user's verified age band to this person? */
  readonly disclosure: DisclosureDecider;
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
  /** `roomFacts` of every room at once: what they share is asked of the session once. */
  readonly roomsFacts: (snapshots: readonly RoomSnapshot[]) => readonly RoomFacts[];
  /** The engine's room decision for facts from `roomFacts`. */
  readonly decideRoom: (request: RoomRequest) => RoomDecision;
  /** The time decisions are made at (ms): a media decision's `until` is read against it. */
  readonly clock: () => number;
  /** Facts of an incoming image or file (decideMedia.ts): about people, never the media. */
  readonly incomingMediaRequest: (
    rooms: MediaRoomLookup,
    senderUserId: string,
    mediaKind: MediaKind,
  ) => IncomingMediaRequest;
  /** Facts of an image or file the device user is about to send into a room. */
  readonly outgoingMediaRequest: (
    rooms: MediaRoomLookup,
    mediaKind: MediaKind,
  ) => OutgoingMediaRequest;
  /** The engine's media decisions for those facts (roomDecisionStore.ts keeps them). */
  readonly decideIncomingMedia: (request: IncomingMediaRequest) => IncomingMediaDecision;
  readonly decideOutgoingMedia: (request: OutgoingMediaRequest) => OutgoingMediaDecision;
};

/** A room's engine request with the members it lists, in the request's order. */
export type RoomFacts = {
  readonly request: RoomRequest;
  readonly factsMembers: readonly RoomMemberSnapshot[];
  /** The room's name looks like a contact's name or a help service. */
  readonly nameResembles: boolean;
};

/** What a person's facts read of the device user's relationships. */
type Relations = {
  readonly isContact: (userId: string) => boolean;
  readonly sharedRoomCount: (userId: string) => number;
  readonly resemblesContact: (userId: string, displayName: string | undefined) => boolean;
  readonly resemblesHelpService: (userId: string, displayName: string | undefined) => boolean;
  readonly contactNames: () => readonly string[];
};

/** Kept look-alike answers per kind, at most (a name of each of this many people). */
const MAX_KEPT_ANSWERS = 10_000;

function remember<T>(answers: Map<string, T>, key: string, answer: () => T): T {
  if (answers.has(key)) return answers.get(key) as T;
  const value = answer();
  answers.set(key, value);
  return value;
}

export function createPolicyGateway(deps: PolicyGatewayDependencies): PolicyGateway {
  const { engine, clock, ages, relationships, helpServiceNames } = deps;
  const exemptUserIds = deps.moderationAccounts ?? [];
  // Whether a name looks like a help service's or a contact's is the same
  // answer until the names change; a cold start makes several passes over
  // every room, so answers are kept (docs/performance.md). Bounded: cleared
  // when they grow past what a large account needs.
  const lookAlikeAnswers = (): Map<string, boolean> => new Map<string, boolean>();
  const keepAnswer = (answers: Map<string, boolean>, key: string, answer: () => boolean) => {
    if (answers.size >= MAX_KEPT_ANSWERS) answers.clear();
    return remember(answers, key, answer);
  };

  const helpServiceAnswers = lookAlikeAnswers();
  /** Another person's name looks like a help service (the deployment's moderators excepted). */
  const resemblesHelpService = (userId: string, displayName: string | undefined): boolean =>
    displayName !== undefined &&
    keepAnswer(helpServiceAnswers, `${userId}\n${displayName}`, () =>
      resemblesAny(displayName, helpServiceNames, { userId, exemptUserIds }),
    );

  const isContact = (userId: string): boolean =>
    relationships.contacts().some((contact) => contact.userId === userId);

  /**
   * The contacts' names as one index, each name with its owner (who never
   * resembles their own name), kept with its answers while the contacts stay
   * the same: one index for everyone, instead of one per person without
   * their own name.
   */
  let contactIndex:
    | {
        readonly key: string;
        readonly index: ResemblanceIndex;
        readonly answers: Map<string, boolean>;
      }
    | undefined;
  const contactLookAlike = (
    contacts: readonly ContactSummary[],
  ): ((userId: string, displayName: string | undefined) => boolean) => {
    const named = contacts.flatMap((contact) =>
      contact.displayName === undefined
        ? []
        : [{ name: contact.displayName, userId: contact.userId }],
    );
    const key = named.map((contact) => `${contact.userId}\u0000${contact.name}`).join("\u0000");
    if (contactIndex?.key !== key) {
      contactIndex = { key, index: createResemblanceIndex(named), answers: lookAlikeAnswers() };
    }
    const { index, answers } = contactIndex;
    return (userId, displayName) =>
      displayName !== undefined &&
      keepAnswer(
        answers,
        `${userId}\n${displayName}`,
        () => index(displayName, userId) !== undefined,
      );
  };

  /** Another person's name looks like one of my contacts' names (but is not that contact). */
  const resemblesContact = (userId: string, displayName: string | undefined): boolean =>
    contactLookAlike(relationships.contacts())(userId, displayName);

  const contactNames = (): readonly string[] =>
    relationships
      .contacts()
      .flatMap((contact) => (contact.displayName === undefined ? [] : [contact.displayName]));

  /** The relationship facts, asked of the session each time. */
  const live: Relations = {
    isContact,
    sharedRoomCount: (userId) => relationships.sharedRoomCount(userId),
    resemblesContact,
    resemblesHelpService,
    contactNames,
  };

  /**
   * The same facts, each asked once during one pass over every room (the
   * decision store's recompute): nothing changes while a synchronous pass
   * runs, and asking per member made a pass over a thousand rooms quadratic
   * (docs/performance.md).
   */
  const rememberedForOnePass = (): Relations => {
    const contacts = relationships.contacts();
    const contactIds = new Set(contacts.map((contact) => contact.userId));
    const names = contacts.flatMap((contact) =>
      contact.displayName === undefined ? [] : [contact.displayName],
    );
    const shared = new Map<string, number>();
    return {
      isContact: (userId) => contactIds.has(userId),
      sharedRoomCount: (userId) =>
        remember(shared, userId, () => relationships.sharedRoomCount(userId)),
      resemblesContact: contactLookAlike(contacts),
      resemblesHelpService,
      contactNames: () => names,
    };
  };

  /**
   * What the engine knows about someone as a first contact of the device
   * user, the same for an invitation from them and for a member of a room.
   * `sharedRoomCount`: rooms shared besides the one they are judged in.
   */
  const firstContactFacts = (
    userId: string,
    displayName: string | undefined,
    sharedRoomCount: number,
    relations: Relations = live,
  ): Omit<RoomMemberFacts, "roles" | "acceptedHere"> => ({
    person: ages.about(userId),
    isContact: relations.isContact(userId),
    sharedRoomCount,
    sameServer: serverOf(userId) === relationships.serverName,
    nameResemblesContact: relations.resemblesContact(userId, displayName),
    nameResemblesHelpService: relations.resemblesHelpService(userId, displayName),
  });

  const mediaFacts = {
    ages,
    contacts: () => relationships.contacts(),
    conversationOrigin: (roomId: string) => relationships.conversationOrigin?.(roomId),
  };

  const roomFactsWith = (snapshot: RoomSnapshot, relations: Relations): RoomFacts => {
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
      const shared = relations.sharedRoomCount(member.userId);
      const sharesThis = snapshot.membership === "join" && member.membership === "join";
      const first = firstContactFacts(
        member.userId,
        member.displayName,
        Math.max(0, shared - (sharesThis ? 1 : 0)),
        relations,
      );
      // Whoever left a direct chat the person is in was their contact there
      // (both had joined it): what they wrote stays as it was, not a stranger's.
      const formerContact =
        snapshot.isDirect && snapshot.membership === "join" && member.membership === "left";
      return {
        ...first,
        isContact: first.isContact || formerContact,
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
    const roomNameResemblesContact =
      roomName !== undefined &&
      !snapshot.isDirect &&
      resemblesAny(roomName, relations.contactNames());
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
    readerBand: () => {
      const self = ages.self();
      return self.ageVerified ? self.ageBand : "unverified";
    },
    ageOf: (userId) => ages.about(userId),
    notificationContent: () => decideNotificationContent(engine, clock, ages.self()),
    roomFacts: (snapshot) => roomFactsWith(snapshot, live),
    roomsFacts: (snapshots) => {
      const relations = rememberedForOnePass();
      return snapshots.map((snapshot) => roomFactsWith(snapshot, relations));
    },
    decideRoom: (request) => engine.decide(request, clock()),
    clock,
    incomingMediaRequest: (rooms, senderUserId, mediaKind) =>
      incomingMediaRequest(mediaFacts, rooms, senderUserId, mediaKind),
    outgoingMediaRequest: (rooms, mediaKind) => outgoingMediaRequest(mediaFacts, rooms, mediaKind),
    decideIncomingMedia: (request) => engine.decide(request, clock()),
    decideOutgoingMedia: (request) => engine.decide(request, clock()),
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
    presentInvitation: (invitation) => {
      const { person, ...facts } = firstContactFacts(
        invitation.inviterUserId,
        invitation.inviterDisplayName,
        relationships.sharedRoomCount(invitation.inviterUserId),
      );
      return engine.decide(
        { point: "incoming-contact", recipient: ages.self(), sender: person, ...facts },
        clock(),
      );
    },
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
