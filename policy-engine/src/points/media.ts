// The media decision point: how an image or file shows on the reader's
// device, and whether a sender sees a think-first notice before sending one.
// Decided from who and when only (relationship, verified bands, how the
// contact started, how long ago it was accepted); the request carries no
// byte, pixel, hash, name or caption of the media, so nothing here can look
// at what an image shows (docs/measures/media.md).

import { effectiveBand } from "../model/bands.ts";
import type { AgeBand } from "../model/bands.ts";
import type { MediaDecision } from "../model/decisions.ts";
import {
  INCOMING_MEDIA_EFFECTS,
  OUTGOING_MEDIA_EFFECTS,
  protectionRank,
} from "../model/effects.ts";
import type { IncomingMediaEffect, OutgoingMediaEffect } from "../model/effects.ts";
import type { ActionId, HelpResourceId } from "../model/ids.ts";
import type { MediaCounterpart, MediaRequest } from "../model/requests.ts";
import { mergeNotices, reasonsOf, runRules } from "../engine/run-rules.ts";
import type { Applied } from "../engine/run-rules.ts";
import type { CompiledPack } from "../pack/compile.ts";
import type { MediaContribution } from "../rules/contributions.ts";
import type { MediaCounterpartOutcome, MediaFacts } from "../rules/facts.ts";
import { incomingTable } from "../rules/media/incoming-table.ts";
import { outgoingTable } from "../rules/media/outgoing-table.ts";
import { recentlyAccepted } from "../rules/media/recently-accepted.ts";
import { unsendWithCaveat } from "../rules/media/unsend-with-caveat.ts";
import type { Rule } from "../rules/rule.ts";
import { NO_ACTIONS, NO_ERRORS, NO_HELP, NO_RULE_APPLIED } from "./common.ts";
import type { DecisionBase } from "./common.ts";
import { helpFor } from "./help.ts";
import { strangerClass } from "./relationship.ts";

export const MEDIA_RULES: readonly Rule<MediaFacts, MediaContribution>[] = [
  incomingTable,
  outgoingTable,
  recentlyAccepted,
  unsendWithCaveat,
];

// Incoming and outgoing rules never both apply, so one rank orders both lists.
const RANK = protectionRank<IncomingMediaEffect | OutgoingMediaEffect>([
  ...INCOMING_MEDIA_EFFECTS,
  ...OUTGOING_MEDIA_EFFECTS,
]);

const INCOMING: ReadonlySet<string> = new Set(INCOMING_MEDIA_EFFECTS);
const OUTGOING: ReadonlySet<string> = new Set(OUTGOING_MEDIA_EFFECTS);

const ON_REQUEST_ACTIONS: readonly ActionId[] = Object.freeze([
  "view",
  "block",
  "report",
  "get-help",
  "why",
] as const);
const NOT_VIEWABLE_ACTIONS: readonly ActionId[] = Object.freeze([
  "block",
  "report",
  "get-help",
  "why",
] as const);
const THINK_FIRST_ACTIONS: readonly ActionId[] = Object.freeze([
  "continue",
  "cancel",
  "get-help",
  "why",
] as const);

/**
 * What the other person is to the device user now. A contact whose request
 * was accepted (or whose start is unknown: the protective reading) less than
 * the pack's window ago is "recently accepted"; an unknown acceptance time
 * counts as just now.
 */
export function mediaRelationship(
  selfBand: AgeBand,
  other: MediaCounterpart,
  pack: CompiledPack,
  now: number,
): MediaCounterpartOutcome {
  if (!other.isContact) {
    return {
      relationship: strangerClass(selfBand, effectiveBand(other.person), pack),
      recentUntil: null,
    };
  }
  if (other.origin === "accepted-request" || other.origin === "unknown") {
    const until = (other.acceptedAt ?? now) + pack.media.recentlyAcceptedMs[selfBand];
    if (now < until) return { relationship: "recently-accepted", recentUntil: until };
  }
  return { relationship: "contact", recentUntil: null };
}

