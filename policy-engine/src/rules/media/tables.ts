// What the pack's media tables say for the facts, shared by the media rules
// so that they agree (a rule never sees another rule's result).

import { assertNever } from "../../engine/assert-never.ts";
import type { CompiledPack } from "../../pack/compile.ts";
import type { Notice } from "../../model/decisions.ts";
import type { IncomingMediaEffect, OutgoingMediaEffect } from "../../model/effects.ts";
import type { MediaRelationship } from "../../model/ids.ts";
import type { MediaFacts } from "../facts.ts";

/** The incoming cell for the sender, or null for an outgoing request. */
export function incomingCell(facts: MediaFacts, pack: CompiledPack): IncomingMediaEffect | null {
  const sender = facts.counterparts[0];
  if (facts.request.direction !== "incoming" || sender === undefined) return null;
  return pack.media.incoming[facts.selfBand][sender.relationship];
}

/**
 * The outgoing effect over every recipient (think-first if any cell says so),
 * `send` for a kind the table does not cover, or null for an incoming request.
 */
export function outgoingEffect(facts: MediaFacts, pack: CompiledPack): OutgoingMediaEffect | null {
  if (facts.request.direction !== "outgoing") return null;
  if (!pack.media.thinkFirstKinds[facts.request.mediaKind]) return "send";
  const row = pack.media.outgoing[facts.selfBand];
  return facts.counterparts.some((other) => row[other.relationship] === "think-first")
    ? "think-first"
    : "send";
}

/** The notice that goes with an incoming effect: who sent it, said plainly. */
export function incomingNotices(
  effect: IncomingMediaEffect,
  relationship: MediaRelationship,
  facts: MediaFacts,
  pack: CompiledPack,
): readonly Notice[] {
  switch (effect) {
    case "show":
      return [];
    case "tap-to-download":
      return [
        pack.notices[
          relationship === "recently-accepted" ? "media-recently-accepted" : "media-from-stranger"
        ][facts.selfBand],
      ];
    case "not-viewable":
      return [pack.notices["media-not-viewable"][facts.selfBand]];
    default:
      return assertNever(effect, "incoming media effect");
  }
}
