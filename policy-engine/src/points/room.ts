// The room decision point: complete mediation for everything a room can show.
// Every member is judged as if they had contacted the person themself (the
// incoming-contact rules, so one table decides both), then the room rules
// combine those judgements: an invitation is presented as the strictest of
// its members requires, and what each member controls (messages, name, ID,
// the room name they set) is shown only as that member's judgement allows.

import { effectiveBand, isMinor } from "../model/bands.ts";
import type { Notice, RoomDecision, RoomMemberDecision } from "../model/decisions.ts";
import {
  ACCEPT_MODES,
  MEMBER_CONTENT,
  NOTIFICATION_CONTENTS,
  ROOM_PRESENTATIONS,
  moreProtective,
  protectionRank,
} from "../model/effects.ts";
import type {
  AcceptMode,
  MemberContent,
  NotificationContent,
  RoomPresentation,
} from "../model/effects.ts";
import type { ActionId } from "../model/ids.ts";
import type { RoomMemberFacts, RoomRequest } from "../model/requests.ts";
import type { RuleId } from "../model/rule-ids.ts";
import { assertNever } from "../engine/assert-never.ts";
import { mergeNotices, reasonsOf, runRules } from "../engine/run-rules.ts";
import type { CompiledPack } from "../pack/compile.ts";
import type { RoomContribution } from "../rules/contributions.ts";
import type { RoomFacts, RoomMemberOutcome } from "../rules/facts.ts";
import {
  announceStrangersJoining,
  announceable,
} from "../rules/room/announce-strangers-joining.ts";
import { inviterJudgedAsFirstContact } from "../rules/room/inviter-judged-as-first-contact.ts";
import { joinedRoomIsAChat } from "../rules/room/joined-room-is-a-chat.ts";
import { roomNameResemblesContact } from "../rules/room/name-resembles-contact.ts";
import { roomNameResemblesHelpService } from "../rules/room/name-resembles-help-service.ts";
import { notificationContent } from "../rules/room/notification-content.ts";
import { strangersInsideNeedOverview } from "../rules/room/strangers-inside-need-overview.ts";
import { unknownMembership } from "../rules/room/unknown-membership.ts";
import type { Rule } from "../rules/rule.ts";
import { NO_ACTIONS, NO_ERRORS, NO_HELP, NO_NOTICES, NO_RULE_APPLIED } from "./common.ts";
import type { DecisionBase } from "./common.ts";
import { helpFor } from "./help.ts";
import { judgeFirstContact, requestActions } from "./incoming-contact.ts";

export const ROOM_RULES: readonly Rule<RoomFacts, RoomContribution>[] = [
  joinedRoomIsAChat,
  inviterJudgedAsFirstContact,
  strangersInsideNeedOverview,
  unknownMembership,
  announceStrangersJoining,
  roomNameResemblesContact,
  roomNameResemblesHelpService,
  notificationContent,
];

const PRESENTATION_RANK = protectionRank(ROOM_PRESENTATIONS);
const CONTENT_RANK = protectionRank(MEMBER_CONTENT);
const ACCEPT_RANK = protectionRank(ACCEPT_MODES);
const NOTIFICATION_RANK = protectionRank(NOTIFICATION_CONTENTS);

type FirstContact = ReturnType<typeof judgeFirstContact>;

/** Members with the same facts get the same judgement: judged once per distinct set of facts. */
function judgeMember(
  request: RoomRequest,
  member: RoomMemberFacts,
  pack: CompiledPack,
  seen: Map<string, FirstContact>,
): RoomMemberOutcome {
  const key = `${member.person.ageBand}:${member.person.ageVerified ? 1 : 0}:${member.isContact ? 1 : 0}:${String(member.sharedRoomCount)}:${member.sameServer ? 1 : 0}:${member.nameResemblesContact ? 1 : 0}:${member.nameResemblesHelpService ? 1 : 0}`;
  let judged = seen.get(key);
  judged ??= judgeFirstContact(
    {
      point: "incoming-contact",
      recipient: request.self,
      sender: member.person,
      isContact: member.isContact,
      sharedRoomCount: member.sharedRoomCount,
      sameServer: member.sameServer,
      nameResemblesContact: member.nameResemblesContact,
      nameResemblesHelpService: member.nameResemblesHelpService,
    },
    pack,
  );
  seen.set(key, judged);
  return {
    ...judged,
    isInviter: member.roles.includes("inviter"),
    acceptedHere: member.acceptedHere,
  };
}