export function mediaFacts(request: MediaRequest, pack: CompiledPack, now: number): MediaFacts {
  const selfBand = effectiveBand(request.self);
  const others = request.direction === "incoming" ? [request.sender] : request.recipients;
  return {
    request,
    selfBand,
    counterparts: others.map((other) => mediaRelationship(selfBand, other, pack, now)),
    now,
  };
}

function untilOf(kept: readonly Applied<MediaContribution>[]): number | null {
  let until: number | null = null;
  for (const { contribution } of kept) {
    if (contribution.until !== undefined && (until === null || contribution.until < until)) {
      until = contribution.until;
    }
  }
  return until;
}

/** Per compiled (frozen) pack and band: the help depends on nothing else, so it is built once. */
const HELP_BY_PACK = new WeakMap<CompiledPack, Map<AgeBand, readonly HelpResourceId[]>>();

/** The pack's media help first (e.g. Helpwanted), then what every warning offers (Kindertelefoon for minors). */
function mediaHelp(band: AgeBand, pack: CompiledPack): readonly HelpResourceId[] {
  let byBand = HELP_BY_PACK.get(pack);
  if (byBand === undefined) {
    byBand = new Map();
    HELP_BY_PACK.set(pack, byBand);
  }
  const known = byBand.get(band);
  if (known !== undefined) return known;
  const help = [...pack.media.help[band]];
  for (const id of helpFor(band, "after-warning", null, pack)) {
    if (!help.includes(id)) help.push(id);
  }
  const frozen = Object.freeze(help);
  byBand.set(band, frozen);
  return frozen;
}

export function decideMedia(
  request: MediaRequest,
  pack: CompiledPack,
  now: number,
  base: DecisionBase,
): MediaDecision {
  const facts = mediaFacts(request, pack, now);
  const { effect, kept } = runRules(MEDIA_RULES, facts, pack, RANK);
  const reasons = effect === undefined ? NO_RULE_APPLIED : reasonsOf(kept);
  const notices = mergeNotices(kept);
  const until = untilOf(kept);
  if (request.direction === "incoming") {
    // No rule (impossible with the bundled rules) or a foreign effect: the protective answer.
    const incoming: IncomingMediaEffect =
      effect !== undefined && INCOMING.has(effect)
        ? (effect as IncomingMediaEffect)
        : "not-viewable";
    const shown = incoming === "show";
    return {
      point: "media",
      direction: "incoming",
      effect: incoming,
      relationship: facts.counterparts[0]?.relationship ?? null,
      blurred: incoming === "tap-to-download",
      until,
      decisionId: base.decisionId,
      pack: base.pack,
      notices,
      help: shown ? NO_HELP : mediaHelp(facts.selfBand, pack),
      actions: shown
        ? NO_ACTIONS
        : incoming === "tap-to-download"
          ? ON_REQUEST_ACTIONS
          : NOT_VIEWABLE_ACTIONS,
      reasons,
      errors: NO_ERRORS,
      failedClosed: false,
    };
  }
  const outgoing: OutgoingMediaEffect =
    effect !== undefined && OUTGOING.has(effect) ? (effect as OutgoingMediaEffect) : "think-first";
  let unsend = false;
  for (const { contribution } of kept) if (contribution.unsend === true) unsend = true;
  const thinking = outgoing === "think-first";
  return {
    point: "media",
    direction: "outgoing",
    effect: outgoing,
    relationships: facts.counterparts.map((other) => other.relationship),
    unsend,
    unsendCaveat: unsend ? pack.notices["media-unsend-caveat"][facts.selfBand] : null,
    until,
    decisionId: base.decisionId,
    pack: base.pack,
    notices,
    help: thinking ? mediaHelp(facts.selfBand, pack) : NO_HELP,
    actions: thinking ? THINK_FIRST_ACTIONS : NO_ACTIONS,
    reasons,
    errors: NO_ERRORS,
    failedClosed: false,
  };
}
