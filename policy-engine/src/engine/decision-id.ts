// Decision ids: `<pack id>@<version>/<point>/<16 hex digits>`, where the digits
// are FNV-1a (64-bit) over `now` and the request facts in a fixed order. No
// randomness and no clock but the `now` passed in, so equal inputs give equal
// ids (an OPA-style decision id that a log or study export can join on). It
// hashes facts about people, never message content (the engine has none).
// FNV-1a is not a cryptographic hash; ids are labels, not secrets.

import type { PersonFacts } from "../model/bands.ts";
import type { PackRef } from "../model/decisions.ts";
import type { DecisionRequest, MediaCounterpart } from "../model/requests.ts";
import { recipientAnswerOf } from "../points/contact.ts";
import { assertNever } from "./assert-never.ts";

/** 64-bit FNV-1a over UTF-16 code units, computed in four 16-bit limbs (no BigInt on the hot path). */
export function fnv1a64(text: string): string {
  // Offset basis 0xcbf29ce484222325, least significant limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let index = 0; index < text.length; index++) {
    h0 ^= text.charCodeAt(index);
    // Multiply by the prime 0x100000001b3 = 2^40 + 0x1b3, keeping 64 bits.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3;
    const t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    const c1 = t1 + (t0 >>> 16);
    const c2 = t2 + (c1 >>> 16);
    h0 = t0 & 0xffff;
    h1 = c1 & 0xffff;
    h2 = c2 & 0xffff;
    h3 = (t3 + (c2 >>> 16)) & 0xffff;
  }
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

function hex4(limb: number): string {
  return limb.toString(16).padStart(4, "0");
}

function person(facts: PersonFacts): string {
  return `${facts.ageBand}:${facts.ageVerified ? "v" : "u"}`;
}

function bit(value: boolean): string {
  return value ? "1" : "0";
}

function counterpart(other: MediaCounterpart): string {
  return `${person(other.person)}${bit(other.isContact)}${other.origin}${other.acceptedAt === null ? "-" : String(other.acceptedAt)}`;
}

/** The request's facts in a fixed order, independent of key order and of unknown extra fields. */
export function requestKey(request: DecisionRequest): string {
  switch (request.point) {
    case "discovery":
      return `${request.surface}|${person(request.viewer)}|${person(request.subject)}|${bit(request.subjectSettings.findableByPeers)}${bit(request.subjectSettings.suggestedToPeers)}|${bit(request.isContact)}`;
    case "contact":
      return `${person(request.sender)}|${person(request.recipient)}|${bit(request.isContact)}|${recipientAnswerOf(request)}`;
    case "incoming-contact":
      return `${person(request.recipient)}|${person(request.sender)}|${bit(request.isContact)}|${String(request.sharedRoomCount)}|${bit(request.sameServer)}${bit(request.nameResemblesContact)}${bit(request.nameResemblesHelpService)}`;
    case "conversation-notice":
      return `${person(request.self)}|${person(request.other)}|${request.origin}|${String(request.acceptedAt)}|${bit(request.nameResemblesContact)}${bit(request.nameResemblesHelpService)}`;
    case "disclosure":
      return `${person(request.self)}|${person(request.audience)}|${bit(request.isContact)}${bit(request.conversationAccepted)}`;
    case "report":
      return `${person(request.reporter)}|${person(request.reported)}|${bit(request.isContact)}|${request.target}|${request.category ?? "-"}|${request.materialLocation}|${bit(request.hasPublicUrl)}${bit(request.nameResemblesContact)}${bit(request.nameResemblesHelpService)}`;
    case "help":
      return `${person(request.person)}|${request.moment}|${request.reportCategory ?? "-"}|${request.locale ?? "-"}`;
    case "protective-setting-change":
      return `${person(request.person)}|${request.setting}|${bit(request.newValue)}`;
    case "room":
      return `${person(request.self)}|${request.membership}|${bit(request.isDirect)}${bit(request.membersKnown)}${bit(request.roomNameResemblesContact)}${bit(request.roomNameResemblesHelpService)}|${request.profileSetBy.join(",")}|${request.members
        .map(
          (m) =>
            `${person(m.person)}:${bit(m.isContact)}${bit(m.sameServer)}${bit(m.nameResemblesContact)}${bit(m.nameResemblesHelpService)}${bit(m.acceptedHere)}:${String(m.sharedRoomCount)}:${m.roles.join("+")}`,
        )
        .join(";")}`;
    case "media":
      return `${person(request.self)}|${request.direction}|${request.roomKind}|${request.mediaKind}|${
        request.direction === "incoming"
          ? counterpart(request.sender)
          : request.recipients.map(counterpart).join(";")
      }`;
    default:
      return assertNever(request, "decision point");
  }
}

export function decisionId(pack: PackRef, point: string, now: string, key: string): string {
  return `${pack.id}@${pack.version}/${point}/${fnv1a64(`${now}|${key}`)}`;
}