/** What of this member reaches the screen: shown, after the person chooses, or not at all. */
function contentOf(member: RoomMemberOutcome): MemberContent {
  if (member.presentation === "normal" || member.preview === "shown") return "shown";
  if (member.accept === "not-offered") return "hidden";
  return member.acceptedHere ? "shown" : "on-request";
}

function actionsFor(
  presentation: RoomPresentation,
  accept: AcceptMode,
  members: readonly RoomMemberDecision[],
): readonly ActionId[] {
  switch (presentation) {
    case "normal": {
      if (!members.some((member) => member.announce || member.content !== "shown")) {
        return NO_ACTIONS;
      }
      const canView = members.some((member) => member.content === "on-request");
      return [
        ...(canView ? (["view"] as const) : []),
        "leave",
        "block",
        "report",
        "get-help",
        "why",
      ];
    }
    case "overview":
    case "filtered":
      return requestActions(accept);
    case "declined":
      return ["block", "block-and-report", "get-help", "why"];
    default:
      return assertNever(presentation, "room presentation");
  }
}

export function roomFacts(request: RoomRequest, pack: CompiledPack): RoomFacts {
  const seen = new Map<string, FirstContact>();
  return {
    request,
    selfBand: effectiveBand(request.self),
    members: request.members.map((member) => judgeMember(request, member, pack, seen)),
  };
}

export function decideRoom(
  request: RoomRequest,
  pack: CompiledPack,
  base: DecisionBase,
): RoomDecision {
  const facts = roomFacts(request, pack);
  const { effect, kept } = runRules(ROOM_RULES, facts, pack, PRESENTATION_RANK);
  const presentation: RoomPresentation = effect ?? "filtered";
  const announcing = kept.some(({ contribution }) => contribution.announceNewStrangers === true);
  // Only a joined normal chat notifies, and only of what its screen shows: no request, no stranger.
  let notifies: NotificationContent =
    request.membership === "join" && presentation === "normal" ? "sender-and-text" : "none";
  for (const { contribution } of kept) {
    if (contribution.notification !== undefined) {
      notifies = moreProtective(NOTIFICATION_RANK, notifies, contribution.notification);
    }
  }

  let accept: AcceptMode = "offered";
  const memberReasons = new Set<RuleId>();
  const members = facts.members.map((member): RoomMemberDecision => {
    const content = contentOf(member);
    if (member.presentation !== "normal") {
      accept = moreProtective(ACCEPT_RANK, accept, member.accept);
      for (const reason of member.reasons) {
        // A member's "no shared groups" and "other server" signals are about a
        // direct first contact; in a room only what decided them, and a look-alike, explain it.
        if (reason.startsWith("incoming-contact/signal-") && !reason.includes("name-resembles")) {
          continue;
        }
        memberReasons.add(reason);
      }
    }
    const announce = announcing && announceable(member);
    return {
      relationship: member.relationship,
      content,
      announce,
      // "No shared groups" reads wrong about someone in a group; the rest says who they are.
      notices:
        member.presentation === "normal"
          ? NO_NOTICES
          : member.notices.filter((notice) => notice.id !== "no-shared-rooms"),
      notification: content === "shown" ? notifies : "none",
    };
  });

  let profile: MemberContent = "shown";
  for (const index of request.profileSetBy) {
    const setter = members[index];
    if (setter !== undefined) profile = moreProtective(CONTENT_RANK, profile, setter.content);
  }

  const warns = presentation !== "normal" || members.some((member) => member.announce);
  const notices: Notice[] = mergeNotices(kept);
  return {
    point: "room",
    effect: presentation,
    members,
    profile,
    protectsMinor:
      pack.guards.adultsCannotStartContactWithMinors &&
      isMinor(facts.selfBand) &&
      presentation !== "normal",
    decisionId: base.decisionId,
    pack: base.pack,
    notices,
    help: warns ? helpFor(facts.selfBand, "after-warning", null, pack) : NO_HELP,
    actions: actionsFor(presentation, accept, members),
    reasons: effect === undefined ? NO_RULE_APPLIED : [...reasonsOf(kept), ...memberReasons],
    errors: NO_ERRORS,
    failedClosed: false,
  };
}
